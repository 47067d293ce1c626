using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Connectors.Tests.Slack;

namespace Mosaic.Connectors.Tests.Jira;

/// <summary>create_issue and update_issue reach the Sandbox as recorded calls; field errors come back readable; READ_ONLY hides
/// them.</summary>
public sealed class JiraWriteTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_issue_sends_adf_and_an_account_id_and_the_issue_is_then_readable()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var created = (
            await jira.CallAsync(
                "create_issue",
                new
                {
                    project = "acme",
                    summary = "Refund flow double-sends the receipt e-mail",
                    issue_type = "Bug",
                    description = "Seen on order #1042.\n\nSteps: refund, then check the inbox.",
                    assignee = "bob@acme.test",
                    priority = "High",
                    labels = "refund, email",
                }
            )
        ).Ok();

        Assert.Equal("ACME-144", created.S("key"));
        Assert.Equal($"{sandbox.EnvFor("jira")["JIRA_URL"]}/browse/ACME-144", created.S("url"));
        var call = Assert.Single(await sandbox.CallsAsync("jira"))!;
        Assert.Equal(("POST", "/jira/rest/api/3/issue"), (call["method"]!.GetValue<string>(), call["path"]!.GetValue<string>()));
        var fields = call["body"]!["fields"]!;
        Assert.Equal("5f1a-bob", fields["assignee"]!["accountId"]!.GetValue<string>());
        Assert.Equal("doc", fields["description"]!["type"]!.GetValue<string>());
        Assert.Equal(2, fields["description"]!["content"]!.AsArray().Count);

        var issue = (await jira.CallAsync("get_issue", new { key = "ACME-144" })).Ok();
        Assert.Equal(("Bob Martinez", "High", "To Do"), (issue.S("assignee"), issue.S("priority"), issue.S("status")));
        Assert.Equal("Seen on order #1042.\n\nSteps: refund, then check the inbox.", issue.S("description"));
        Assert.Equal(["refund", "email"], issue.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Jiras_required_field_errors_are_passed_on_and_nothing_is_created()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var error = (await jira.CallAsync("create_issue", new { project = "ACME", summary = "" })).Error();
        Assert.Contains("Jira says: summary: You must specify a summary of the issue.", error);
        Assert.Contains("Correct the field(s) named", error);

        var badType = (
            await jira.CallAsync(
                "create_issue",
                new
                {
                    project = "ACME",
                    summary = "x",
                    issue_type = "Incident",
                }
            )
        ).Error();
        Assert.Contains("issuetype: Specify a valid issue type", badType);
        Assert.Contains(
            "project: Specify a valid project ID or key",
            (await jira.CallAsync("create_issue", new { project = "NOPE", summary = "x" })).Error()
        );
        Assert.Empty(await sandbox.CallsAsync("jira"));
    }

    [Fact]
    public async Task Creating_in_a_read_only_project_is_a_403()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var error = (await jira.CallAsync("create_issue", new { project = "SEC", summary = "Rotate keys" })).Error();
        Assert.Contains("You do not have permission to create issues in this project", error);
        Assert.Contains("(HTTP 403)", error);
    }

    [Fact]
    public async Task Update_issue_edits_fields_adds_a_comment_and_moves_the_status()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var result = (
            await jira.CallAsync(
                "update_issue",
                new
                {
                    key = "ACME-142",
                    status = "in review",
                    add_labels = "launch-blocker",
                    assignee = "Alice Chen",
                    comment = "Fix merged behind a flag; verifying on staging.",
                }
            )
        ).Ok();
        Assert.Equal("In Review", result.S("status"));
        Assert.Equal(
            ["assignee", "labels", "comment", "status"],
            result.GetProperty("changed").EnumerateArray().Select(c => c.GetString())
        );

        var calls = (await sandbox.CallsAsync("jira")).Select(c => $"{c!["method"]} {c["path"]}").ToList();
        Assert.Equal(["PUT /jira/rest/api/3/issue/ACME-142", "POST /jira/rest/api/3/issue/ACME-142/transitions"], calls);

        var issue = (await jira.CallAsync("get_issue", new { key = "ACME-142" })).Ok();
        Assert.Equal(("In Review", "Alice Chen"), (issue.S("status"), issue.S("assignee")));
        Assert.Contains("launch-blocker", issue.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("payments", issue.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Fix merged behind a flag; verifying on staging.", issue.GetProperty("comments").EnumerateArray().Last().S("body"));
    }

    [Fact]
    public async Task An_unreachable_status_fails_before_anything_is_written()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var error = (
            await jira.CallAsync(
                "update_issue",
                new
                {
                    key = "ACME-142",
                    summary = "New title",
                    status = "Blocked",
                }
            )
        ).Error();
        Assert.Contains("cannot move to \"Blocked\"", error);
        Assert.Contains("Done", error);
        Assert.Empty(await sandbox.CallsAsync("jira"));
    }

    [Fact]
    public async Task A_field_jira_refuses_on_edit_is_passed_on()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var error = (await jira.CallAsync("update_issue", new { key = "ACME-141", labels = "needs review" })).Error();
        Assert.Contains("labels: The label 'needs review' contains spaces which is invalid.", error);
        Assert.Empty(await sandbox.CallsAsync("jira"));
    }

    [Fact]
    public async Task Read_only_hides_the_write_tools()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira", ("READ_ONLY", "true")));
        Assert.Equal(["get_issue", "list_projects", "query_jira", "whats_new", "whoami"], await jira.ToolNamesAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => jira.CallAsync("create_issue", new { project = "ACME", summary = "x" }));
        Assert.Empty(await sandbox.CallsAsync("jira"));

        await using var full = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var tools = await full.Client.ListToolsAsync();
        Assert.All(tools.Where(t => t.Name is "create_issue" or "update_issue"), t =>
            Assert.True(t.ProtocolTool.Annotations!.DestructiveHint)
        );
        Assert.All(tools.Where(t => t.Name is not ("create_issue" or "update_issue")), t =>
            Assert.True(t.ProtocolTool.Annotations!.ReadOnlyHint)
        );
        Assert.Equal(7, tools.Count);
    }
}
