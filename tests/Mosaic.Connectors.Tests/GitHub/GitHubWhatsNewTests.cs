using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Infrastructure.WhatsNewAssert;

namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>GitHub's whats_new against the Sandbox's seeded repositories.</summary>
public sealed class GitHubWhatsNewTests(GitHubFixture fx) : IClassFixture<GitHubFixture>
{
    [Fact]
    public async Task Lists_review_requests_new_issues_and_failed_runs_of_the_window()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-72);
        var (items, _) = await CallAsync(fx.Connector, since);

        var pr = Single(items, "review_requested", "PR #91 ");
        Assert.True(pr.Actionable()); // alice-chen is asked, and "alice" is the user
        Assert.Equal("high", pr.Text("priority"));
        Assert.Equal("github-pr-acme/storefront-91", pr.Text("id"));
        Assert.Contains("review requested from alice-chen", pr.Text("summary"));
        Assert.EndsWith("/acme/storefront/pull/91", pr.Text("url"));
        Assert.Equal("bobm", pr.Text("author"));
        Assert.Contains(items, i => i.Text("kind") == "new_issue" && i.Text("title")!.StartsWith("Issue #92 ") && !i.Actionable());
        var runs = items.Where(i => i.Text("kind") == "failed_run").ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.True(r.Actionable() && r.Text("priority") == "medium" && r.Text("title")!.Contains(" failed on ")));
        // GitHub is asked by the day; nothing from before the window's start is listed.
        Assert.All(items.Where(i => i.Text("kind") is "failed_run" or "new_issue"), i => Assert.True(i.At() >= since, i.ToString()));
    }

    [Fact]
    public async Task A_review_requested_from_someone_else_is_listed_without_asking_for_action()
    {
        var (items, _) = await CallAsync(fx.Connector, DateTimeOffset.UtcNow.AddHours(-72), me: "grace");
        var pr = Single(items, "review_requested", "PR #91 ");
        Assert.False(pr.Actionable());
        Assert.Equal("low", pr.Text("priority"));
    }
}
