using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Bench.Turn;

/// <summary>
/// Figure 3 (BenchmarkDotNet, in this process: the hub is the running server's): one tool call through
/// IMcpHub.CallToolAsync against the same call from the direct client to the same connector. Every invocation asks for a
/// different query, so the hub's result cache always misses (the cache cannot be switched off: its TTL must be > 0).
/// </summary>
public class HubDirectBenchmarks
{
    internal static IMcpHub Hub = null!;
    internal static DirectClient Direct = null!;
    internal static string UserId = "";
    static int _n;

    static Dictionary<string, JsonElement> Next() =>
        new() { ["query"] = JsonSerializer.SerializeToElement($"checkout {Interlocked.Increment(ref _n)}") };

    [Benchmark(Baseline = true)]
    public async Task DirectCall() => await Direct.CallAsync("search_messages", Next());

    [Benchmark]
    public async Task HubCall()
    {
        var r = await Hub.CallToolAsync(UserId, ChatTurns.Source, "search_messages", Next(), default);
        if (r.IsError || r.FromCache)
            throw new InvalidOperationException($"hub call: error={r.IsError} cached={r.FromCache} {r.Text}");
    }

    internal sealed record Result(double DirectMedianMs, double HubMedianMs, Load Load, string Table);

    internal static Result Run(TextWriter log)
    {
        var job = Job
            .Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(2), logOutput: false))
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithInvocationCount(32)
            .WithUnrollFactor(1)
            .WithId("InProcess");
        var config = ManualConfig
            .CreateEmpty()
            .AddJob(job)
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "bench-turn-bdn"))
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        var before = Load.Now();
        var summary = BenchmarkRunner.Run<HubDirectBenchmarks>(config);
        var after = Load.Now();
        double Median(string method) =>
            summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics!.Median / 1e6;
        var text = new AccumulationLogger();
        BenchmarkDotNet.Exporters.MarkdownExporter.GitHub.ExportToLog(summary, text);
        log.WriteLine(text.GetLog());
        return new Result(Median(nameof(DirectCall)), Median(nameof(HubCall)), new Load(before, after), text.GetLog());
    }
}
