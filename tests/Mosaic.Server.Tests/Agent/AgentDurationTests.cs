using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;
using static Mosaic.Server.Tests.Agent.AgentCalls;

namespace Mosaic.Server.Tests.Agent;

/// <summary>
/// The agent's durations are measured to the microsecond too: its tool_end (SourceToolEndEvent), source_complete, the result
/// and the stored turn.
/// </summary>
public sealed class AgentDurationTests(OfflineAgentFixture fixture) : IClassFixture<OfflineAgentFixture>
{
    private static double Ms(JsonElement e) => e.GetProperty("duration_ms").GetDouble();

    [Fact]
    public async Task A_fast_source_call_reports_a_fraction_of_a_millisecond_in_every_event_and_the_stored_turn()
    {
        var user = await fixture.App.SignInAsync();
        await user.AskAsync(new { query = "sleep 1", sources = new[] { "slow1" } }); // a started process: the next call is fast

        await using var sse = await user.StreamAsync(new { query = "sleep 1", sources = new[] { "slow1" } });
        var events = await sse.ReadToEndAsync();
        var toolEnd = events.Single(e => EventType(e) == "tool_end");
        var complete = events.Single(e => EventType(e) == "source_complete");
        var result = events[^1].GetProperty("result");
        var durations = new[] { Ms(toolEnd), Ms(complete), Ms(Result(result, "slow1")), Ms(result) };

        Assert.All(durations, d => Assert.True(d > 0 && Math.Round(d, 3) == d, $"{d} is not a positive count of microseconds"));
        // Truncated to whole milliseconds, all four would be integers; measured, that happens once in 10^12.
        Assert.Contains(durations, d => d != Math.Floor(d));
        Assert.Equal(Ms(complete), Ms(Result(result, "slow1")));

        var saved = await ProblemAssert.JsonAsync(
            await user.Http.GetAsync($"/api/chat/sessions/{result.GetProperty("session_id").GetString()}")
        );
        var stored = saved.GetProperty("messages")[1].GetProperty("metadata");
        Assert.Equal(Ms(result), Ms(stored));
    }
}
