using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Chat;

/// <summary>
/// duration_ms is measured, not truncated: a fast tool call reports a fraction of a millisecond (to the microsecond),
/// the same value in tool_end, in the done event's metadata and in the stored history.
/// </summary>
public sealed class DurationTests(OfflineChatFixture fx) : IClassFixture<OfflineChatFixture>
{
    private static double Ms(JsonElement e) => e.GetProperty("duration_ms").GetDouble();

    /// <summary>Whole milliseconds would make every one of these an integer; three decimals is the wire format.</summary>
    private static void AssertMeasured(IReadOnlyList<double> durations)
    {
        Assert.All(durations, d => Assert.True(d > 0 && Math.Round(d, 3) == d, $"{d} is not a positive count of microseconds"));
        // Each value is a whole number only one time in a thousand; all of them at once would mean truncation.
        Assert.Contains(durations, d => d != Math.Floor(d));
    }

    [Fact]
    public async Task A_fast_and_a_cached_tool_call_report_fractions_of_a_millisecond_in_events_and_stored_metadata()
    {
        var user = await fx.App.SignInAsync();
        var ask = new { message = "echo \"timing is everything\"", datasource = "everything" };
        await using (var first = await SseStream.OpenAsync(user.Http, ask))
            await first.ReadToEndAsync(); // starts the server process: the next calls are the fast path

        await using var sse = await SseStream.OpenAsync(user.Http, ask);
        var events = await sse.ReadToEndAsync();
        var end = events.Single(e => SseStream.Type(e) == "tool_end");
        Assert.True(end.GetProperty("success").GetBoolean());
        var meta = events[^1].GetProperty("metadata");
        var used = Assert.Single(meta.GetProperty("tools_used").EnumerateArray());
        Assert.Equal(Ms(end), Ms(used));
        Assert.True(Ms(meta) >= Ms(end), $"the turn ({Ms(meta)} ms) includes its tool call ({Ms(end)} ms)");
        AssertMeasured([Ms(end), Ms(meta)]);

        var sessionId = events[0].GetProperty("session_id").GetString()!;
        var saved = await ProblemAssert.JsonAsync(await user.Http.GetAsync($"/api/chat/sessions/{sessionId}"));
        var stored = saved.GetProperty("messages")[1].GetProperty("metadata");
        Assert.Equal(Ms(meta), Ms(stored));
        Assert.Equal(Ms(end), Ms(stored.GetProperty("tools_used")[0]));
    }

    [Fact]
    public async Task The_non_streaming_answer_carries_the_same_measured_durations()
    {
        var user = await fx.App.SignInAsync();
        var ask = new { message = "get sum of 2 and 3", datasource = "everything" };
        (await user.Http.PostAsJsonAsync("/api/chat/message", ask)).EnsureSuccessStatusCode();

        var body = await ProblemAssert.JsonAsync(await user.Http.PostAsJsonAsync("/api/chat/message", ask));
        var meta = body.GetProperty("metadata");
        var used = Assert.Single(meta.GetProperty("tools_used").EnumerateArray());
        Assert.True(used.GetProperty("success").GetBoolean());
        AssertMeasured([Ms(used), Ms(meta)]);
    }
}
