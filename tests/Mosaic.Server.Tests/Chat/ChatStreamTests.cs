using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

/// <summary>POST /api/chat/message/stream end to end: the real SDK against the fake Messages API, real MCP server processes.</summary>
public sealed class ChatStreamTests(AnthropicChatFixture fx) : IClassFixture<AnthropicChatFixture>
{
    private const string LongQuestion = "Could you tell me which documents we have in the shared folder at the moment, please?";

    /// <summary>Event types with consecutive repeats folded (chunks, thinking lines).</summary>
    private static List<string> Shape(IEnumerable<string> types) => types.Aggregate(new List<string>(), (acc, t) =>
        {
            if (acc.Count == 0 || acc[^1] != t)
                acc.Add(t);
            return acc;
        });

    [Fact]
    public async Task A_tool_call_streams_the_spec_events_in_order_and_the_result_reaches_the_model()
    {
        var user = await fx.App.SignInAsync();
        await File.WriteAllTextAsync(Path.Combine(fx.App.FilesDir, "report-q3.txt"), "numbers");
        var before = fx.Fake.Requests.Count;
        var dayBefore = DateTime.UtcNow.ToString("yyyy-MM-dd");
        fx.Fake.Enqueue(
            FakeReply.ToolUse("list_directory", new { path = fx.App.FilesDir }, preamble: "I'll check the folder."),
            FakeReply.Text("There is one file: report-q3.txt.")
        );

        await using var sse = await SseStream.OpenAsync(user.Http, new { message = LongQuestion, datasource = "files" });
        var events = await sse.ReadToEndAsync();

        Assert.Equal(
            ["session_id", "thinking_start", "thinking", "thinking_end", "chunk", "tool_start", "tool_end", "chunk", "done"],
            Shape(sse.Types)
        );
        var sessionId = events[0].GetProperty("session_id").GetString()!;
        var start = events.Single(e => SseStream.Type(e) == "tool_start");
        Assert.Equal("list_directory", start.GetProperty("tool").GetString());
        Assert.Equal(fx.App.FilesDir, start.GetProperty("arguments").GetProperty("path").GetString());
        var end = events.Single(e => SseStream.Type(e) == "tool_end");
        Assert.True(end.GetProperty("success").GetBoolean());
        Assert.True(end.GetProperty("duration_ms").GetDouble() > 0);
        var text = string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));
        Assert.Equal("I'll check the folder.\n\nThere is one file: report-q3.txt.", text);

        var meta = events[^1].GetProperty("metadata");
        Assert.Equal("standard", meta.GetProperty("tier").GetString());
        Assert.Equal("anthropic", meta.GetProperty("provider").GetString());
        Assert.Equal("claude-sonnet-4-5", meta.GetProperty("model").GetString());
        Assert.Equal(50, meta.GetProperty("tokens").GetProperty("input").GetInt64());
        Assert.Equal(24, meta.GetProperty("tokens").GetProperty("output").GetInt64());
        var used = Assert.Single(meta.GetProperty("tools_used").EnumerateArray());
        Assert.Equal(("list_directory", true), (used.GetProperty("tool").GetString(), used.GetProperty("success").GetBoolean()));

        // server-filesystem has more tools than the fast-tier threshold: the fast model was asked (and picked nothing).
        var all = fx.Fake.Requests.Skip(before).ToList();
        Assert.Equal(["claude-haiku-4-5", "claude-sonnet-4-5", "claude-sonnet-4-5"], all.Select(r => r.Model));
        var requests = all.Skip(1).ToList();
        Assert.Contains("report-q3.txt", Assert.Single(requests[1].ToolResults).Content);
        Assert.Contains("Team files", requests[0].SystemText);
        Assert.Contains("Test User", requests[0].SystemText);
        // Today's date, read before and after the answer: the day may change while it streams (just after midnight).
        Assert.True(
            requests[0].SystemText.Contains(dayBefore) || requests[0].SystemText.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd")),
            requests[0].SystemText
        );
        Assert.Contains("list_directory", requests[0].ToolNames);

        var saved = await ProblemAssert.JsonAsync(await user.Http.GetAsync($"/api/chat/sessions/{sessionId}"));
        var messages = saved.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(LongQuestion, messages[0].GetProperty("content").GetString());
        Assert.Equal(text, messages[1].GetProperty("content").GetString());
        Assert.Equal("list_directory", messages[1].GetProperty("metadata").GetProperty("tools_used")[0].GetProperty("tool").GetString());
    }

    [Fact]
    public async Task A_source_with_many_tools_is_narrowed_by_the_fast_model_first()
    {
        var user = await fx.App.SignInAsync();
        var before = fx.Fake.Requests.Count;
        fx.Fake.EnqueueFor("claude-haiku-4-5", FakeReply.Text("""["get-sum"]"""));
        fx.Fake.Enqueue(FakeReply.ToolUse("get-sum", new { a = 2, b = 40 }), FakeReply.Text("It is 42."));

        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new
            {
                message = "I need the result of adding the numbers two and forty together, can you work it out for me?",
                datasource = "everything",
            }
        );
        var events = await sse.ReadToEndAsync();

        var meta = events[^1].GetProperty("metadata");
        Assert.Equal("fast", meta.GetProperty("tier").GetString());
        var requests = fx.Fake.Requests.Skip(before).ToList();
        Assert.Equal(["claude-haiku-4-5", "claude-sonnet-4-5", "claude-sonnet-4-5"], requests.Select(r => r.Model));
        Assert.Contains("trigger-long-running-operation", requests[0].Body.GetRawText());
        Assert.Equal(["get-sum"], requests[1].ToolNames);
        Assert.Contains("42", Assert.Single(requests[2].ToolResults).Content);
    }

    [Fact]
    public async Task A_short_keyword_question_takes_the_direct_tier_before_the_model_writes()
    {
        var user = await fx.App.SignInAsync();
        var before = fx.Fake.Requests.Count;
        fx.Fake.Enqueue(FakeReply.Text("The server echoed it."));

        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "echo \"hello mosaic\"", datasource = "everything" });
        var events = await sse.ReadToEndAsync();

        Assert.Equal(
            ["session_id", "thinking_start", "thinking", "thinking_end", "tool_start", "tool_end", "chunk", "done"],
            Shape(sse.Types)
        );
        Assert.Equal("direct", events[^1].GetProperty("metadata").GetProperty("tier").GetString());
        var request = Assert.Single(fx.Fake.Requests.Skip(before));
        Assert.Contains("hello mosaic", Assert.Single(request.ToolResults).Content);
    }

    [Fact]
    public async Task A_source_without_credentials_ends_with_a_clear_error()
    {
        var user = await fx.App.SignInAsync();
        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "list channels", datasource = "slack" });
        var events = await sse.ReadToEndAsync();
        Assert.Equal(["session_id", "error"], sse.Types);
        Assert.Contains("Slack is not configured", events[1].GetProperty("error").GetString());

        var whole = await user.Http.PostAsJsonAsync("/api/chat/message", new { message = "list channels", datasource = "slack" });
        var problem = await ProblemAssert.IsProblemAsync(whole, HttpStatusCode.BadRequest);
        Assert.Contains("not configured", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_failing_model_ends_with_an_error_event_and_the_question_is_kept()
    {
        var user = await fx.App.SignInAsync();
        fx.Fake.Enqueue(FakeReply.Error(400));
        await using var sse = await SseStream.OpenAsync(user.Http, new { message = LongQuestion, datasource = "files" });
        var events = await sse.ReadToEndAsync();
        Assert.Equal("error", SseStream.Type(events[^1]));
        Assert.Contains("anthropic model call failed", events[^1].GetProperty("error").GetString());
        Assert.DoesNotContain("sk-ant-test", string.Join("", events.Select(e => e.GetRawText())));
        var sessions = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/chat/sessions"));
        Assert.Equal(LongQuestion[..79] + "…", sessions[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_non_streaming_endpoint_answers_with_response_session_and_sources()
    {
        var user = await fx.App.SignInAsync();
        await File.WriteAllTextAsync(Path.Combine(fx.App.FilesDir, "plan.md"), "# plan");
        fx.Fake.Enqueue(FakeReply.ToolUse("list_directory", new { path = fx.App.FilesDir }), FakeReply.Text("You have plan.md."));

        var body = await ProblemAssert.JsonAsync(
            await user.Http.PostAsJsonAsync(
                "/api/chat/message",
                new
                {
                    message = LongQuestion,
                    datasource = "files",
                    session_id = "my-session-1",
                }
            )
        );

        Assert.Equal("You have plan.md.", body.GetProperty("response").GetString());
        Assert.Equal("my-session-1", body.GetProperty("session_id").GetString());
        var source = Assert.Single(body.GetProperty("sources").EnumerateArray());
        Assert.Equal(
            ("files", "list_directory", true),
            (
                source.GetProperty("datasource").GetString(),
                source.GetProperty("tool").GetString(),
                source.GetProperty("success").GetBoolean()
            )
        );
    }

    [Fact]
    public async Task Providers_reports_the_active_provider_and_models()
    {
        var user = await fx.App.SignInAsync();
        var body = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/chat/providers"));
        Assert.Equal("anthropic", body.GetProperty("provider").GetString());
        Assert.Equal("claude-sonnet-4-5", body.GetProperty("model").GetString());
        Assert.Equal("claude-haiku-4-5", body.GetProperty("fast_model").GetString());
        Assert.False(body.GetProperty("offline").GetBoolean());
        await ProblemAssert.IsProblemAsync(await fx.App.CreateClient().GetAsync("/api/chat/providers"), HttpStatusCode.Unauthorized);
    }
}
