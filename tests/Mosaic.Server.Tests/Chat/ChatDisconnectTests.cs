using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

/// <summary>When the browser goes away, the model call and the tool call in flight are cancelled.</summary>
public sealed class ChatDisconnectTests(AnthropicChatFixture fx) : IClassFixture<AnthropicChatFixture>
{
    private static Task<bool> EventuallyAsync(Func<bool> condition, int seconds = 20) =>
        EventuallyAsync(() => Task.FromResult(condition()), seconds);

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return await condition();
    }

    [Fact]
    public async Task Leaving_mid_answer_aborts_the_model_request_and_keeps_the_question()
    {
        var user = await fx.App.SignInAsync();
        fx.Fake.Enqueue(FakeReply.Hanging("Let me think about"));
        var before = fx.Fake.Requests.Count;

        var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = "Tell me a long story about our shared folder and its many files.", datasource = "files" }
        );
        var sessionId = (await sse.UntilAsync("session_id")).GetProperty("session_id").GetString()!;
        await sse.UntilAsync("chunk");
        var modelCall = fx.Fake.Requests.Skip(before).Single(r => r.Model == "claude-sonnet-4-5");
        Assert.False(modelCall.Aborted);
        await sse.DisposeAsync();

        Assert.True(await EventuallyAsync(() => modelCall.Aborted), "the model request was not aborted");
        Assert.True(
            await EventuallyAsync(async () => (await user.Http.GetAsync($"/api/chat/sessions/{sessionId}")).IsSuccessStatusCode),
            "the turn was not saved"
        );
        var session = await ProblemAssert.JsonAsync(await user.Http.GetAsync($"/api/chat/sessions/{sessionId}"));
        var assistant = session.GetProperty("messages")[1];
        Assert.True(assistant.GetProperty("metadata").GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task Leaving_during_a_tool_call_cancels_the_call()
    {
        var user = await fx.App.SignInAsync();
        fx.Fake.EnqueueFor("claude-haiku-4-5", FakeReply.Text("""["trigger-long-running-operation"]"""));
        fx.Fake.Enqueue(
            FakeReply.ToolUse("trigger-long-running-operation", new { duration = 60, steps = 60 }),
            FakeReply.Text("Finished.")
        );

        var sse = await SseStream.OpenAsync(
            user.Http,
            new
            {
                message = "Please start the long running operation on the test server and wait for it to complete.",
                datasource = "everything",
            }
        );
        await sse.UntilAsync("tool_start");
        await Task.Delay(500);
        await sse.DisposeAsync();

        Assert.True(
            await EventuallyAsync(() => fx.App.Hub.Calls.Any(c => c.UserId == user.Id && c.Tool == "trigger-long-running-operation")),
            "the tool call did not end after the client left"
        );
        var call = fx.App.Hub.Calls.Single(c => c.UserId == user.Id && c.Tool == "trigger-long-running-operation");
        Assert.Equal("cancelled", call.Outcome);
        Assert.True(call.Elapsed < TimeSpan.FromSeconds(30), $"took {call.Elapsed}");
    }
}
