using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Slack;

/// <summary>Slack's whoami against the Sandbox: the user token acts as Alice, the bot token as the app's bot user.</summary>
public sealed class SlackWhoamiTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_user_token_is_Alice_Chen_in_Acme()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var me = (await slack.CallAsync("whoami")).Ok();

        Assert.Equal("Alice Chen (@alice) in Acme", me.S("identity"));
        Assert.Equal("U0ALICE01", me.S("account"));
        Assert.Equal("alice", me.S("user"));
        Assert.Equal("Alice Chen", me.S("name"));
        Assert.Equal("T0ACME001", me.S("team_id"));
        Assert.Equal("user", me.S("token"));
        Assert.False(me.GetProperty("is_bot").GetBoolean());
    }

    [Fact]
    public async Task The_bot_token_alone_is_the_app_s_bot_user()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", SlackTestKit.BotOnly(sandbox));
        var me = (await slack.CallAsync("whoami")).Ok();

        Assert.Equal("U0MOSAIC01", me.S("account"));
        Assert.EndsWith(" in Acme", me.S("identity"));
        Assert.Equal("bot", me.S("token"));
        Assert.True(me.GetProperty("is_bot").GetBoolean());
    }

    [Fact]
    public async Task A_rejected_token_is_Slack_s_own_reason_in_one_sentence()
    {
        var env = sandbox.EnvFor("slack", ("SLACK_USER_TOKEN", "xoxp-revoked-999"));
        await using var slack = await ConnectorProcess.StartAsync("Slack", env);
        var error = (await slack.CallAsync("whoami")).Error();

        Assert.StartsWith("Slack says: invalid_auth: ", error);
        Assert.DoesNotContain(". ", error);
        Assert.DoesNotContain("xoxp-revoked-999", error);
    }
}
