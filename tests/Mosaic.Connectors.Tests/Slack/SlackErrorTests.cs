using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Slack;

/// <summary>
/// Slack's failures, each turned into a tool error a person can act on. Slack reports auth, permission
/// and not-found as HTTP 200 with ok=false (invalid_auth, not_in_channel, channel_not_found); only
/// throttling is an HTTP status (429 with Retry-After).
/// </summary>
public sealed class SlackErrorTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_rejected_token_is_a_clear_credentials_error()
    {
        var env = sandbox.EnvFor("slack", ("SLACK_BOT_TOKEN", "xoxb-revoked"), ("SLACK_USER_TOKEN", "xoxp-revoked"));
        await using var slack = await ConnectorProcess.StartAsync("Slack", env);
        var error = (await slack.CallAsync("list_channels")).Error();
        Assert.Contains("Slack says: invalid_auth", error);
        Assert.Contains("update it in the Slack data source settings", error);
        Assert.DoesNotContain("xoxb-revoked", error);
    }

    [Fact]
    public async Task A_channel_the_app_was_not_invited_to_is_not_in_channel()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", SlackTestKit.BotOnly(sandbox));
        var error = (await slack.CallAsync("read_messages", new { channel = "#random" })).Error();
        Assert.Contains("Slack says: not_in_channel", error);
        Assert.Contains("invite", error);
    }

    [Fact]
    public async Task Unknown_channels_are_not_found_by_name_or_id()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        Assert.Contains(
            "No channel named #does-not-exist",
            (await slack.CallAsync("read_messages", new { channel = "#does-not-exist" })).Error()
        );
        Assert.Contains("Slack says: channel_not_found", (await slack.CallAsync("read_messages", new { channel = "C0NOSUCH99" })).Error());
    }

    [Fact]
    public async Task A_private_channel_the_bot_is_not_in_does_not_exist_for_it()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", SlackTestKit.BotOnly(sandbox));
        var channels = (await slack.CallAsync("list_channels", new { limit = 50 }))
            .Ok()
            .GetProperty("channels")
            .EnumerateArray()
            .Select(c => c.S("name"))
            .ToList();
        Assert.DoesNotContain("leadership", channels);
        Assert.Contains("Slack says: channel_not_found", (await slack.CallAsync("read_messages", new { channel = "C0LEADERS1" })).Error());
    }

    [Fact]
    public async Task Search_with_only_a_bot_token_says_a_user_token_is_needed()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", SlackTestKit.BotOnly(sandbox));
        var error = (await slack.CallAsync("search_messages", new { query = "discount" })).Error();
        Assert.Contains("needs a Slack user token", error);
    }

    [Fact]
    public async Task A_bot_token_given_as_the_user_token_gets_slacks_own_refusal_explained()
    {
        var env = sandbox.EnvFor("slack", ("SLACK_USER_TOKEN", sandbox.EnvFor("slack")["SLACK_BOT_TOKEN"]));
        await using var slack = await ConnectorProcess.StartAsync("Slack", env);
        var error = (await slack.CallAsync("search_messages", new { query = "discount" })).Error();
        Assert.Contains("Slack says: not_allowed_token_type", error);
        Assert.Contains("user token", error);
    }

    [Fact]
    public async Task A_short_429_is_waited_out_and_retried()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        await sandbox.ThrottleAsync("slack", 2);
        var data = (await slack.CallAsync("list_channels")).Ok();
        Assert.True(data.GetProperty("returned").GetInt32() > 0);
    }

    [Fact]
    public async Task Persistent_429s_become_a_rate_limit_error_saying_how_long_to_wait()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        await sandbox.ThrottleAsync("slack", 50);
        var error = (await slack.CallAsync("list_users")).Error();
        Assert.Contains("(HTTP 429)", error);
        Assert.Contains("wait 1 s", error);
    }

    [Fact]
    public async Task Bad_arguments_are_explained()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        Assert.Contains(
            "oldest must be an ISO date",
            (await slack.CallAsync("read_messages", new { channel = "#general", oldest = "last tuesday" })).Error()
        );
        Assert.Contains("cursor is not valid", (await slack.CallAsync("list_users", new { cursor = "garbage!" })).Error());
        Assert.Contains("kind must be", (await slack.CallAsync("list_channels", new { kind = "secret" })).Error());
    }

    [Fact]
    public async Task A_missing_bot_token_stops_startup_naming_it()
    {
        var (code, stderr) = await ConnectorProcess.RunToExitAsync(
            "Slack",
            new Dictionary<string, string> { ["SLACK_API_URL"] = sandbox.BaseUrl + "/slack/api" }
        );
        Assert.Equal(2, code);
        Assert.Contains("SLACK_BOT_TOKEN", stderr);
    }
}
