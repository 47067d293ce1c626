using System.Net.Http.Json;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

/// <summary>The real Slack connector (started by the hub with the user's saved credentials) against the Sandbox.</summary>
public sealed class SlackChatFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; } = new();
    public FakeAnthropic Fake { get; private set; } = null!;
    public ChatAppFactory Offline { get; } = new(null);
    public ChatAppFactory Anthropic { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        Fake = await FakeAnthropic.StartAsync();
        Fake.DefaultFor("claude-haiku-4-5", _ => FakeReply.Text("[]"));
        Anthropic = new ChatAppFactory(Fake);
        // The Sandbox is on loopback: the operator's allow list names exactly its host:port.
        foreach (var app in new[] { Offline, Anthropic })
            app.Settings["MOSAIC_EGRESS_ALLOW"] = Sandbox.EnvFor("slack")["MOSAIC_EGRESS_ALLOW"];
        await Task.WhenAll(Offline.InitializeAsync(), Anthropic.InitializeAsync());
    }

    /// <summary>A new user with the Sandbox's Slack credentials saved, default channel #checkout-eng.</summary>
    public Task<TestUser> SlackUserAsync(ChatAppFactory app) => SlackUserAsync(Sandbox, app);

    /// <summary>A new user of <paramref name="app"/> with <paramref name="sandbox"/>'s Slack credentials saved.</summary>
    public static async Task<TestUser> SlackUserAsync(SandboxFixture sandbox, ChatAppFactory app)
    {
        var user = await app.SignInAsync();
        var env = sandbox.EnvFor("slack");
        var saved = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new
            {
                datasource = "slack",
                credentials = new
                {
                    bot_token = env["SLACK_BOT_TOKEN"],
                    user_token = env["SLACK_USER_TOKEN"],
                    api_url = env["SLACK_API_URL"],
                    default_channel = "#checkout-eng",
                },
            }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return user;
    }

    public async Task DisposeAsync()
    {
        await Offline.DisposeAsync();
        await Anthropic.DisposeAsync();
        await Fake.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

public sealed class SlackChatTests(SlackChatFixture fx) : IClassFixture<SlackChatFixture>, IAsyncLifetime
{
    // Each test starts from the seed: a message another test posted (or a throttle it left) changes nothing here.
    public Task InitializeAsync() => fx.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Text(IEnumerable<System.Text.Json.JsonElement> events) =>
        string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));

    [Fact]
    public async Task Offline_list_channels_runs_the_slack_connector_and_renders_a_table()
    {
        var user = await fx.SlackUserAsync(fx.Offline);
        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "list channels", datasource = "slack" });
        var events = await sse.ReadToEndAsync();

        Assert.Equal("list_channels", events.Single(e => SseStream.Type(e) == "tool_start").GetProperty("tool").GetString());
        Assert.True(events.Single(e => SseStream.Type(e) == "tool_end").GetProperty("success").GetBoolean());
        var text = Text(events);
        Assert.Contains("| name", text);
        Assert.Contains("checkout-eng", text);
        Assert.Contains("general", text);
        Assert.Equal("direct", events[^1].GetProperty("metadata").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_saved_url_inside_the_network_is_refused_and_the_answer_says_how_to_allow_it()
    {
        await using var internalService = LoopbackService.Start();
        var user = await fx.Offline.SignInAsync();
        var saved = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new
            {
                datasource = "slack",
                credentials = new { bot_token = "xoxb-test", api_url = $"http://2130706433:{internalService.Port}/api/" },
            }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "list channels", datasource = "slack" });
        var events = await sse.ReadToEndAsync();

        Assert.False(events.Single(e => SseStream.Type(e) == "tool_end").GetProperty("success").GetBoolean());
        var all = string.Join("\n", events.Select(e => e.ToString()));
        Assert.Contains($"Refused to connect to 127.0.0.1:{internalService.Port}", all);
        Assert.Contains("MOSAIC_EGRESS_ALLOW", all);
        Assert.DoesNotContain(internalService.Secret, all);
        Assert.Equal(0, internalService.Connections);
    }

    [Fact]
    public async Task The_saved_default_channel_fills_the_channel_the_question_left_out()
    {
        var user = await fx.SlackUserAsync(fx.Offline);
        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "show the latest messages", datasource = "slack" });
        var events = await sse.ReadToEndAsync();

        var start = events.Single(e => SseStream.Type(e) == "tool_start");
        Assert.Equal("read_messages", start.GetProperty("tool").GetString());
        Assert.Equal("#checkout-eng", start.GetProperty("arguments").GetProperty("channel").GetString());
        var used = events[^1].GetProperty("metadata").GetProperty("tools_used")[0];
        Assert.Equal(["channel"], used.GetProperty("injected").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("](http", Text(events)); // permalinks become links
    }

    [Fact]
    public async Task Sending_a_message_waits_for_approval_and_then_reaches_slack()
    {
        var user = await fx.SlackUserAsync(fx.Anthropic);
        var marker = $"Deploy finished {Guid.NewGuid():N}";
        fx.Fake.Enqueue(FakeReply.ToolUse("send_message", new { channel = "#checkout-eng", text = marker }), FakeReply.Text("Posted."));

        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new
            {
                message = "Please post a note in the checkout engineering channel telling everyone the deploy is finished",
                datasource = "slack",
            }
        );
        var request = await sse.UntilAsync("approval_required");
        Assert.Equal("send_message", request.GetProperty("tool").GetString());
        await Task.Delay(300);
        Assert.DoesNotContain(marker, (await fx.Sandbox.CallsAsync("slack")).ToJsonString());

        await ProblemAssert.JsonAsync(
            await user.Http.PostAsJsonAsync(
                $"/api/chat/approvals/{request.GetProperty("approval_id").GetString()}",
                new { approved = true }
            )
        );
        var events = await sse.ReadToEndAsync();

        Assert.True(events.Single(e => SseStream.Type(e) == "tool_end").GetProperty("success").GetBoolean());
        Assert.Contains(marker, (await fx.Sandbox.CallsAsync("slack")).ToJsonString());
        Assert.Equal("done", SseStream.Type(events[^1]));
    }
}
