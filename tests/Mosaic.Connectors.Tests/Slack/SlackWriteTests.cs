using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Slack;

/// <summary>send_message reaches the Sandbox as exactly one recorded call; READ_ONLY removes it.</summary>
public sealed class SlackWriteTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Send_message_posts_once_and_the_message_is_then_readable()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var sent = (await slack.CallAsync("send_message", new { channel = "#launch", text = "Launch review moved to 3pm" })).Ok();

        Assert.Equal("C0LAUNCH01", sent.S("channel_id"));
        Assert.StartsWith($"{sandbox.BaseUrl}/slack/archives/C0LAUNCH01/p", sent.S("permalink"));
        // The new message's permalink opens its page in the Sandbox.
        Assert.Contains("Launch review moved to 3pm", await sandbox.Http.GetStringAsync(sent.S("permalink")));
        var calls = await sandbox.CallsAsync("slack");
        var call = Assert.Single(calls);
        Assert.Equal("/slack/api/chat.postMessage", call!["path"]!.GetValue<string>());
        Assert.Equal("C0LAUNCH01", call["body"]!["channel"]!.GetValue<string>());
        Assert.Equal("Launch review moved to 3pm", call["body"]!["text"]!.GetValue<string>());

        var newest = (await slack.CallAsync("read_messages", new { channel = "#launch", limit = 1 })).Ok().GetProperty("messages")[0];
        Assert.Equal("Launch review moved to 3pm", newest.S("text"));
        Assert.Equal(sent.S("ts"), newest.S("ts"));
    }

    [Fact]
    public async Task Send_message_replies_in_a_thread()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var parent = (await slack.CallAsync("read_messages", new { channel = "#checkout-eng", limit = 50 }))
            .Ok()
            .GetProperty("messages")
            .EnumerateArray()
            .Single(m => m.TryGetProperty("reply_count", out _));
        (
            await slack.CallAsync(
                "send_message",
                new
                {
                    channel = "#checkout-eng",
                    text = "CI is green now",
                    thread_ts = parent.S("ts"),
                }
            )
        ).Ok();

        var thread = (await slack.CallAsync("read_messages", new { channel = "#checkout-eng", thread_ts = parent.S("ts") }))
            .Ok()
            .GetProperty("messages");
        Assert.Equal(5, thread.GetArrayLength());
        Assert.Equal("CI is green now", thread[4].S("text"));
        Assert.Equal(parent.S("ts"), Assert.Single(await sandbox.CallsAsync("slack"))!["body"]!["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_post_is_an_error_and_nothing_is_recorded()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var error = (await slack.CallAsync("send_message", new { channel = "#random", text = "hello" })).Error();
        Assert.Contains("Slack says: not_in_channel", error);
        Assert.Empty(await sandbox.CallsAsync("slack"));
    }

    [Fact]
    public async Task A_throttled_post_is_not_retried_so_it_is_never_sent_twice()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        // Warm the caches: the next request is the post itself.
        (await slack.CallAsync("read_messages", new { channel = "#launch", limit = 1 })).Ok();
        await sandbox.ThrottleAsync("slack", 1);
        var error = (await slack.CallAsync("send_message", new { channel = "C0LAUNCH01", text = "once" })).Error();
        Assert.Contains("(HTTP 429)", error);
        Assert.Empty(await sandbox.CallsAsync("slack"));
    }

    [Fact]
    public async Task Read_only_hides_send_message()
    {
        var env = sandbox.EnvFor("slack", ("READ_ONLY", "true"));
        await using var slack = await ConnectorProcess.StartAsync("Slack", env);
        var tools = await slack.ToolNamesAsync();
        Assert.Equal(["list_channels", "list_dms", "list_users", "read_messages", "search_messages", "whats_new", "whoami"], tools);
        await Assert.ThrowsAnyAsync<Exception>(() => slack.CallAsync("send_message", new { channel = "#launch", text = "x" }));
        Assert.Empty(await sandbox.CallsAsync("slack"));
    }

    [Fact]
    public async Task All_tools_are_listed_with_their_annotations()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var tools = await slack.Client.ListToolsAsync();
        Assert.Equal(
            ["list_channels", "list_dms", "list_users", "read_messages", "search_messages", "send_message", "whats_new", "whoami"],
            tools.Select(t => t.Name).Order()
        );
        Assert.True(tools.Single(t => t.Name == "send_message").ProtocolTool.Annotations!.DestructiveHint);
        Assert.All(tools.Where(t => t.Name != "send_message"), t => Assert.True(t.ProtocolTool.Annotations!.ReadOnlyHint));
    }
}
