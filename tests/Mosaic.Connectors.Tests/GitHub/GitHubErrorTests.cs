using System.Net;
using System.Net.Http.Headers;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>Bad credentials, missing things, rate limits and bad arguments become tool errors a person can act on.</summary>
public sealed class GitHubErrorTests(GitHubFixture gh) : IClassFixture<GitHubFixture>, IAsyncLifetime
{
    // A throttle a failed test left unconsumed must not answer the next test's call.
    public Task InitializeAsync() => gh.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_wrong_token_is_a_clear_tool_error()
    {
        await using var bad = await ConnectorProcess.StartAsync("GitHub", gh.Sandbox.EnvFor("github", ("GITHUB_TOKEN", "ghp_revoked")));
        var error = (await bad.CallAsync("list_repositories")).Error();
        Assert.Contains("GitHub says: Bad credentials (HTTP 401)", error);
        Assert.Contains("credentials", error[(error.IndexOf("401", StringComparison.Ordinal))..]);
        Assert.DoesNotContain("ghp_", error);
    }

    [Fact]
    public async Task A_missing_token_stops_start_up_naming_the_variable()
    {
        var env = gh.Sandbox.EnvFor("github").Where(kv => kv.Key != "GITHUB_TOKEN").ToDictionary();
        var (exit, stderr) = await ConnectorProcess.RunToExitAsync("GitHub", env);
        Assert.Equal(2, exit);
        Assert.Contains("GITHUB_TOKEN", stderr);
    }

    [Fact]
    public async Task Missing_repository_and_issue_are_404_tool_errors()
    {
        var repo = (await gh.CallAsync("list_issues", new { repo = "acme/no-such-repo" })).Error();
        Assert.Contains("acme/no-such-repo was not found", repo);
        Assert.Contains("404", repo);
        var issue = (await gh.CallAsync("get_issue", new { repo = "acme/storefront", number = 9999 })).Error();
        Assert.Contains("#9999", issue);
        Assert.Contains("404", issue);
        var notPr = (await gh.CallAsync("get_pull_request", new { repo = "acme/storefront", number = 87 })).Error();
        Assert.Contains("404", notPr);
    }

    [Fact]
    public async Task A_single_429_is_retried_after_retry_after()
    {
        await gh.Sandbox.ThrottleAsync("github", 1);
        var pr = (await gh.CallAsync("list_pull_requests", new { repo = "acme/storefront" })).Ok();
        Assert.Contains(pr.Items("pull_requests"), p => p.Int("number") == 91);
        // The throttle was consumed by the connector (a direct call now goes through), so the 429 really happened.
        Assert.Equal(HttpStatusCode.OK, await DirectStatusAsync());
    }

    [Fact]
    public async Task A_429_that_persists_becomes_a_wait_and_retry_error()
    {
        await gh.Sandbox.ThrottleAsync("github", 10); // what is left of it is cleared before the next test
        var error = (await gh.CallAsync("list_branches", new { repo = "acme/storefront" })).Error();
        Assert.Contains("rate limit", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("429", error);
        Assert.Contains("wait 1 s", error);
    }

    [Fact]
    public async Task The_hourly_limit_says_when_it_resets()
    {
        await gh.Sandbox.ThrottleAsync("github-primary", 1);
        var error = (await gh.CallAsync("list_repositories", new { owner = "acme" })).Error();
        Assert.Contains("API rate limit exceeded", error);
        Assert.Contains("resets at", error);
        Assert.DoesNotContain("lack permission", error);
    }

    [Theory]
    [InlineData("storefront", "owner/name")]
    [InlineData("acme/store front", "owner/name")]
    public async Task A_malformed_repo_is_refused_before_calling_github(string repo, string expected)
    {
        var error = (await gh.CallAsync("list_commits", new { repo })).Error();
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Bad_arguments_say_what_to_pass()
    {
        Assert.Contains(
            "state must be one of open, closed, all",
            (await gh.CallAsync("list_issues", new { repo = "acme/storefront", state = "done" })).Error()
        );
        Assert.Contains(
            "since must be an ISO 8601",
            (await gh.CallAsync("list_issues", new { repo = "acme/storefront", since = "last tuesday" })).Error()
        );
        Assert.Contains("cursor", (await gh.CallAsync("list_issues", new { repo = "acme/storefront", cursor = "not-a-cursor" })).Error());
        var other = (await gh.CallAsync("list_branches", new { repo = "acme/storefront", limit = 1 })).Ok().Str("next_cursor");
        Assert.Contains(
            "different listing",
            (await gh.CallAsync("list_commits", new { repo = "acme/storefront", cursor = other })).Error()
        );
    }

    [Fact]
    public async Task An_enterprise_style_root_url_reaches_the_api_v3_mount()
    {
        await using var ghe = await ConnectorProcess.StartAsync(
            "GitHub",
            gh.Sandbox.EnvFor("github", ("GITHUB_API_URL", gh.Sandbox.BaseUrl))
        );
        var repos = (await ghe.CallAsync("list_repositories", new { owner = "acme" })).Ok().Items("repositories");
        Assert.Contains(repos, r => r.Str("full_name") == "acme/storefront");
    }

    private async Task<HttpStatusCode> DirectStatusAsync()
    {
        var env = gh.Sandbox.EnvFor("github");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{env["GITHUB_API_URL"]}/repos/acme/storefront");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", env["GITHUB_TOKEN"]);
        using var response = await gh.Sandbox.Http.SendAsync(request);
        return response.StatusCode;
    }
}
