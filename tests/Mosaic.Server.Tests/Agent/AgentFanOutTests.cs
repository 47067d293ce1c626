using System.Net;
using System.Net.Http.Json;
using Mosaic.Server.Tests.Chat.Support;
using static Mosaic.Server.Tests.Agent.AgentCalls;

namespace Mosaic.Server.Tests.Agent;

/// <summary>Offline mode over real MCP server processes: parallel fan-out, failures reported, approvals, history, validation.</summary>
public sealed class AgentFanOutTests(OfflineAgentFixture fixture) : IClassFixture<OfflineAgentFixture>
{
    [Fact]
    public async Task Sources_are_asked_in_parallel_so_the_answer_takes_about_as_long_as_the_slowest()
    {
        var user = await fixture.App.SignInAsync();
        await user.AskAsync(new { query = "sleep 1", sources = new[] { "slow1", "slow2", "slow3" } }); // start the processes

        var response = await user.AskAsync(new { query = "sleep 2500", sources = new[] { "slow1", "slow2", "slow3" } });

        Assert.Equal(["slow1", "slow2", "slow3"], Strings(response, "successful_sources").Order());
        var durations = new[] { "slow1", "slow2", "slow3" }
            .Select(s => Result(response, s).GetProperty("duration_ms").GetDouble())
            .ToList();
        Assert.All(durations, d => Assert.True(d >= 2500, $"each source slept 2.5 s, one took {d} ms"));
        var total = response.GetProperty("duration_ms").GetDouble();
        // Sequential would be at least the sum (≥ 7.5 s); parallel is the slowest plus planning and synthesis.
        Assert.True(total < durations.Sum() - 2500, $"wall {total} ms vs per-source {string.Join("+", durations)} ms");
    }

    [Fact]
    public async Task A_failing_source_is_reported_while_the_others_answer()
    {
        var user = await fixture.App.SignInAsync();
        var response = await user.AskAsync(new { query = "sleep 10", sources = new[] { "slow1", "broken" } });

        Assert.Equal(["slow1"], Strings(response, "successful_sources"));
        Assert.Equal(["broken"], Strings(response, "failed_sources"));
        var broken = Result(response, "broken");
        Assert.False(broken.GetProperty("success").GetBoolean());
        Assert.Contains("start", broken.GetProperty("error").GetString());
        var text = response.GetProperty("response").GetString()!;
        Assert.Contains("Slow source 1", text);
        Assert.Contains("Broken source", text); // the failure is in the answer too
        Assert.Contains("https://example.test/sleep/10", text); // and the answering source's fact with its link
    }

    [Fact]
    public async Task The_stream_reports_each_stage_and_a_source_that_times_out_does_not_hold_up_the_rest()
    {
        await using var app = new AgentAppFactory(null);
        app.Settings["AGENT_SOURCE_TIMEOUT_SECONDS"] = "3";
        await app.InitializeAsync();
        var user = await app.SignInAsync();
        await user.AskAsync(new { query = "sleep 1", sources = new[] { "slow1" } }); // a started process, so the timeout hits the tool call
        await using var sse = await user.StreamAsync(new { query = "sleep 20000", sources = new[] { "slow1" } });
        var events = await sse.ReadToEndAsync(TimeSpan.FromSeconds(60));
        var types = events.Select(EventType).ToList();
        var seen = string.Join(", ", types);

        Assert.Equal("session_id", types[0]);
        Assert.True(types.IndexOf("planning") < types.IndexOf("plan_complete"), seen);
        // On a loaded machine the 3 s may run out before the tool call starts; when it did start, it was inside the source's run.
        if (types.Contains("tool_start"))
            Assert.True(types.IndexOf("source_start") < types.IndexOf("tool_start"), seen);
        Assert.True(types.IndexOf("source_complete") < types.IndexOf("synthesizing"), seen);
        Assert.Equal("done", types[^1]);
        var complete = events.Single(e => EventType(e) == "source_complete");
        Assert.False(complete.GetProperty("success").GetBoolean());
        Assert.Contains("did not answer within 3 seconds", complete.GetProperty("error").GetString());
        Assert.Equal(["slow1"], Strings(events[^1].GetProperty("result"), "failed_sources"));
    }

