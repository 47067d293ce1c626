using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mosaic.Server.Connectors.Hub;
using static Mosaic.Server.Telemetry.MosaicTelemetry;

namespace Mosaic.Server.Telemetry;

/// <summary>
/// Mosaic's own metrics (Meter "Mosaic"; names in docs/observability.md). Recording costs a flag check while no
/// exporter listens. Labels are source ids, tool names and outcome words: a bounded set, never a user id or text.
/// </summary>
public static class MosaicMetrics
{
    static readonly Meter Meter = new(MosaicTelemetry.Name);

    // The semantic conventions' duration buckets (seconds), also the MCP SDK's: a tool call takes 10 ms to minutes.
    static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    };

    static readonly Histogram<double> ToolCallDuration = Meter.CreateHistogram(
        "mosaic.tool_call.duration",
        "s",
        "How long a tool call took, from the hub's view (cache hits included), by source, tool and outcome.",
        advice: DurationBuckets
    );

    static readonly Counter<long> ResultCache = Meter.CreateCounter<long>(
        "mosaic.tool_result_cache.lookups",
        "{lookup}",
        "Read-tool calls that could be served from the result cache, by source and whether they were (mosaic.cached)."
    );

    static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "mosaic.llm.tokens",
        "{token}",
        "Language-model tokens, by provider and direction (gen_ai.token.type: input or output)."
    );

    static readonly Counter<long> Approvals = Meter.CreateCounter<long>(
        "mosaic.approvals",
        "{approval}",
        "Write-tool approvals by outcome: approved, refused, expired."
    );

    // Every live hub (one per server; tests run several in one process), read when a gauge is collected.
    static readonly ConcurrentDictionary<McpHub, byte> Hubs = new();

    static MosaicMetrics()
    {
        Meter.CreateObservableUpDownCounter(
            "mosaic.mcp.sessions",
            () =>
                Counts(
                    SeenSessions,
                    Hubs.Keys.SelectMany(h => h.GetStatus().Sessions).Select(s => (s.Datasource, s.Shared ? "true" : "false")),
                    "mosaic.shared"
                ),
            "{session}",
            "Live MCP sessions (connector processes or remote connections), by source and whether shared by a pool."
        );
        Meter.CreateObservableUpDownCounter(
            "mosaic.mcp.breakers",
            () =>
                Counts(
                    SeenBreakers,
                    Hubs.Keys.SelectMany(h => h.GetStatus().Breakers).Select(b => (b.Datasource, StateName(b.State))),
                    "mosaic.breaker.state"
                ),
            "{breaker}",
            "Circuit breakers that are not closed, by source and state (open, half_open)."
        );
    }

    internal static void Observe(McpHub hub) => Hubs.TryAdd(hub, 0);

    internal static void Forget(McpHub hub) => Hubs.TryRemove(hub, out _);

    public static void ToolCall(string source, string tool, string outcome, bool cached, TimeSpan duration) =>
        ToolCallDuration.Record(
            duration.TotalSeconds,
            new TagList
            {
                { Tags.Source, source },
                { Tags.Tool, tool },
                { Tags.Outcome, outcome },
                { Tags.Cached, cached },
            }
        );

    public static void CacheLookup(string source, bool hit) =>
        ResultCache.Add(1, new KeyValuePair<string, object?>(Tags.Source, source), new(Tags.Cached, hit));

    public static void LlmTokens(string provider, long input, long output)
    {
        if (input > 0)
            Tokens.Add(input, new KeyValuePair<string, object?>(Tags.Provider, provider), new("gen_ai.token.type", "input"));
        if (output > 0)
            Tokens.Add(output, new KeyValuePair<string, object?>(Tags.Provider, provider), new("gen_ai.token.type", "output"));
    }

    public static void Approval(string outcome) => Approvals.Add(1, new KeyValuePair<string, object?>(Tags.Outcome, outcome));

    // A series seen once is reported as 0 when it empties, so a closed breaker or an idle source reads 0, not its last count.
    static readonly ConcurrentDictionary<(string, string), byte> SeenSessions = new();
    static readonly ConcurrentDictionary<(string, string), byte> SeenBreakers = new();

    static IEnumerable<Measurement<long>> Counts(
        ConcurrentDictionary<(string, string), byte> seen,
        IEnumerable<(string Source, string Kind)> items,
        string kindTag
    )
    {
        var counts = items.GroupBy(i => i).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var key in counts.Keys)
            seen.TryAdd(key, 0);
        return seen.Keys.Select(k => new Measurement<long>(
            counts.GetValueOrDefault(k),
            new KeyValuePair<string, object?>(Tags.Source, k.Item1),
            new(kindTag, k.Item2)
        ));
    }

    static string StateName(BreakerState state) =>
        state switch
        {
            BreakerState.Open => "open",
            BreakerState.HalfOpen => "half_open",
            _ => "closed",
        };
}
