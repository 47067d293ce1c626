using System.Diagnostics;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>
/// What a dashboard reads (docs/observability.md): tool-call durations, the result cache, sessions, the MCP SDK's own
/// metrics. (Request durations are ASP.NET Core's, checked through the scrape endpoint in PrometheusEndpointTests.)
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(TelemetryFixture fx)
{
    [Fact]
    public async Task A_tool_call_its_cache_hit_and_the_session_are_measured()
    {
        var user = await fx.SlackUserAsync();
        var before = fx.Telemetry.CollectMetrics();
        await TraceTests.AskAsync(user, ActivityTraceId.CreateRandom(), "list channels");
        await TraceTests.AskAsync(user, ActivityTraceId.CreateRandom(), "list channels");
        var after = fx.Telemetry.CollectMetrics();

        // Cumulative counts: each grew by this test's calls (other servers in this process may add, never take away).
        Assert.True(Grew(before, after, "mosaic.tool_call.duration", ListChannels(cached: false)) >= 1);
        Assert.True(Grew(before, after, "mosaic.tool_call.duration", ListChannels(cached: true)) >= 1);
        Assert.True(Grew(before, after, "mosaic.tool_result_cache.lookups", Cache(hit: false)) >= 1);
        Assert.True(Grew(before, after, "mosaic.tool_result_cache.lookups", Cache(hit: true)) >= 1);
        var call = after.First(m => m.Name == "mosaic.tool_call.duration" && ListChannels(cached: false)(m));
        Assert.InRange(call.Value / call.Count, 0.0001, 60); // seconds, not milliseconds
        Assert.Contains(after, m => m.Name == "mosaic.mcp.sessions" && Equals(m.Tag("mosaic.source"), "slack") && m.Value >= 1);
        // The MCP SDK's own client metrics come along.
        Assert.Contains(after, m => m.Name == "mcp.client.operation.duration");
    }

    static Func<MetricValue, bool> ListChannels(bool cached) =>
        m =>
            Equals(m.Tag("mosaic.source"), "slack")
            && Equals(m.Tag("mosaic.tool"), "list_channels")
            && Equals(m.Tag("mosaic.outcome"), "ok")
            && Equals(m.Tag("mosaic.cached"), cached);

    static Func<MetricValue, bool> Cache(bool hit) => m => Equals(m.Tag("mosaic.source"), "slack") && Equals(m.Tag("mosaic.cached"), hit);

    /// <summary>How many more measurements (histogram counts, counter sums) a series has now than before.</summary>
    static double Grew(IReadOnlyList<MetricValue> before, IReadOnlyList<MetricValue> after, string name, Func<MetricValue, bool> series)
    {
        double Total(IEnumerable<MetricValue> values) => values.Where(m => m.Name == name && series(m)).Sum(m => m.Amount);
        return Total(after) - Total(before);
    }
}