    [Fact]
    public async Task A_write_tool_inside_an_agent_run_waits_for_approval_and_a_refusal_runs_nothing()
    {
        var user = await fixture.App.SignInAsync();
        await using var sse = await user.StreamAsync(new { query = "crash code=3", sources = new[] { "slow2" } });
        var request = await sse.UntilAsync("approval_required");
        Assert.Equal("slow2", request.GetProperty("source").GetString());
        Assert.Equal("crash", request.GetProperty("tool").GetString());

        var answer = await user.Http.PostAsJsonAsync(
            $"/api/chat/approvals/{request.GetProperty("approval_id").GetString()}",
            new { approved = false }
        );
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var resolved = await sse.UntilAsync("approval_resolved");
        Assert.Equal("refused", resolved.GetProperty("status").GetString());
        await sse.UntilAsync("done");
        // The server is still alive: the crash never ran.
        var after = await user.AskAsync(new { query = "sleep 5", sources = new[] { "slow2" } });
        Assert.Equal(["slow2"], Strings(after, "successful_sources"));
    }

    [Fact]
    public async Task A_source_waiting_for_approval_is_not_timed_out_while_the_person_decides()
    {
        await using var app = new AgentAppFactory(null);
        app.Settings["AGENT_SOURCE_TIMEOUT_SECONDS"] = "5";
        await app.InitializeAsync();
        var user = await app.SignInAsync();
        await user.AskAsync(new { query = "sleep 1", sources = new[] { "slow2" } }); // a started process: the 5 s are the tool's
        await using var sse = await user.StreamAsync(new { query = "crash code=3", sources = new[] { "slow2" } });
        var request = await sse.UntilAsync("approval_required");

        await Task.Delay(TimeSpan.FromSeconds(6.5)); // longer than the source may take on its own
        var answer = await user.Http.PostAsJsonAsync(
            $"/api/chat/approvals/{request.GetProperty("approval_id").GetString()}",
            new { approved = false }
        );
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("refused", (await sse.UntilAsync("approval_resolved")).GetProperty("status").GetString());
        var complete = await sse.UntilAsync("source_complete");
        Assert.DoesNotContain("did not answer within", complete.GetProperty("error").ToString());
        await sse.UntilAsync("done");
    }

    [Fact]
    public async Task Agent_turns_are_kept_as_a_session_only_its_owner_can_read_or_continue()
    {
        var owner = await fixture.App.SignInAsync();
        var first = await owner.AskAsync(new { query = "sleep 5", sources = new[] { "slow3" } });
        var session = first.GetProperty("session_id").GetString()!;

        var messages = await owner.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/chat/sessions/{session}");
        var rows = messages.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], rows.Select(r => r.GetProperty("role").GetString()));
        Assert.All(rows, r => Assert.Equal("agent", r.GetProperty("datasource").GetString()));
        Assert.Equal(["slow3"], Strings(rows[1].GetProperty("metadata"), "successful_sources"));

        var stranger = await fixture.App.SignInAsync();
        var taken = await stranger.Http.PostAsJsonAsync(
            "/api/agent/query",
            new
            {
                query = "sleep 5",
                sources = new[] { "slow3" },
                session_id = session,
            }
        );
        await ProblemAssert.IsProblemAsync(taken, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"query":""}""", "query")]
    [InlineData("""{"query":"hi","sources":["nosuch"]}""", "sources")]
    [InlineData("""{"query":"hi","sources":["jira"]}""", "sources")] // known, but not configured for this user
    [InlineData("""{"query":"hi","session_id":"../etc"}""", "session_id")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var user = await fixture.App.SignInAsync();
        foreach (var path in new[] { "/api/agent/query", "/api/agent/query/stream" })
        {
            var response = await user.Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Sources_lists_every_source_and_whether_the_caller_can_use_it()
    {
        var user = await fixture.App.SignInAsync();
        var list = await user.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/agent/sources");
        var byId = list.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(11, byId.Count); // seven built-in, four test sources
        Assert.False(byId["slack"].GetProperty("configured").GetBoolean());
        Assert.True(byId["slow1"].GetProperty("configured").GetBoolean()); // needs no credentials
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetAsync("/api/agent/sources")).StatusCode);
    }
}
