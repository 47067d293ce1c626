using System.Net;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Sandbox.OAuth.OAuthFlow;

namespace Mosaic.Connectors.Tests.Sandbox.OAuth;

/// <summary>The Sandbox as Atlassian's 3LO server: accessible-resources, Jira under the cloud id, rotating refresh tokens.</summary>
public sealed class AtlassianOAuthServerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime, IDisposable
{
    private const string ClientId = "sandbox-atlassian-client-id";
    private const string Secret = "sandbox-atlassian-client-secret";
    private readonly OAuthFlow _flow = new(sandbox, "atlassian", "jira");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _flow.Dispose();

    private string Authorize(string? redirect = null, string audience = "api.atlassian.com") =>
        "/atlassian/authorize?"
        + Query(
            ("audience", audience),
            ("client_id", ClientId),
            ("scope", "read:jira-work write:jira-work read:jira-user read:me offline_access"),
            ("redirect_uri", redirect ?? _flow.RedirectUri),
            ("state", "atl-state"),
            ("response_type", "code"),
            ("prompt", "consent")
        );

    private Task<(HttpStatusCode Status, JsonObject Body)> Token(JsonObject body)
    {
        body["client_id"] = ClientId;
        body["client_secret"] = Secret;
        return _flow.PostJsonAsync("/atlassian/oauth/token", body);
    }

    [Fact]
    public async Task Full_flow_sites_jira_under_the_cloud_id_expiry_rotation()
    {
        var redirect = await _flow.ConsentAsync(Authorize());
        Assert.Equal("atl-state", redirect["state"]);
        var (status, tokens) = await Token(
            new()
            {
                ["grant_type"] = "authorization_code",
                ["code"] = redirect["code"],
                ["redirect_uri"] = _flow.RedirectUri,
            }
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3600, (int)tokens["expires_in"]!);
        var access = (string)tokens["access_token"]!;
        var refresh = (string)tokens["refresh_token"]!;

        var (sitesStatus, sitesBody) = await _flow.GetAsync("/atlassian/oauth/token/accessible-resources", access);
        Assert.Equal(HttpStatusCode.OK, sitesStatus);
        var site = JsonNode.Parse(sitesBody)!.AsArray().Single()!;
        var cloudId = (string)site["id"]!;
        Assert.Contains("read:jira-work", site["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Contains("alice@acme.test", (await _flow.GetAsync("/atlassian/me", access)).Body);

        var myself = await _flow.GetAsync($"/atlassian/ex/jira/{cloudId}/rest/api/3/myself", access);
        Assert.Equal(HttpStatusCode.OK, myself.Status);
        Assert.Contains("5f1a-alice", myself.Body);
        Assert.Contains($"/atlassian/ex/jira/{cloudId}/rest/api/3/", myself.Body); // self links through the gateway
        var issue = await _flow.GetAsync($"/atlassian/ex/jira/{cloudId}/rest/api/3/issue/ACME-142", access);
        Assert.Equal(HttpStatusCode.OK, issue.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _flow.GetAsync("/atlassian/ex/jira/not-our-site/rest/api/3/myself", access)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _flow.GetAsync($"/atlassian/ex/jira/{cloudId}/rest/api/3/myself", "nope")).Status);

        await _flow.ControlAsync("expire-access");
        var expired = await _flow.GetAsync($"/atlassian/ex/jira/{cloudId}/rest/api/3/myself", access);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);

        var (_, refreshed) = await Token(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        Assert.NotEqual(refresh, (string)refreshed["refresh_token"]!);
        Assert.Equal(
            HttpStatusCode.OK,
            (await _flow.GetAsync($"/atlassian/ex/jira/{cloudId}/rest/api/3/myself", (string)refreshed["access_token"]!)).Status
        );
        var (reusedStatus, reused) = await Token(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        Assert.Equal(HttpStatusCode.Forbidden, reusedStatus);
        Assert.Equal("invalid_grant", (string)reused["error"]!);

        await _flow.ControlAsync("revoke-refresh");
        var (_, revoked) = await Token(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)refreshed["refresh_token"]! });
        Assert.Equal("invalid_grant", (string)revoked["error"]!);
    }

    [Fact]
    public async Task Deny_reuse_foreign_redirect_and_missing_audience()
    {
        var denied = await _flow.ConsentAsync(Authorize(), "Deny");
        Assert.Equal("access_denied", denied["error"]);

        using var noAudience = await _flow.Http.GetAsync(Authorize(audience: "example.com"));
        Assert.Equal(HttpStatusCode.BadRequest, noAudience.StatusCode);
        using var foreign = await _flow.Http.GetAsync(Authorize("https://127.0.0.1:5999/api/oauth/jira/callback?x=1"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Null(foreign.Headers.Location);

        var code = (await _flow.ConsentAsync(Authorize()))["code"];
        var (wrongStatus, _) = await Token(
            new()
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = "http://localhost:9/api/oauth/jira/callback",
            }
        );
        Assert.Equal(HttpStatusCode.Forbidden, wrongStatus);
        JsonObject Exchange() =>
            new()
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = _flow.RedirectUri,
            };
        Assert.Equal(HttpStatusCode.OK, (await Token(Exchange())).Status);
        var (againStatus, again) = await Token(Exchange());
        Assert.Equal(HttpStatusCode.Forbidden, againStatus);
        Assert.Equal("invalid_grant", (string)again["error"]!);
    }
}
