using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Mosaic.Server.Tests.Support;

/// <summary>
/// The real Mosaic server over in-memory HTTP, on the database MOSAIC_TEST_DB picks (see
/// <see cref="TestDatabase"/>). Adjust <see cref="Settings"/> or <see cref="Time"/> before the first
/// request. Pass a shared <see cref="TestDatabase"/> to run several servers (or a restart) on the
/// same data; otherwise the factory owns a fresh one and removes it on dispose.
/// </summary>
public class MosaicAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private bool _ownsDatabase = true;

    public MosaicAppFactory()
    {
        Settings = new Dictionary<string, string?>
        {
            ["ENVIRONMENT"] = "development",
            ["BCRYPT_WORK_FACTOR"] = "4", // tests exercise the logic, not the cost
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "10000",
            ["RATE_LIMIT_REQUESTS_PER_HOUR"] = "100000",
            ["DATABASE_STARTUP_RETRIES"] = "2",
            ["LOG_LEVEL"] = "DEBUG",
            // scripts/test.sh runs the suite once per database, each in one isolation mode, so every test passes in both.
            ["MOSAIC_CONNECTOR_ISOLATION"] = TestIsolation,
        };
    }

    /// <summary>MOSAIC_TEST_ISOLATION: how the test servers run built-in connectors (null: the product's default).</summary>
    public static string? TestIsolation => Environment.GetEnvironmentVariable("MOSAIC_TEST_ISOLATION") is { Length: > 0 } m ? m : null;

    /// <summary>A server on an existing database and data dir (another replica, or the same server restarted).</summary>
    public static MosaicAppFactory On(TestDatabase database) => new() { _database = database, _ownsDatabase = false };

    /// <summary>A server on its own fresh database, created now (for tests that build their own factory).</summary>
    public static async Task<MosaicAppFactory> StartNewAsync(Action<MosaicAppFactory>? configure = null)
    {
        var factory = new MosaicAppFactory();
        await factory.InitializeAsync();
        configure?.Invoke(factory);
        return factory;
    }

    /// <summary>Server settings (environment variable names), applied on top of the database's.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>When set before start, the server's TimeProvider (lockouts, token expiry, timestamps).</summary>
    public FakeTimeProvider? Time { get; set; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Service replacements applied after the app's own registrations (e.g. a fake LLM endpoint).</summary>
    public List<Action<IServiceCollection>> ServiceOverrides { get; } = [];

    public TestDatabase Database =>
        _database ?? throw new InvalidOperationException("Call InitializeAsync first (xUnit does it for fixtures).");

    public async Task InitializeAsync() => _database ??= await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = Database.Settings();
        foreach (var (k, v) in Settings)
            settings[k] = v;
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug).AddFilter("Mosaic", LogLevel.Debug));
        builder.ConfigureServices(services =>
        {
            if (Time is { } time)
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        });
        builder.ConfigureTestServices(services => ServiceOverrides.ForEach(o => o(services)));
    }

    /// <summary>A client that keeps cookies and sends the XSRF header like the web UI.</summary>
    public BrowserClient CreateBrowser(bool sendXsrfHeader = true) => new(this, sendXsrfHeader);

    /// <summary>Signs up a new user (unique email unless given) and returns their signed-in client.</summary>
    public async Task<TestUser> SignUpAndLogInAsync(string? email = null, string password = "correct horse battery staple")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var browser = CreateBrowser();
        var signup = await browser.SignupAsync(email, password, "Test User");
        if (!signup.IsSuccessStatusCode)
            throw new InvalidOperationException($"signup failed: {(int)signup.StatusCode} {await signup.Content.ReadAsStringAsync()}");
        var login = await browser.LoginAsync(email, password);
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"login failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        return new TestUser(browser, body.GetProperty("user").GetProperty("id").GetString()!, email, password);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && _database is not null)
            await _database.DisposeAsync();
    }
}
