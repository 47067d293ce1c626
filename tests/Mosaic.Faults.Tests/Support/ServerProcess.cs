using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mosaic.Faults.Tests.Support;

/// <summary>
/// The BUILT server (src/Mosaic.Server/bin/&lt;configuration&gt;/net10.0/Mosaic.Server.dll) as a real OS process on a free
/// loopback port, with only the variables a test gives it (plus what <c>dotnet</c> needs), in its data directory as the
/// working directory so no stray .env is read. Dispose kills it and everything it started.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string DemoPassword = "demo-pass-123";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly List<int> _children = [];

    private ServerProcess(Process process, ConcurrentQueue<string> output, string baseUrl)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int Pid => _process.Id;
    public string Output => string.Join("\n", _output);

    public static string DllPath =>
        Path.Combine(RepoPaths.Root, "src", "Mosaic.Server", "bin", RepoPaths.Configuration, "net10.0", "Mosaic.Server.dll");

    /// <summary>Starts the server and waits until /api/health/ready answers 200.</summary>
    /// <param name="demo">--demo: the demo account (demo@mosaic.local) and its sources on the server's own Sandbox.</param>
    public static async Task<ServerProcess> StartAsync(string dataDir, bool demo, IReadOnlyDictionary<string, string>? env = null)
    {
        var port = FreePort();
        var output = new ConcurrentQueue<string>();
        var psi = Psi(dataDir, env, demo ? ["--demo"] : []);
        psi.Environment["BACKEND_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, output, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited ({process.ExitCode}) while starting:\n{server.Output}");
            try
            {
                if ((await http.GetAsync($"{server.BaseUrl}/api/health/ready")).IsSuccessStatusCode)
                {
                    server._children.AddRange(ProcessTree.Children(process.Id)); // the Sandbox, s3rver
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"The server did not get ready within 90 s:\n{server.Output}");
    }

    /// <summary>Runs the server's dll with a one-shot command (e.g. backup) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunCommandAsync(
        string dataDir,
        IReadOnlyDictionary<string, string>? env,
        params string[] args
    )
    {
        using var process = Process.Start(Psi(dataDir, env, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The server's child processes now (connectors, the Sandbox), remembered so Dispose ends them too.</summary>
    public IReadOnlyList<(int Pid, string CommandLine)> Children()
    {
        var children = ProcessTree.Children(_process.Id).ToList();
        lock (_children)
            _children.AddRange(children.Where(c => !_children.Contains(c)));
        return [.. children.Select(c => (c, ProcessTree.CommandLine(c)))];
    }

    /// <summary>The pid of the connector process for <paramref name="connector"/> ("MySql"), waiting for it to appear.</summary>
    public async Task<int> ConnectorPidAsync(string connector)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Children().FirstOrDefault(c => c.CommandLine.Contains($"Mosaic.Connectors.{connector}")) is { Pid: > 0 } found)
                return found.Pid;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No Mosaic.Connectors.{connector} process under the server; children: {Children().Count}");
    }

    /// <summary>SIGKILL: no shutdown code runs, like a crash or the OOM killer.</summary>
    public async Task KillHardAsync()
    {
        Children(); // remembered before they are orphaned
        Signals.Send(_process.Id, Signals.SIGKILL);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Children();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        List<int> children;
        lock (_children)
            children = [.. _children];
        foreach (var child in children) // orphans of a killed server, and a frozen connector that cannot see its pipe close
            Signals.Send(child, Signals.SIGKILL);
        _process.Dispose();
    }

    private static ProcessStartInfo Psi(string dataDir, IReadOnlyDictionary<string, string>? env, IEnumerable<string> args)
    {
        if (!File.Exists(DllPath))
            throw new FileNotFoundException($"Server build not found at {DllPath}: build tests/Mosaic.Faults.Tests first.");
        Directory.CreateDirectory(dataDir);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        psi.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR" })
            if (Environment.GetEnvironmentVariable(name) is { } value)
                psi.Environment[name] = value;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["ENVIRONMENT"] = "development";
        psi.Environment["BACKEND_HOST"] = "127.0.0.1";
        psi.Environment["MOSAIC_DATA_DIR"] = dataDir;
        psi.Environment["MOSAIC_DEMO_PASSWORD"] = DemoPassword;
        psi.Environment["RATE_LIMIT_ENABLED"] = "false"; // 20 users from one address
        // The demo's S3 source runs the test tools' s3rver (scripts/services.sh installs it), never an install.
        psi.Environment["MOSAIC_S3RVER"] = Path.Combine(TestServices.Require("MOSAIC_TEST_TOOLS"), "s3rver");
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
            psi.Environment[key] = value;
        return psi;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        while (output.Count > 2000)
            output.TryDequeue(out _);
    }

    /// <summary>A loopback port free right now (for the server and the suite's own MariaDB).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
