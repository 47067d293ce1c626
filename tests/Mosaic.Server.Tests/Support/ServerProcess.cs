using System.Diagnostics;
using System.Net;
using Mosaic.Server.Demo;

namespace Mosaic.Server.Tests.Support;

/// <summary>
/// The Mosaic server as a real child process (<c>dotnet Mosaic.Server.dll</c> on a free loopback port, started the
/// way the demo starts its helpers), for tests that must kill it outright: SIGKILL runs no shutdown code, as in a
/// crash or an out-of-memory kill.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;

    private ServerProcess(ChildProcess child) => _child = child;

    public Uri BaseAddress => new(_child.BaseUrl);

    /// <summary>Starts the server with <paramref name="settings"/> (environment variables) and waits until it answers.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        // Set explicitly (empty when not given), so nothing in the test run's own environment picks a cache, model or mode.
        var env = new Dictionary<string, string>
        {
            ["ENVIRONMENT"] = "development",
            ["BCRYPT_WORK_FACTOR"] = "4",
            ["REDIS_URL"] = "",
            ["OPENAI_BASE_URL"] = "",
            ["OPENAI_API_KEY"] = "",
            ["OPENAI_MODEL"] = "",
            ["MOSAIC_CONNECTOR_ISOLATION"] = MosaicAppFactory.TestIsolation ?? "",
        };
        foreach (var (k, v) in settings)
            env[k] = v ?? "";
        var child = await ChildProcess.StartAsync(
            "dotnet",
            [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:{port}"],
            env,
            TimeSpan.FromSeconds(90),
            CancellationToken.None
        );
        return new ServerProcess(child);
    }

    /// <summary>A client like the web UI's: the cookies given (shared across restarts), the XSRF header on every request.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new BrowserClient.XsrfHeaderHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };

    /// <summary>SIGKILL to the server alone, as a crash would end it; its connector children notice their closed stdin.</summary>
    public async Task KillAsync()
    {
        using var process = Process.GetProcessById(_child.ProcessId);
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    public ValueTask DisposeAsync() => _child.DisposeAsync();
}
