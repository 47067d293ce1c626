using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>
/// Runs the real Mosaic.Sandbox (the build matching this test assembly's configuration) as a child
/// process on a free loopback port, and exposes what tests need: its base URL, the environment each
/// connector needs to use it (from the Sandbox's own <c>--print-env</c>), and its /_sandbox controls.
/// <para>
/// Reset and throttling act on the whole Sandbox, so use it as <c>IClassFixture&lt;SandboxFixture&gt;</c>
/// (one Sandbox per test class; xunit runs a class's tests one at a time) rather than sharing one
/// Sandbox between classes that run in parallel.
/// </para>
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private Dictionary<string, Dictionary<string, string>> _env = [];

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>A client whose BaseAddress is <see cref="BaseUrl"/>, for calling the Sandbox directly.</summary>
    public HttpClient Http { get; private set; } = new();

    /// <summary>
    /// When set before start, the Sandbox's clock starts at this time (<c>--now</c>) instead of the system's, so a test
    /// sees the seeded story at a chosen hour: <c>new SandboxFixture { Now = … }</c>, then InitializeAsync.
    /// </summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>What the Sandbox printed so far (for failure messages).</summary>
    public string Output => string.Join("\n", _output);

    public static string DllPath =>
        Path.Combine(RepoPaths.Root, "src", "Mosaic.Sandbox", "bin", RepoPaths.Configuration, "net10.0", "Mosaic.Sandbox.dll");

    /// <summary>The environment a connector needs for this Sandbox, by datasource id ("github", "slack", "jira", ...).</summary>
    public IReadOnlyDictionary<string, string> EnvFor(string datasource) =>
        _env.TryGetValue(datasource, out var env)
            ? new Dictionary<string, string>(env)
            : throw new ArgumentException($"The Sandbox's --print-env has no '{datasource}' entry; it has: {string.Join(", ", _env.Keys)}");

    /// <summary><see cref="EnvFor"/> with some variables replaced or added (e.g. a bad token).</summary>
    public IReadOnlyDictionary<string, string> EnvFor(string datasource, params (string Name, string Value)[] overrides)
    {
        var env = new Dictionary<string, string>(EnvFor(datasource));
        foreach (var (name, value) in overrides)
            env[name] = value;
        return env;
    }

    /// <summary>Restores every simulator's seed data and clears recorded calls and pending throttles.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default) =>
        (await Http.PostAsync("/_sandbox/reset", null, cancellationToken)).EnsureSuccessStatusCode();

    /// <summary>The write calls the Sandbox recorded, optionally for one service ("slack", "jira", ...).</summary>
    public async Task<JsonArray> CallsAsync(string? service = null, CancellationToken cancellationToken = default)
    {
        var url = service is null ? "/_sandbox/calls" : $"/_sandbox/calls?service={Uri.EscapeDataString(service)}";
        return JsonNode.Parse(await Http.GetStringAsync(url, cancellationToken))!.AsArray();
    }

    /// <summary>Makes the next <paramref name="count"/> requests to <paramref name="service"/> answer as rate-limited.</summary>
    public async Task ThrottleAsync(string service, int count = 1, CancellationToken cancellationToken = default) =>
        (
            await Http.PostAsync($"/_sandbox/throttle?service={Uri.EscapeDataString(service)}&count={count}", null, cancellationToken)
        ).EnsureSuccessStatusCode();

    /// <summary>The requests that came with a W3C traceparent of this trace (connectors' upstream calls in a traced turn).</summary>
    public async Task<JsonArray> TracedRequestsAsync(string traceId, CancellationToken cancellationToken = default) =>
        JsonNode
            .Parse(await Http.GetStringAsync($"/_sandbox/traces?trace_id={Uri.EscapeDataString(traceId)}", cancellationToken))!
            .AsArray();

    /// <summary>
    /// Uploads the Sandbox's demo S3 files to <paramref name="s3Url"/> (s3rver keys) into buckets named
    /// <paramref name="bucketPrefix"/> + acme-marketing / acme-finance / acme-engineering. Needs no running Sandbox.
    /// </summary>
    public static async Task SeedS3Async(string s3Url, string bucketPrefix, CancellationToken cancellationToken = default)
    {
        using var process = Start(["--seed-s3", s3Url, "--bucket-prefix", bucketPrefix]);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Sandbox --seed-s3 {s3Url} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(DllPath))
            throw new FileNotFoundException(
                $"Sandbox build not found at {DllPath}. Build it first (`dotnet build tests/Mosaic.Connectors.Tests -c "
                    + $"{RepoPaths.Configuration}` builds it)."
            );

        // A port picked by binding to 0 can in rare cases be taken before the Sandbox binds it: try again.
        Exception? last = null;
        for (var attempt = 0; attempt < 3 && _process is null; attempt++)
        {
            try
            {
                await StartAsync(FreePort());
            }
            catch (SandboxStartException ex)
            {
                last = ex;
            }
        }
        if (_process is null)
            throw last!;

        var psiEnv = await RunPrintEnvAsync();
        _env = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(psiEnv)
            ?? throw new InvalidOperationException($"--print-env printed no JSON: {psiEnv}");
    }

    private async Task StartAsync(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        var process = Start(["--urls", BaseUrl, .. Clock()]);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _output.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _output.Enqueue(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        // Generous: on a busy machine the first request waits for the whole app to be compiled.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new SandboxStartException($"The Sandbox exited with code {process.ExitCode} while starting on {BaseUrl}:\n{Output}");
            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await Http.GetAsync("/", probe.Token);
                if (response.IsSuccessStatusCode)
                {
                    _process = process;
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            { /* not answering yet */
            }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new SandboxStartException($"The Sandbox did not answer on {BaseUrl} within 90 s:\n{Output}");
    }

    private async Task<string> RunPrintEnvAsync()
    {
        List<string> args = ["--urls", BaseUrl, "--print-env", .. Clock()];
        if (Environment.GetEnvironmentVariable("MOSAIC_TEST_S3_URL") is { Length: > 0 } s3)
            args.AddRange(["--s3-url", s3]);
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Sandbox --print-env failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    private string[] Clock() => Now is { } now ? ["--now=" + now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)] : [];

    internal static Process Start(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private sealed class SandboxStartException(string message) : Exception(message);
}
