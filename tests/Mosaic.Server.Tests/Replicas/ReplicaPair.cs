using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using StackExchange.Redis;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>
/// Two Mosaic servers as a load balancer would see them: one database (MariaDB, or the same SQLite
/// file), the real Redis of MOSAIC_TEST_REDIS under a key prefix of their own, and the same
/// JWT_SECRET_KEY / ENCRYPTION_KEY from the environment. On MariaDB replica B also gets its own data
/// dir, so nothing is shared through files.
/// </summary>
public sealed class ReplicaPair : IAsyncDisposable
{
    private readonly string? _ownDataDir;

    private ReplicaPair(TestDatabase database, string keyPrefix, MosaicAppFactory a, MosaicAppFactory b, string? ownDataDir)
    {
        Database = database;
        KeyPrefix = keyPrefix;
        A = a;
        B = b;
        _ownDataDir = ownDataDir;
    }

    public TestDatabase Database { get; }
    public string KeyPrefix { get; }
    public MosaicAppFactory A { get; }
    public MosaicAppFactory B { get; }

    /// <summary>REDIS_URL for the test Redis; a missing MOSAIC_TEST_REDIS fails the test, it never skips.</summary>
    public static string RedisUrl => RedisUrlFrom(Environment.GetEnvironmentVariable("MOSAIC_TEST_REDIS"));

    internal static string RedisUrlFrom(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
            throw new InvalidOperationException(
                "The replica tests need a real Redis: set MOSAIC_TEST_REDIS to host:port (scripts/test.sh starts one and sets it; "
                    + "or `source /tmp/mosaic-services/env`)."
            );
        return endpoint.StartsWith("redis", StringComparison.Ordinal) ? endpoint : $"redis://{endpoint}";
    }

    public static async Task<ReplicaPair> StartAsync(Action<MosaicAppFactory>? configure = null)
    {
        var redisUrl = RedisUrl; // before anything is created, so a missing Redis fails first and clearly
        var database = await TestDatabase.CreateAsync();
        var prefix = $"mosaic-test-{Guid.NewGuid():N}:";
        var jwtKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var encryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var ownDataDir = database.IsMariaDb ? Directory.CreateTempSubdirectory("mosaic-replica-b-").FullName : null;

        MosaicAppFactory Replica(string? dataDir)
        {
            var f = MosaicAppFactory.On(database);
            f.Settings["REDIS_URL"] = redisUrl;
            f.Settings["REDIS_KEY_PREFIX"] = prefix;
            f.Settings["JWT_SECRET_KEY"] = jwtKey;
            f.Settings["ENCRYPTION_KEY"] = encryptionKey;
            if (dataDir is not null)
                f.Settings["MOSAIC_DATA_DIR"] = dataDir;
            configure?.Invoke(f);
            return f;
        }

        var pair = new ReplicaPair(database, prefix, Replica(null), Replica(ownDataDir), ownDataDir);
        // Start both now (migrations, Redis subscription), so tests begin with two running replicas.
        _ = pair.A.Server;
        _ = pair.B.Server;
        return pair;
    }

    /// <summary>The same browser (one cookie jar, XSRF header echoed) talking to another replica.</summary>
    public static HttpClient SameBrowserOn(MosaicAppFactory replica, BrowserClient browser) =>
        replica.CreateDefaultClient(
            replica.ClientOptions.BaseAddress,
            new CookieContainerHandler(browser.Cookies),
            new XsrfHeader(browser.Cookies)
        );

    public static async Task<IConnectionMultiplexer> ConnectRedisAsync() =>
        await ConnectionMultiplexer.ConnectAsync(
            Mosaic.Server.Infrastructure.RedisUrl.TryParse(RedisUrl, out var url, out var error)
                ? url!.ToConfigurationOptions()
                : throw new InvalidOperationException(error)
        );

    /// <summary>Waits (up to 15 s) for something another replica causes asynchronously; fails naming it.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await using (var redis = await ConnectRedisAsync())
        {
            // Rate-limit keys look like rl:fw:{<prefix>ratelimit:...}; cache keys start with the prefix.
            var server = redis.GetServer(redis.GetEndPoints().Single());
            var db = redis.GetDatabase();
            await foreach (var key in server.KeysAsync(db.Database, $"*{KeyPrefix}*"))
                await db.KeyDeleteAsync(key);
        }
        await Database.DisposeAsync();
        if (_ownDataDir is not null)
            try
            {
                Directory.Delete(_ownDataDir, recursive: true);
            }
            catch (IOException) { }
    }

    private sealed class XsrfHeader(CookieContainer cookies) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Remove("X-XSRF-TOKEN");
            if (cookies.GetCookies(request.RequestUri!)["XSRF-TOKEN"]?.Value is { } token)
                request.Headers.Add("X-XSRF-TOKEN", token);
            return base.SendAsync(request, ct);
        }
    }
}
