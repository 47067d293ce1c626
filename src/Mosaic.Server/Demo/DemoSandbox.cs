using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Demo;

/// <summary>
/// The Sandbox (simulated GitHub, Slack, Jira, Shopify, Google over the Acme dataset) as a child process,
/// and the connector environment it prints with <c>--print-env</c>. Used by --demo and by the tests.
/// </summary>
public sealed class DemoSandbox : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly (string Command, IReadOnlyList<string> Args) _program;
    private readonly TimeProvider _time;

    private DemoSandbox(ChildProcess process, (string, IReadOnlyList<string>) program, TimeProvider time)
    {
        _process = process;
        _program = program;
        _time = time;
    }

    public string BaseUrl => _process.BaseUrl;
    public int ProcessId => _process.ProcessId;

    /// <summary>Finds the built Sandbox the way connectors are found (MOSAIC_CONNECTORS_DIR, beside the server, or the repository
    /// build).</summary>
    public static (string Command, IReadOnlyList<string> Args) Locate(BuiltInConnectorLocator? locator = null) =>
        (locator ?? new BuiltInConnectorLocator()).Locate("Mosaic.Sandbox");

    /// <summary>Starts the Sandbox; on the server's clock when that is not the system's (MOSAIC_FAKE_NOW, a test's fake clock).</summary>
    /// <param name="port">A port chosen in advance (the demo's Acme Wiki source names it before the Sandbox runs).</param>
    public static async Task<DemoSandbox> StartAsync(
        TimeProvider time,
        CancellationToken ct,
        BuiltInConnectorLocator? locator = null,
        int? port = null
    )
    {
        var program = Locate(locator);
        var env = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1" };
        // Generous: on a busy machine the first request waits for the whole app to be compiled.
        string[] args = [.. program.Args, "--urls", "http://127.0.0.1:{port}", "--exit-with-parent", .. Clock(time)];
        var process = await ChildProcess.StartAsync(program.Command, args, env, TimeSpan.FromSeconds(90), ct, port);
        return new DemoSandbox(process, program, time);
    }

    private static string[] Clock(TimeProvider time) => DemoClock.SandboxArgument(time) is { } now ? [now] : [];

    /// <summary>Each connector's environment for this Sandbox, by datasource id (and s3 pointed at <paramref name="s3Url"/>).</summary>
    public async Task<Dictionary<string, Dictionary<string, string>>> PrintEnvAsync(string? s3Url, CancellationToken ct)
    {
        // On the same clock, so the demo database it names is moved to the same hour.
        var args = new List<string>([.. _program.Args, "--urls", BaseUrl, "--print-env", .. Clock(_time)]);
        if (s3Url is not null)
            args.AddRange(["--s3-url", s3Url]);
        var json = await ChildProcess.RunAsync(_program.Command, args, null, TimeSpan.FromSeconds(60), ct);
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json)
            ?? throw new InvalidOperationException($"The Sandbox's --print-env printed no JSON: {json}");
    }

    /// <summary>Uploads the demo S3 files (buckets acme-marketing, acme-finance, acme-engineering) to an S3-compatible endpoint.</summary>
    public static Task SeedS3Async(string s3Url, CancellationToken ct, BuiltInConnectorLocator? locator = null)
    {
        var program = Locate(locator);
        return ChildProcess.RunAsync(program.Command, [.. program.Args, "--seed-s3", s3Url], null, TimeSpan.FromSeconds(120), ct);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
