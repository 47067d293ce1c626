using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mosaic.Bench.Turn;

/// <summary>
/// Figure 2: an all-sources question's wall time over its slowest source's own tool time. A source's tool time is the
/// sum of the <c>execute_tool</c> spans under its <c>agent.source</c> span (the hub's call as the hub sees it; lookups made
/// before the fan-out, e.g. the GitHub repository picker's, belong to no source and count as the agent's own time).
/// Each round asks once after the result cache's TTL ran out (uncached) and once more at once (cached).
/// </summary>
sealed class AgentRatio(BenchClient client, SpanRecorder spans, TimeSpan ttl)
{
    public const string Question = "What is the latest on the checkout launch?";

    public sealed record Ask(bool Cached, double WallMs, double SlowestToolMs, string Slowest, double PlanningMs, int Sources, int Hits);

    public sealed record Result(IReadOnlyList<Ask> Asks, IReadOnlyList<string> Sources, Load Load);

    public async Task<Result> RunAsync(int rounds, int warmup)
    {
        var sources = (await client.Http.GetFromJsonAsync<JsonElement>("/api/agent/sources"))
            .EnumerateArray()
            .Where(s => s.GetProperty("enabled").GetBoolean() && s.GetProperty("configured").GetBoolean())
            .Select(s => s.GetProperty("id").GetString()!)
            .ToList();
        var asks = new List<Ask>();
        var loadBefore = Load.Now();
        for (var i = 0; i < warmup + rounds; i++)
        {
            await Task.Delay(ttl + TimeSpan.FromMilliseconds(50)); // every cached result from the previous round has expired
            var miss = await AskAsync(sources, cached: false);
            var hit = await AskAsync(sources, cached: true);
            if (i >= warmup)
                asks.AddRange([miss, hit]);
        }
        return new Result(asks, sources, new Load(loadBefore, Load.Now()));
    }

    async Task<Ask> AskAsync(IReadOnlyList<string> sources, bool cached)
    {
        var r = await client.StreamAsync("/api/agent/query/stream", new { query = Question, sources });
        if (r.Failed)
            throw new InvalidOperationException($"the agent failed: {r.First("error")?.GetRawText()}");
        var trace = await spans.TraceAsync(r.TraceId);
        var bySpan = trace.ToDictionary(a => a.SpanId);
        var runs = trace.Where(a => a.OperationName == "agent.source").ToList();
        var calls = trace.Where(a => a.OperationName.StartsWith("execute_tool ", StringComparison.Ordinal)).ToList();
        var perSource = runs.Select(run =>
                (
                    Source: run.GetTagItem("mosaic.source") as string ?? "?",
                    Ms: calls.Where(c => c.Under(run, bySpan)).Sum(c => c.Duration.TotalMilliseconds)
                )
            )
            .OrderByDescending(s => s.Ms)
            .ToList();
        if (perSource.Count == 0)
            throw new InvalidOperationException("no agent.source spans");
        var request = trace.Single(a => a.Kind == ActivityKind.Server);
        var planning = Spans.Ms(request.StartTimeUtc, runs.Min(a => a.StartTimeUtc));
        var hits = calls.Count(c => c.GetTagItem("mosaic.cached") is true);
        return new Ask(cached, r.WallMs, perSource[0].Ms, perSource[0].Source, planning, runs.Count, hits);
    }
}
