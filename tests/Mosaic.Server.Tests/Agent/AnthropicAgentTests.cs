using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;
using static Mosaic.Server.Tests.Agent.AgentCalls;

namespace Mosaic.Server.Tests.Agent;

/// <summary>
/// Through the fake Anthropic Messages API (the real SDK path): the fast model ranks sources with a JSON
/// answer, each source's run asks the model for tools, and the synthesis is streamed from the model.
/// </summary>
public sealed class AnthropicAgentTests(AnthropicAgentFixture fixture) : IClassFixture<AnthropicAgentFixture>
{
    private const string Synthesis = "Several data sources were asked";

    /// <summary>Per-source runs call sleep once, then answer; the synthesis request gets a cited answer.</summary>
    private static FakeReply Script(FakeRequest r)
    {
        if (r.SystemText.Contains(Synthesis))
            return FakeReply.Text(
                "All three slow sources answered (Slow source 1, Slow source 2, Slow source 3): [sleep](https://example.test/sleep/2000)."
            );
        return r.ToolResults.Any()
            ? FakeReply.Text($"It slept: {r.ToolResults.First().Content}")
            : FakeReply.ToolUse("sleep", new { ms = 2000 });
    }

    [Fact]
    public async Task Fan_out_through_the_model_runs_sources_in_parallel_and_streams_a_cited_synthesis()
    {
        fixture.Fake.Fallback = Script;
        fixture.Fake.DefaultFor("claude-haiku-4-5", _ => FakeReply.Text("[]"));
        var user = await fixture.App.SignInAsync();

        await using var sse = await user.StreamAsync(
            new { query = "How long do the slow sources take?", sources = new[] { "slow1", "slow2", "slow3" } }
        );
        var events = await sse.ReadToEndAsync(TimeSpan.FromSeconds(120));
        var result = events[^1].GetProperty("result");

        Assert.Equal("done", EventType(events[^1]));
        Assert.Equal(["slow1", "slow2", "slow3"], Strings(result, "successful_sources").Order());
        var durations = new[] { "slow1", "slow2", "slow3" }.Select(s => Result(result, s).GetProperty("duration_ms").GetDouble()).ToList();
        Assert.True(
            result.GetProperty("duration_ms").GetDouble() < durations.Sum() - 2000,
            $"wall {result.GetProperty("duration_ms")} vs {string.Join("+", durations)}"
        );
        Assert.Equal("model", result.GetProperty("synthesis").GetString());
        var chunks = string.Concat(events.Where(e => EventType(e) == "synthesis_chunk").Select(e => e.GetProperty("chunk").GetString()));
        Assert.Contains("(Slow source 1, Slow source 2, Slow source 3)", chunks);
        Assert.Equal(chunks.Trim(), result.GetProperty("response").GetString());

        // The synthesis saw every source's answer, labelled with its name.
        var synthesis = fixture.Fake.Requests.Last(r => r.SystemText.Contains(Synthesis));
        var prompt = string.Concat(synthesis.MessageTexts.Select(m => m.Text));
        foreach (var i in new[] { 1, 2, 3 })
            Assert.Contains($"name=\"Slow source {i}\" status=\"answered\"", prompt);
        Assert.Contains("Slept 2000 ms", prompt);
    }

    [Fact]
    public async Task The_fast_model_ranks_the_sources_with_a_JSON_answer()
    {
        fixture.Fake.EnqueueFor(
            "claude-haiku-4-5",
            FakeReply.Text(
                """{"sources":[{"source":"slow2","confidence":0.92,"reasoning":"It sleeps."},"""
                    + """{"source":"nosuch","confidence":0.9,"reasoning":"x"},{"source":"slow1","confidence":0.1,"reasoning":"Barely."}]}"""
            )
        );
        var user = await fixture.App.SignInAsync();
        var body = await ProblemAssert.JsonAsync(
            await user.Http.PostAsJsonAsync("/api/agent/detect-sources", new { query = "Which source sleeps best?" })
        );

        Assert.Equal("model", body.GetProperty("method").GetString());
        var ranked = body.GetProperty("relevant_sources").EnumerateArray().ToList();
        Assert.Single(ranked); // unknown ids and those under the threshold are dropped
        Assert.Equal("slow2", ranked[0].GetProperty("source").GetString());
        Assert.Equal(0.92, ranked[0].GetProperty("confidence").GetDouble());
        var request = fixture.Fake.Requests.Last(r => r.Model == "claude-haiku-4-5");
        Assert.Contains("slow1", string.Concat(request.MessageTexts.Select(m => m.Text)));
    }

    [Fact]
    public async Task When_the_model_fails_detection_falls_back_to_heuristics_and_synthesis_to_the_sources_own_words()
    {
        fixture.Fake.EnqueueFor("claude-haiku-4-5", FakeReply.Error(500), FakeReply.Error(500), FakeReply.Error(500));
        var user = await fixture.App.SignInAsync();
        var body = await ProblemAssert.JsonAsync(
            await user.Http.PostAsJsonAsync("/api/agent/detect-sources", new { query = "Ask slow1 please" })
        );
        Assert.Equal("heuristic", body.GetProperty("method").GetString());
        Assert.Equal("slow1", body.GetProperty("relevant_sources")[0].GetProperty("source").GetString());
    }
}
