using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mosaic.Server.Demo;

/// <summary>
/// A helper program the demo runs beside the server (the Sandbox, s3rver): started on a free loopback
/// port, waited for until it answers HTTP, and killed with its children when disposed. Its standard input
/// is a pipe this process holds open and never writes to: if the server dies without disposing it (SIGKILL,
/// a crash), the pipe closes and a child that watches it (Sandbox --exit-with-parent, s3rver through
/// <see cref="ExitWithParentScript"/>) exits instead of lingering on its port.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }
    public int ProcessId => _process.Id;
    public string Output => string.Join("\n", _output);

    /// <summary>Starts <paramref name="command"/> with <c>{port}</c> in its arguments replaced (a free one unless
    /// <paramref name="fixedPort"/> says which), and waits for GET / to answer.</summary>
    public static async Task<ChildProcess> StartAsync(
        string command,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? env,
        TimeSpan startTimeout,
        CancellationToken ct,
        int? fixedPort = null
    )
    {
        var port = fixedPort ?? FreePort();
        var psi = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
            psi.Environment[k] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"{command} could not be started.");
        var child = new ChildProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"{Path.GetFileName(command)} exited with code {process.ExitCode} while starting:\n{child.Output}"
                );
            try
            {
                using var response = await http.GetAsync(child.BaseUrl + "/", ct);
                return child; // any HTTP answer means it listens
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(150, ct);
        }
        await child.DisposeAsync();
        throw new TimeoutException(
            $"{Path.GetFileName(command)} did not answer on {child.BaseUrl} within {startTimeout.TotalSeconds:0} s:\n{child.Output}"
        );
    }

    /// <summary>Runs a command to completion and returns its standard output; throws with its error output on failure.</summary>
    public static async Task<string> RunAsync(
        string command,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? env,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var psi = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
            psi.Environment[k] = v;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{command} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{Path.GetFileName(command)} {string.Join(' ', psi.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s."
            );
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(command)} {string.Join(' ', psi.ArgumentList)} failed ({process.ExitCode}): "
                    + $"{await stderr}{await stdout}"
            );
        return await stdout;
    }

    /// <summary>
    /// A Node.js preload (NODE_OPTIONS=--require) that ends the process when its standard input closes, i.e.
    /// when the server that started it is gone. Written to <paramref name="dir"/>; returns its path.
    /// </summary>
    public static string ExitWithParentScript(string dir)
    {
        var path = Path.Combine(Directory.CreateDirectory(dir).FullName, "exit-with-parent.cjs");
        const string script = """
            // Written by the Mosaic server: ends this process when the server that started it is gone (stdin closes).
            process.stdin.on('end', () => process.exit(0));
            process.stdin.on('error', () => process.exit(0));
            process.stdin.resume();
            """;
        if (!File.Exists(path) || File.ReadAllText(path) != script)
            File.WriteAllText(path, script);
        return path;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 200)
            _output.TryDequeue(out _);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        { /* already gone */
        }
        _process.Dispose();
    }
}
