using System.Diagnostics;
using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>
/// One chat turn is one trace: the HTTP request, the turn, the routing decision, the tool call (with the MCP SDK's
/// attributes on it), and, in the connector's own process, the upstream HTTP call to the service, which the Sandbox saw
/// arrive with this trace's traceparent.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TraceTests(TelemetryFixture fx)
{
    [Fact]
    public async Task One_chat_turn_is_one_trace_from_the_http_request_to_the_connectors_upstream_call()
    {
        var user = await fx.SlackUserAsync();
        var traceId = ActivityTraceId.CreateRandom();
        var events = await AskAsync(user, traceId, "list channels");
        Assert.True(events.Single(e => SseStream.Type(e) == "tool_end").GetProperty("success").GetBoolean());

        var spans = await fx.Telemetry.TraceWhenAsync(traceId, s => s.Any(a => a.Kind == ActivityKind.Server));
        var request = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal("/api/chat/message/stream", request.GetTagItem("http.route"));
        var turn = Assert.Single(spans, a => a.OperationName == "chat.turn");
        Assert.Equal("slack", turn.GetTagItem("mosaic.source"));
        Assert.Equal("ok", turn.GetTagItem("mosaic.outcome"));
        var route = Assert.Single(spans, a => a.OperationName == "chat.route");
        Assert.Equal("direct", route.GetTagItem("mosaic.tier"));
        var call = Assert.Single(spans, a => a.OperationName == "execute_tool list_channels");
        Assert.Equal("slack", call.GetTagItem("mosaic.source"));
        Assert.Equal("ok", call.GetTagItem("mosaic.outcome"));
        Assert.Equal(false, call.GetTagItem("mosaic.cached"));
        Assert.Equal("tools/call", call.GetTagItem("mcp.method.name")); // the SDK's client span is ours
        // Parent chain: tool call → turn → request.
        Assert.Equal(turn.SpanId, Ancestor(spans, call, turn.SpanId));
        Assert.Equal(request.SpanId, Ancestor(spans, turn, request.SpanId));
        // The history row written before the work, as an EF Core span of the same request.
        Assert.Contains(spans, a => a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));

        // The connector's process sent its upstream call with this trace id, under a span of its own (not one of ours).
        var upstream = await fx.Sandbox.TracedRequestsAsync(traceId.ToHexString());
        var channels = Assert.Single(upstream, r =>
            r!["path"]!.GetValue<string>().EndsWith("/conversations.list", StringComparison.Ordinal)
        );
        var parent = channels!["traceparent"]!.GetValue<string>().Split('-')[2];
        Assert.DoesNotContain(spans, a => a.SpanId.ToHexString() == parent);
    }

    [Fact]
    public async Task A_cached_answer_is_a_tool_call_span_marked_cached_and_no_upstream_call()
    {
        var user = await fx.SlackUserAsync();
        await AskAsync(user, ActivityTraceId.CreateRandom(), "list channels");
        var second = ActivityTraceId.CreateRandom();
        await AskAsync(user, second, "list channels");

        var spans = await fx.Telemetry.TraceWhenAsync(second, s => s.Any(a => a.Kind == ActivityKind.Server));
        var call = Assert.Single(spans, a => a.OperationName == "execute_tool list_channels");
        Assert.Equal(true, call.GetTagItem("mosaic.cached"));
        Assert.Empty(await fx.Sandbox.TracedRequestsAsync(second.ToHexString()));
    }

    /// <summary>Asks over the stream with a traceparent of a trace chosen here, so the test finds its own spans.</summary>
    internal static async Task<IReadOnlyList<JsonElement>> AskAsync(TestUser user, ActivityTraceId traceId, string message)
    {
        user.Http.DefaultRequestHeaders.Remove("traceparent");
        user.Http.DefaultRequestHeaders.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        await using var sse = await SseStream.OpenAsync(user.Http, new { message, datasource = "slack" });
        return await sse.ReadToEndAsync();
    }

    /// <summary>Walks up from <paramref name="span"/> until <paramref name="ancestor"/> (or the trace's root).</summary>
    static ActivitySpanId Ancestor(IReadOnlyList<Activity> spans, Activity span, ActivitySpanId ancestor)
    {
        var current = span;
        while (current.ParentSpanId != ancestor && spans.FirstOrDefault(a => a.SpanId == current.ParentSpanId) is { } parent)
            current = parent;
        return current.ParentSpanId;
    }
}
