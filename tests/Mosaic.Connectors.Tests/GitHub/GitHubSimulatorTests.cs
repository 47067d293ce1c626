using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>The Sandbox's GitHub simulator speaks GitHub's protocol: auth errors, Link paging, 404 and 429 bodies.</summary>
public sealed class GitHubSimulatorTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    // A throttle a failed test left unconsumed must not answer the next test's request.
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpRequestMessage Get(string path, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{sandbox.EnvFor("github")["GITHUB_API_URL"].TrimEnd('/')}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("token", token ?? sandbox.EnvFor("github")["GITHUB_TOKEN"]);
        return request;
    }

    [Fact]
    public async Task Wrong_token_gets_githubs_401_body()
    {
        using var response = await sandbox.Http.SendAsync(Get("user", "ghp_wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bad credentials", (string?)body["message"]);
        Assert.StartsWith("https://docs.github.com/", (string?)body["documentation_url"]);
    }

    [Fact]
    public async Task Issues_page_with_a_link_header_until_the_last_page()
    {
        var seen = new HashSet<int>();
        string? next = "repos/acme/storefront/issues?state=all&per_page=25";
        var pages = 0;
        while (next is not null)
        {
            using var response = await sandbox.Http.SendAsync(Get(next));
            response.EnsureSuccessStatusCode();
            foreach (var issue in JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())
                Assert.True(seen.Add((int)issue!["number"]!), "an issue came back twice");
            next = response.Headers.TryGetValues("Link", out var link)
                ? link.Single().Split(", ").FirstOrDefault(l => l.EndsWith("rel=\"next\""))?.Split('>')[0].TrimStart('<')
                : null;
            if (next is not null)
                next = next[(next.IndexOf("/repos/", StringComparison.Ordinal) + 1)..];
            pages++;
        }
        Assert.True(pages >= 4, $"expected several pages, got {pages}");
        Assert.Contains(87, seen);
        Assert.Contains(91, seen);
        Assert.Contains(1, seen);
    }

    [Fact]
    public async Task A_pr_listed_as_an_issue_carries_the_pull_request_key()
    {
        using var response = await sandbox.Http.SendAsync(Get("repos/acme/storefront/issues/91"));
        var issue = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(issue["pull_request"]);
        Assert.Equal("bobm", (string?)issue["user"]!["login"]);
        using var plain = await sandbox.Http.SendAsync(Get("repos/acme/storefront/issues/87"));
        Assert.Null(JsonNode.Parse(await plain.Content.ReadAsStringAsync())!["pull_request"]);
    }

    [Fact]
    public async Task Missing_repository_is_a_404_with_githubs_body()
    {
        using var response = await sandbox.Http.SendAsync(Get("repos/acme/no-such-repo/issues"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
    }

    [Fact]
    public async Task Forced_throttle_answers_429_with_retry_after_once()
    {
        await sandbox.ThrottleAsync("github", 1);
        using var throttled = await sandbox.Http.SendAsync(Get("repos/acme/storefront"));
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("0", throttled.Headers.GetValues("x-ratelimit-remaining").Single());
        using var after = await sandbox.Http.SendAsync(Get("repos/acme/storefront"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_api_v3_mount_serves_the_same_api()
    {
        var request = Get("repos/acme/storefront/pulls/91");
        request.RequestUri = new Uri($"{sandbox.BaseUrl}/api/v3/repos/acme/storefront/pulls/91");
        using var response = await sandbox.Http.SendAsync(request);
        var pr = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("alice-chen", (string?)pr["requested_reviewers"]![0]!["login"]);
        Assert.StartsWith($"{sandbox.BaseUrl}/api/v3/", (string?)pr["url"]);
    }
}
