using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Connectors.Tests.Slack;

namespace Mosaic.Connectors.Tests.Jira;

/// <summary>The Jira connector as a real process against the Sandbox's Jira Cloud REST v3: the read tools.</summary>
public sealed class JiraReadTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Browse(string key) => $"{sandbox.EnvFor("jira")["JIRA_URL"]}/browse/{key}";

    [Fact]
    public async Task List_projects_pages_and_links_each_project()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var (projects, pages) = await SlackTestKit.AllPagesAsync(jira, "list_projects", "projects", new() { ["limit"] = 3 });

        Assert.Equal(2, pages);
        Assert.Equal(["ACME", "BREW", "OPS", "SEC"], projects.Select(p => p.S("key")).Order());
        var acme = projects.Single(p => p.S("key") == "ACME");
        Assert.Equal("Acme Storefront", acme.S("name"));
        Assert.Equal("Alice Chen", acme.S("lead"));
        Assert.Equal(Browse("ACME"), acme.S("url"));
    }

    [Fact]
    public async Task Query_jira_follows_next_page_tokens_in_order()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var (issues, pages) = await SlackTestKit.AllPagesAsync(
            jira,
            "query_jira",
            "issues",
            new() { ["jql"] = "project = ACME ORDER BY updated DESC", ["limit"] = 3 }
        );

        Assert.Equal(3, pages);
        Assert.Equal(8, issues.Count);
        Assert.Equal(8, issues.Select(i => i.S("key")).Distinct().Count());
        Assert.All(issues, i => Assert.StartsWith("ACME-", i.S("key")));
        var updated = issues.Select(i => DateTimeOffset.Parse(i.S("updated"))).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal("ACME-142", issues[0].S("key"));
        Assert.Equal("Bob Martinez", issues[0].S("assignee"));
        Assert.Equal("In Progress", issues[0].S("status"));
        Assert.Equal(Browse("ACME-142"), issues[0].S("url"));
    }

    [Fact]
    public async Task Query_jira_scopes_to_a_project_and_understands_text_and_dates()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var done = (await jira.CallAsync("query_jira", new { project = "ACME", jql = "status = Done ORDER BY key ASC" })).Ok();
        Assert.Equal(["ACME-130", "ACME-135", "ACME-138"], done.GetProperty("issues").EnumerateArray().Select(i => i.S("key")));
        Assert.StartsWith("project = \"ACME\" AND (status = Done)", done.S("jql"));

        var text = (await jira.CallAsync("query_jira", new { jql = "text ~ \"payment intent\" AND updated >= -7d" })).Ok();
        Assert.Equal("ACME-142", Assert.Single(text.GetProperty("issues").EnumerateArray()).S("key"));
    }

    [Fact]
    public async Task A_personal_access_token_works_without_an_email()
    {
        var env = sandbox.EnvFor("jira").Where(e => e.Key != "JIRA_EMAIL").ToDictionary();
        env["JIRA_API_TOKEN"] = "jira-sandbox-pat";
        await using var jira = await ConnectorProcess.StartAsync("Jira", env);
        var mine = (await jira.CallAsync("query_jira", new { jql = "assignee = currentUser()" })).Ok();
        Assert.Equal("SEC-7", Assert.Single(mine.GetProperty("issues").EnumerateArray()).S("key"));
    }

    [Fact]
    public async Task Get_issue_gives_text_from_adf_comments_links_status_and_people()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var issue = (await jira.CallAsync("get_issue", new { key = "acme-142" })).Ok();

        Assert.Equal("ACME-142", issue.S("key"));
        Assert.Equal("Checkout double-charges when a discount code is applied", issue.S("summary"));
        Assert.Equal(("In Progress", "In Progress"), (issue.S("status"), issue.S("status_category")));
        Assert.Equal(
            ("Bob Martinez", "Dave Okafor", "Highest", "Bug"),
            (issue.S("assignee"), issue.S("reporter"), issue.S("priority"), issue.S("type"))
        );
        Assert.Equal(["checkout", "payments", "customer-impact"], issue.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var description = issue.S("description");
        Assert.Contains("First report: order #1042.", description);
        Assert.Contains("- Apply discount code BREW10", description);
        Assert.Contains("```text\nPOST /checkout/discount -> 502", description);
        Assert.DoesNotContain("\"type\"", description);

        var comments = issue.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(4, comments.Count);
        Assert.StartsWith("@Bob Martinez fix is in acme/storefront PR #91", comments[2].S("body"));
        Assert.Equal("Alice Chen", comments[2].S("author"));

        var links = issue.GetProperty("links").EnumerateArray().ToDictionary(l => l.S("key"), l => l.S("relation"));
        Assert.Equal("blocks", links["BREW-12"]);
        Assert.Equal("relates to", links["OPS-31"]);
        Assert.Equal(Browse("ACME-142"), issue.S("url"));
    }

    [Fact]
    public async Task Get_issue_keeps_only_the_newest_comments_when_asked_and_says_so()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var issue = (await jira.CallAsync("get_issue", new { key = "ACME-142", comments = 1 })).Ok();
        Assert.Equal(4, issue.GetProperty("comments_total").GetInt32());
        Assert.StartsWith("Customer on #1042 refunded", Assert.Single(issue.GetProperty("comments").EnumerateArray()).S("body"));
        Assert.Contains("newest 1 of 4", issue.S("note"));
    }
}
