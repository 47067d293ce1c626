namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>get_issue and get_pull_request: the checkout-bug story as GitHub tells it.</summary>
public sealed class GitHubDetailToolTests(GitHubFixture gh) : IClassFixture<GitHubFixture>
{
    [Fact]
    public async Task Get_issue_returns_body_and_latest_comments()
    {
        var result = await gh.CallAsync(
            "get_issue",
            new
            {
                repo = "acme/storefront",
                number = 87,
                comments = 2,
            }
        );
        var detail = result.Ok();
        var issue = detail.GetProperty("issue");
        Assert.Equal("Checkout double-charges when a discount code is applied", issue.Str("title"));
        Assert.Equal("dokafor", issue.Str("author"));
        Assert.Contains("ACME-142", detail.Str("body"));
        Assert.Contains("#1042", detail.Str("body"));
        var comments = detail.Items("recent_comments");
        Assert.Equal(2, comments.Count);
        Assert.Equal("Fix is up in #91.", comments[^1].Str("body"));
        Assert.Equal(4, detail.Int("comments_total"));
        Assert.Contains("#87", result.Text);
    }

    [Fact]
    public async Task Get_pull_request_has_review_state_and_failing_checks()
    {
        var pr = (await gh.CallAsync("get_pull_request", new { repo = "acme/storefront", number = 91 })).Ok();
        Assert.Equal("bobm", pr.GetProperty("pull_request").Str("author"));
        Assert.Equal("open", pr.GetProperty("pull_request").Str("state"));

        var reviews = pr.GetProperty("reviews");
        Assert.Equal("review_required", reviews.Str("decision"));
        Assert.Equal(["alice-chen"], reviews.Strings("requested"));
        var carol = reviews.Items("latest").Single();
        Assert.Equal(("carol-s", "COMMENTED"), (carol.Str("reviewer"), carol.Str("state")));

        var checks = pr.GetProperty("checks");
        Assert.Equal("failure", checks.Str("state"));
        Assert.Equal(["e2e"], checks.Strings("failing"));
        Assert.Contains(checks.Items("check_runs"), c => c.Str("name") == "build" && c.Str("conclusion") == "success");
        Assert.Contains(checks.Items("statuses"), s => s.Str("context") == "ci/preview-deploy" && s.Str("state") == "success");
    }

    [Fact]
    public async Task A_merged_pull_request_reads_approved_and_green()
    {
        var pr = (await gh.CallAsync("get_pull_request", new { repo = "acme/storefront", number = 86 })).Ok();
        Assert.Equal("merged", pr.GetProperty("pull_request").Str("state"));
        Assert.Equal("carol-s", pr.Str("merged_by"));
        Assert.Equal("approved", pr.GetProperty("reviews").Str("decision"));
        Assert.Equal("success", pr.GetProperty("checks").Str("state"));
    }

    [Fact]
    public async Task An_approval_after_requested_changes_counts_as_the_verdict()
    {
        var pr = (await gh.CallAsync("get_pull_request", new { repo = "acme/storefront", number = 82 })).Ok();
        var latest = pr.GetProperty("reviews").Items("latest").Single();
        Assert.Equal("APPROVED", latest.Str("state"));
        Assert.Equal("approved", pr.GetProperty("reviews").Str("decision"));
        Assert.Equal("none", pr.GetProperty("checks").Str("state"));
    }
}
