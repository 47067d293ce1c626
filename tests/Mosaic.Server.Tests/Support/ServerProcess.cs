using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mosaic.Server.Tests.Support;

/// <summary>
/// The Mosaic server as a real child process (<c>dotnet Mosaic.Server.dll</c> on a free loopback port), for tests
/// that must kill it outright: SIGKILL runs no shutdown code, as in a crash or an out-of-memory kill.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }
    public string Output => string.Join("\n", _output);

    /// <summary>Starts the server with <paramref name="settings"/> (environment variables) and waits until it answers.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string workingDirectory)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // Only what the test passes: nothing from the test run's own environment picks a database, cache, model or address.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("LOCAL_MYSQL_", StringComparison.Ordinal) || k is "REDIS_URL"
                     || k.StartsWith("ANTHROPIC_", StringComparison.Ordinal) || k.StartsWith("OPENAI_", StringComparison.Ordinal)
                     || k.StartsWith("MOSAIC_", StringComparison.Ordinal) || k.EndsWith("_URLS", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["ENVIRONMENT"] = "development";
        psi.Environment["BCRYPT_WORK_FACTOR"] = "4";
        foreach (var (k, v) in settings)
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        psi.Environment["BACKEND_HOST"] = "127.0.0.1";
        psi.Environment["BACKEND_PORT"] = port.ToString(CultureInfo.InvariantCulture);

        var server = new ServerProcess(Process.Start(psi)!, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited)
                throw new InvalidOperationException($"the server exited with code {server._process.ExitCode} while starting:\n{server.Output}");
            try
            {
                if ((await probe.GetAsync("/api/health/live")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"the server did not answer within 90 s:\n{server.Output}");
    }

    /// <summary>A client like the web UI's: the cookies given (shared across restarts), the XSRF header on every request.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new BrowserClient.XsrfHeaderHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } })
        {
            BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100),
        };

    /// <summary>SIGKILL to the server alone, as a crash would end it; its connector children notice their closed stdin.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
