using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.PerCall;

/// <summary>Per-call credential mode's edges: no credentials at all, bad _meta, and what the process logs.</summary>
public sealed class PerCallModeTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly Dictionary<string, string> PerCallOnly = new() { ["MOSAIC_CREDENTIALS"] = "per-call" };

    [Theory]
    [InlineData("Slack", "SLACK_BOT_TOKEN")]
    [InlineData("Jira", "JIRA_URL")]
    [InlineData("GitHub", "GITHUB_TOKEN")]
    [InlineData("S3", "AWS_ACCESS_KEY_ID")]
    [InlineData("MySql", "MYSQL_HOST")]
    [InlineData("GoogleWorkspace", "GOOGLE_REFRESH_TOKEN")]
    [InlineData("Shopify", "SHOPIFY_SHOP_URL")]
    public async Task Without_any_credentials_tools_list_works_and_a_call_says_what_is_missing(string connector, string variable)
    {
        await using var process = await ConnectorProcess.StartAsync(connector, PerCallOnly);

        Assert.Contains("whoami", await process.ToolNamesAsync());
        var error = (await process.CallAsync("whoami")).Error();
        Assert.Contains(": configuration error: ", error);
        Assert.Contains(variable, error);
    }

    [Fact]
    public async Task A_missing_variable_is_the_usual_configuration_message_and_the_next_caller_is_unaffected()
    {
        var env = sandbox.EnvFor("slack");
        await using var slack = await ConnectorProcess.StartAsync("Slack", PerCallEnv.ProcessEnv(env));
        var incomplete = PerCallEnv.Member(env, 4, "SLACK_BOT_TOKEN", "SLACK_USER_TOKEN");
        incomplete.Remove("SLACK_BOT_TOKEN");

        Assert.Equal(
            "Slack: configuration error: missing required environment variable: SLACK_BOT_TOKEN",
            (await slack.CallAsAsync(incomplete, "whoami")).Error()
        );
        var ok = (await slack.CallAsAsync(PerCallEnv.Member(env, 6, "SLACK_BOT_TOKEN", "SLACK_USER_TOKEN"), "whoami")).Ok();
        Assert.Matches(PerCallWhoamiTests.Names(6), ok.GetProperty("identity").GetString());
    }

    [Theory]
    [InlineData("MOSAIC_EGRESS_ALLOW")]
    [InlineData("READ_ONLY")]
    [InlineData("TOOLS")]
    public async Task A_call_cannot_set_an_operator_setting(string variable)
    {
        var env = sandbox.EnvFor("slack");
        await using var slack = await ConnectorProcess.StartAsync("Slack", PerCallEnv.ProcessEnv(env));
        var credentials = PerCallEnv.Member(env, 2, "SLACK_BOT_TOKEN");
        credentials[variable] = "0.0.0.0/0";

        Assert.Contains($"may not set {variable}", (await slack.CallAsAsync(credentials, "whoami")).Error());
    }

    [Fact]
    public async Task Nothing_of_the_credentials_reaches_the_log_at_Debug()
    {
        var env = sandbox.EnvFor("jira");
        await using var jira = await ConnectorProcess.StartAsync("Jira", PerCallEnv.ProcessEnv(env, ("LOG_LEVEL", "Debug")));
        var credentials = PerCallEnv.Member(env, 9, "JIRA_API_TOKEN");
        var unknown = PerCallEnv.Member(env, 9, "JIRA_API_TOKEN");
        unknown["JIRA_API_TOKEN"] = "secret-token-that-jira-refuses-1234";

        (await jira.CallAsAsync(credentials, "whoami")).Ok();
        (await jira.CallAsAsync(unknown, "whoami")).Error();
        await jira.CallAsAsync(credentials, "no_such_tool").ContinueWith(_ => { }); // a protocol error is logged too

        Assert.NotEmpty(jira.Stderr); // Debug does log: the assertion below is not vacuous
        foreach (var secret in new[] { credentials["JIRA_API_TOKEN"], "secret-token-that-jira-refuses-1234", "mosaic/credentials" })
            Assert.DoesNotContain(secret, jira.Stderr);
    }

    [Fact]
    public async Task An_unknown_credential_mode_stops_start_up()
    {
        var (code, stderr) = await ConnectorProcess.RunToExitAsync(
            "Slack",
            new Dictionary<string, string> { ["MOSAIC_CREDENTIALS"] = "shared" }
        );

        Assert.Equal(2, code);
        Assert.Contains("MOSAIC_CREDENTIALS must be per-call or unset", stderr);
    }
}
