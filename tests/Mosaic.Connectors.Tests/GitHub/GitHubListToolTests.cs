namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>The listing tools against the Sandbox's Acme org, through a real connector process.</summary>
public sealed class GitHubListToolTests(GitHubFixture gh) : IClassFixture<GitHubFixture>
{
    private const string Repo = "acme/storefront";

    [Fact]
    public async Task Lists_exactly_the_documented_read_only_tools()
    {
        var tools = await gh.Connector.Client.ListToolsAsync();
        Assert.Equal(
            [
                "get_issue",
                "get_pull_request",
                "get_workflow_runs",
                "list_branches",
                "list_commits",
                "list_issues",
                "list_pull_requests",
                "list_repositories",
                "whats_new",
                "whoami",
            ],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal)
        );
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint, $"{t.Name} must be read-only"));
    }

    [Fact]
    public async Task Repositories_of_an_org_page_by_cursor_without_repeats()
    {
        var (repos, calls) = await gh.AllPagesAsync("list_repositories", "repositories", new() { ["owner"] = "acme", ["limit"] = 3 });
        var names = repos.Select(r => r.Str("full_name")).ToList();
        Assert.True(calls >= 3, $"expected several pages, got {calls}");
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains(Repo, names);
        var all = (await gh.CallAsync("list_repositories", new { owner = "acme", limit = 100 })).Ok().Items("repositories");
        Assert.Equal(all.Select(r => r.Str("full_name")).Order(), names.Order());
        Assert.True(all.Single(r => r.Str("full_name") == "acme/design-system").GetProperty("archived").GetBoolean());
    }

    [Fact]
    public async Task Open_issues_leave_out_pull_requests_unless_asked()
    {
        var issues = (await gh.CallAsync("list_issues", new { repo = Repo, limit = 100 })).Ok().Items("issues");
        var bug = issues.Single(i => i.Int("number") == 87);
        Assert.Equal("dokafor", bug.Str("author"));
        Assert.Equal(["bug", "p1", "checkout"], bug.Strings("labels"));
        Assert.Equal(["bobm"], bug.Strings("assignees"));
        Assert.DoesNotContain(issues, i => i.Int("number") == 91);
        Assert.All(issues, i => Assert.Equal("open", i.Str("state")));

        var withPulls = (
            await gh.CallAsync(
                "list_issues",
                new
                {
                    repo = Repo,
                    include_pull_requests = true,
                    limit = 100,
                }
            )
        ).Ok().Items("issues");
        Assert.True(withPulls.Single(i => i.Int("number") == 91).GetProperty("is_pull_request").GetBoolean());
    }

    [Fact]
    public async Task Issue_filters_are_applied_by_github()
    {
        var both = (
            await gh.CallAsync(
                "list_issues",
                new
                {
                    repo = Repo,
                    labels = "bug, checkout",
                    limit = 100,
                }
            )
        ).Ok().Items("issues");
        Assert.NotEmpty(both);
        Assert.All(both, i => Assert.Superset(new HashSet<string> { "bug", "checkout" }, i.Strings("labels").ToHashSet()));
        Assert.Contains(both, i => i.Int("number") == 88);

        var bobs = (
            await gh.CallAsync(
                "list_issues",
                new
                {
                    repo = Repo,
                    assignee = "bobm",
                    state = "all",
                    limit = 100,
                }
            )
        ).Ok().Items("issues");
        Assert.NotEmpty(bobs);
        Assert.All(bobs, i => Assert.Contains("bobm", i.Strings("assignees")));

        var recent = (
            await gh.CallAsync(
                "list_issues",
                new
                {
                    repo = Repo,
                    since = DateTime.UtcNow.AddDays(-2).ToString("o"),
                    state = "all",
                }
            )
        ).Ok().Items("issues");
        Assert.Contains(recent, i => i.Int("number") == 87);
        Assert.All(recent, i => Assert.True(i.GetProperty("updated_at").GetDateTimeOffset() >= DateTimeOffset.UtcNow.AddDays(-2.1)));
    }

    [Fact]
    public async Task Closed_issues_page_past_the_first_page_and_match_one_big_page()
    {
        var (paged, calls) = await gh.AllPagesAsync(
            "list_issues",
            "issues",
            new()
            {
                ["repo"] = Repo,
                ["state"] = "closed",
                ["limit"] = 10,
            }
        );
        Assert.True(calls >= 4, $"expected several pages, got {calls}");
        var numbers = paged.Select(i => i.Int("number")).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(paged, i => Assert.Equal("closed", i.Str("state")));
        var (big, _) = await gh.AllPagesAsync(
            "list_issues",
            "issues",
            new()
            {
                ["repo"] = Repo,
                ["state"] = "closed",
                ["limit"] = 100,
            }
        );
        Assert.Equal(big.Select(i => i.Int("number")).Order(), numbers.Order());
    }

    [Fact]
    public async Task Pull_requests_show_branches_reviewers_and_merged_state()
    {
        var open = (await gh.CallAsync("list_pull_requests", new { repo = Repo })).Ok().Items("pull_requests");
        var fix = open.Single(p => p.Int("number") == 91);
        Assert.Equal("bobm", fix.Str("author"));
        Assert.Equal("fix/checkout-double-charge", fix.Str("head"));
        Assert.Equal("main", fix.Str("base"));
        Assert.Equal(["alice-chen"], fix.Strings("requested_reviewers"));

        var closed = (
            await gh.CallAsync(
                "list_pull_requests",
                new
                {
                    repo = Repo,
                    state = "closed",
                    limit = 100,
                }
            )
        ).Ok().Items("pull_requests");
        Assert.Equal("merged", closed.Single(p => p.Int("number") == 86).Str("state"));
        Assert.Equal("closed", closed.Single(p => p.Int("number") == 81).Str("state"));

        var byHead = (await gh.CallAsync("list_pull_requests", new { repo = Repo, head = "fix/checkout-double-charge" }))
            .Ok()
            .Items("pull_requests");
        Assert.Equal([91], byHead.Select(p => p.Int("number")));
    }

    [Fact]
    public async Task Commits_of_a_branch_and_of_main_page_past_the_first_page()
    {
        var fix = (
            await gh.CallAsync(
                "list_commits",
                new
                {
                    repo = Repo,
                    @ref = "fix/checkout-double-charge",
                    limit = 3,
                }
            )
        ).Ok();
        var commits = fix.Items("commits");
        Assert.Equal(
            [
                "Pass an idempotency key on capture",
                "Add regression test for discounted checkout",
                "Reuse the payment intent when a discount changes the total",
            ],
            commits.Select(c => c.Str("message"))
        );
        Assert.All(commits, c => Assert.Equal("bobm", c.Str("author")));
        Assert.True(fix.GetProperty("has_more").GetBoolean());

        var (main, calls) = await gh.AllPagesAsync("list_commits", "commits", new() { ["repo"] = Repo, ["limit"] = 15 });
        Assert.True(calls >= 3);
        Assert.Equal(main.Count, main.Select(c => c.Str("sha")).Distinct().Count());
        Assert.Equal("Merge pull request #86 from acme/feature/brew-pro-landing", main[0].Str("message"));

        var carols = (
            await gh.CallAsync(
                "list_commits",
                new
                {
                    repo = Repo,
                    author = "carol-s",
                    limit = 100,
                }
            )
        ).Ok().Items("commits");
        Assert.NotEmpty(carols);
        Assert.All(carols, c => Assert.Equal("carol-s", c.Str("author")));
    }

    [Fact]
    public async Task Branches_with_protection_filter()
    {
        var all = (await gh.CallAsync("list_branches", new { repo = Repo })).Ok().Items("branches");
        Assert.Contains(all, b => b.Str("name") == "fix/checkout-double-charge" && !b.GetProperty("protected").GetBoolean());
        var fixBranchHead = all.Single(b => b.Str("name") == "fix/checkout-double-charge").Str("sha");
        var pr = (await gh.CallAsync("get_pull_request", new { repo = Repo, number = 91 })).Ok();
        Assert.Equal(fixBranchHead, pr.Str("head_sha"));

        var protectedOnly = (await gh.CallAsync("list_branches", new { repo = Repo, @protected = true })).Ok().Items("branches");
        Assert.Contains(protectedOnly, b => b.Str("name") == "main");
        Assert.All(protectedOnly, b => Assert.True(b.GetProperty("protected").GetBoolean()));
    }

    [Fact]
    public async Task Workflow_runs_filter_by_conclusion_workflow_and_branch_and_page()
    {
        var failed = (await gh.CallAsync("get_workflow_runs", new { repo = Repo, status = "failure" })).Ok();
        var runs = failed.Items("workflow_runs");
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal("failure", r.Str("conclusion")));
        Assert.Contains(runs, r =>
            r.Str("workflow") == "E2E"
            && r.Str("branch") == "fix/checkout-double-charge"
            && r.GetProperty("pull_requests").EnumerateArray().Any(p => p.GetInt32() == 91)
        );
        Assert.Equal(runs.Count, failed.Int("total"));

        var e2e = (
            await gh.CallAsync(
                "get_workflow_runs",
                new
                {
                    repo = Repo,
                    workflow = "e2e.yml",
                    branch = "main",
                }
            )
        ).Ok().Items("workflow_runs");
        Assert.NotEmpty(e2e);
        Assert.All(e2e, r =>
        {
            Assert.Equal("E2E", r.Str("workflow"));
            Assert.Equal("main", r.Str("branch"));
        });

        var (all, calls) = await gh.AllPagesAsync("get_workflow_runs", "workflow_runs", new() { ["repo"] = Repo, ["limit"] = 7 });
        Assert.True(calls >= 3);
        Assert.Equal(all.Count, all.Select(r => r.GetProperty("id").GetInt64()).Distinct().Count());
        var dates = all.Select(r => r.GetProperty("created_at").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }
}
