using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Connectors.Tests.Slack;

namespace Mosaic.Connectors.Tests.Jira;

/// <summary>Jira's whoami (GET myself): both ways of signing in act as Alice.</summary>
public sealed class JiraWhoamiTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_cloud_api_token_is_Alice()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var me = (await jira.CallAsync("whoami")).Ok();

        var site = new Uri(sandbox.BaseUrl).Authority;
        Assert.Equal($"Alice Chen (alice@acme.test) on {site}", me.S("identity"));
        Assert.Equal("5f1a-alice", me.S("account"));
        Assert.Equal("5f1a-alice", me.S("account_id"));
        Assert.Equal("alice@acme.test", me.S("email"));
        Assert.Equal($"{sandbox.BaseUrl}/jira", me.S("site"));
    }

    [Fact]
    public async Task A_personal_access_token_is_Alice_too()
    {
        var env = sandbox.EnvFor("jira", ("JIRA_API_TOKEN", "jira-sandbox-pat")).Where(e => e.Key != "JIRA_EMAIL").ToDictionary();
        await using var jira = await ConnectorProcess.StartAsync("Jira", env);

        Assert.Equal("5f1a-alice", (await jira.CallAsync("whoami")).Ok().S("account"));
    }

    [Fact]
    public async Task A_rejected_token_is_Jira_s_own_reason_in_one_sentence()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira", ("JIRA_API_TOKEN", "expired-token-123")));
        var error = (await jira.CallAsync("whoami")).Error();

        Assert.Equal("Jira says: Client must be authenticated to access this resource (HTTP 401)", error);
    }
}
