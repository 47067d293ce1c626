using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mosaic.Server.Demo;

namespace Mosaic.Bench.Turn;

/// <summary>
/// The real server, started in this process through its own entry point with <c>--demo</c> (Program.cs unchanged: the
/// demo account, the Sandbox and the connectors as child processes), so the bench's ActivityListener sees its spans and
/// GC figures are the server's. Offline mode, SQLite in a fresh data directory, Release build.
/// </summary>
sealed class BenchServer : IAsyncDisposable
{
    public const string Password = "bench-turn-pass-123";

    readonly Task<int> _main;

    BenchServer(IHost host, Task<int> main, Uri baseUrl)
    {
        Host = host;
        _main = main;
        BaseUrl = baseUrl;
    }

    public IHost Host { get; }
    public Uri BaseUrl { get; }
    public IServiceProvider Services => Host.Services;

    public static async Task<BenchServer> StartAsync(string dataDir, double resultCacheSeconds)
    {
        var port = FreePort();
        var settings = new Dictionary<string, string>
        {
            ["MOSAIC_DATA_DIR"] = dataDir,
            ["BACKEND_HOST"] = "127.0.0.1",
            ["BACKEND_PORT"] = port.ToString(),
            ["ENVIRONMENT"] = "development", // plain-HTTP cookies on loopback, as the tests and the local demo run
            ["MOSAIC_DEMO_PASSWORD"] = Password,
            ["MOSAIC_LLM_PROVIDER"] = "offline",
            ["MCP_RESULT_CACHE_SECONDS"] = resultCacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "10000000",
            ["RATE_LIMIT_REQUESTS_PER_HOUR"] = "100000000",
            ["REDIS_URL"] = "",
            ["LOCAL_MYSQL_HOST"] = "",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };
        foreach (var (k, v) in settings)
            Environment.SetEnvironmentVariable(k, v);

        var built = new TaskCompletionSource<IHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = HostCapture.Subscribe(built);
        var entry = typeof(DemoSeeder).Assembly.EntryPoint ?? throw new InvalidOperationException("Mosaic.Server has no entry point");
        var main = Task.Run(() => (Task<int>)entry.Invoke(null, [new[] { "--demo" }])!);
        var host = await await Task.WhenAny(
            built.Task,
            main.ContinueWith<IHost>(t =>
                throw new InvalidOperationException(
                    $"the server stopped before it was built: {t.Exception?.GetBaseException().Message ?? $"exit {t.Result}"}"
                )
            )
        );
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        var timeout = Task.Delay(TimeSpan.FromMinutes(3));
        if (await Task.WhenAny(started.Task, main, timeout) != started.Task)
            throw new InvalidOperationException(
                main.IsFaulted ? main.Exception!.GetBaseException().ToString() : "the server did not start"
            );
        return new BenchServer(host, main, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>The demo account, signed in.</summary>
    public Task<BenchClient> SignInAsync() => BenchClient.SignInAsync(BaseUrl, DemoSeeder.Email, Password);

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAny(_main, Task.Delay(TimeSpan.FromSeconds(10)));
    }

    /// <summary>The generic host announces the built host on DiagnosticListener "Microsoft.Extensions.Hosting".</summary>
    sealed class HostCapture(TaskCompletionSource<IHost> built) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        readonly List<IDisposable> _subscriptions = [];

        public static IDisposable Subscribe(TaskCompletionSource<IHost> built)
        {
            var capture = new HostCapture(built);
            capture._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(capture));
            return new Unsubscriber(capture._subscriptions);
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
                lock (_subscriptions)
                    _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == "HostBuilt" && e.Value is IHost host)
                built.TrySetResult(host);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        sealed class Unsubscriber(List<IDisposable> subscriptions) : IDisposable
        {
            public void Dispose()
            {
                lock (subscriptions)
                    subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
