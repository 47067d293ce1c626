using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Jira;

/// <summary>Jira's 400, 401, 403, 404 and 429, each turned into a tool error a person can act on.</summary>
public sealed class JiraErrorTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rejected_credentials_are_a_401_credentials_error_without_the_token()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira", ("JIRA_API_TOKEN", "expired-token-123")));
        var error = (await jira.CallAsync("list_projects")).Error();
        Assert.Contains("Jira says: Client must be authenticated", error);
        Assert.Contains("(HTTP 401)", error);
        Assert.Contains("rejected or have expired", error);
        Assert.DoesNotContain("expired-token-123", error);
    }

    [Fact]
    public async Task Editing_where_the_user_lacks_permission_is_a_403_and_nothing_is_written()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var error = (await jira.CallAsync("update_issue", new { key = "SEC-7", summary = "Quarterly access review (Q4)" })).Error();
        Assert.Contains("You do not have permission to edit issues in this project", error);
        Assert.Contains("(HTTP 403)", error);
        Assert.Empty(await sandbox.CallsAsync("jira"));
    }

    [Fact]
    public async Task A_missing_issue_is_a_404()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var error = (await jira.CallAsync("get_issue", new { key = "ACME-999" })).Error();
        Assert.Contains("Jira says: Issue does not exist or you do not have permission to see it.", error);
        Assert.Contains("(HTTP 404)", error);
    }

    [Fact]
    public async Task Bad_jql_comes_back_with_jiras_explanation()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        Assert.Contains("Field 'sprintz' does not exist", (await jira.CallAsync("query_jira", new { jql = "sprintz = 4" })).Error());
        Assert.Contains(
            "The value 'Blocked' does not exist for the field 'status'",
            (await jira.CallAsync("query_jira", new { jql = "status = Blocked" })).Error()
        );
        Assert.Contains("jql is required", (await jira.CallAsync("query_jira", new { jql = "  " })).Error());
    }

    [Fact]
    public async Task A_short_429_is_waited_out_and_retried()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        await sandbox.ThrottleAsync("jira", 2);
        var issue = (await jira.CallAsync("get_issue", new { key = "ACME-142" })).Ok();
        Assert.Equal("ACME-142", issue.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Persistent_429s_become_a_rate_limit_error_saying_how_long_to_wait()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        await sandbox.ThrottleAsync("jira", 50);
        var error = (await jira.CallAsync("query_jira", new { jql = "project = ACME" })).Error();
        Assert.Contains("(HTTP 429)", error);
        Assert.Contains("wait 1 s", error);
    }

    [Fact]
    public async Task Bad_arguments_are_explained_before_calling_jira()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        Assert.Contains(
            "key must be an issue key like ACME-142",
            (await jira.CallAsync("get_issue", new { key = "checkout bug" })).Error()
        );
        Assert.Contains("Nothing to update", (await jira.CallAsync("update_issue", new { key = "ACME-142" })).Error());
        Assert.Contains(
            "No Jira user matches \"zed@nowhere.test\"",
            (await jira.CallAsync("update_issue", new { key = "ACME-142", assignee = "zed@nowhere.test" })).Error()
        );
        Assert.Empty(await sandbox.CallsAsync("jira"));
    }

    [Fact]
    public async Task Missing_settings_stop_startup_naming_each_variable()
    {
        var (code, stderr) = await ConnectorProcess.RunToExitAsync("Jira", new Dictionary<string, string> { ["JIRA_EMAIL"] = "a@b.test" });
        Assert.Equal(2, code);
        Assert.Contains("JIRA_URL", stderr);
        Assert.Contains("JIRA_API_TOKEN", stderr);
    }
}
