using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Sandbox.OAuth.OAuthFlow;

namespace Mosaic.Connectors.Tests.Sandbox.OAuth;

/// <summary>The Sandbox as GitHub's authorization server for a GitHub App's expiring user tokens, and the API accepting them.</summary>
public sealed class GitHubOAuthServerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime, IDisposable
{
    private const string ClientId = "Iv1.sandboxacme00001";
    private const string Secret = "sandbox-github-client-secret";
    private const string TokenPath = "/github-oauth/login/oauth/access_token";
    private readonly OAuthFlow _flow = new(sandbox, "github", "github");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _flow.Dispose();

    private string Authorize(string challenge, string? redirect = null) =>
        "/github-oauth/login/oauth/authorize?"
        + Query(
            ("client_id", ClientId),
            ("redirect_uri", redirect ?? _flow.RedirectUri),
            ("state", "gh-state"),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256")
        );

    /// <summary>A token request with Accept: application/json (or without, to get GitHub's form-encoded answer).</summary>
    private async Task<Dictionary<string, string>> TokenAsync(bool json, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent([
                new("client_id", ClientId),
                new("client_secret", Secret),
                .. form.Select(f => KeyValuePair.Create(f.Key, f.Value)),
            ]),
        };
        if (json)
            request.Headers.Accept.ParseAdd("application/json");
        using var response = await _flow.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // GitHub's errors come with 200 too
        var body = await response.Content.ReadAsStringAsync();
        if (json)
            return JsonNode
                .Parse(body)!
                .AsObject()
                .Where(kv => kv.Value is not null)
                .ToDictionary(kv => kv.Key, kv => kv.Value!.ToString());
        Assert.StartsWith("application/x-www-form-urlencoded", response.Content.Headers.ContentType!.ToString());
        return ParseQuery(body);
    }

    private async Task<HttpStatusCode> RevokeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/github/applications/{ClientId}/token")
        {
            Content = JsonContent(new JsonObject { ["access_token"] = token }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Secret}"))
        );
        using var response = await _flow.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static StringContent JsonContent(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Full_flow_with_form_answers_expiry_rotating_refresh_and_revocation()
    {
        var (verifier, challenge) = Pkce();
        var redirect = await _flow.ConsentAsync(Authorize(challenge));
        Assert.Equal("gh-state", redirect["state"]);
        var tokens = await TokenAsync(false, ("code", redirect["code"]), ("redirect_uri", _flow.RedirectUri), ("code_verifier", verifier));
        Assert.StartsWith("ghu_", tokens["access_token"]);
        Assert.StartsWith("ghr_", tokens["refresh_token"]);
        Assert.Equal("28800", tokens["expires_in"]);
        Assert.Equal("15897600", tokens["refresh_token_expires_in"]);
        var user = await _flow.GetAsync("/github/user", tokens["access_token"]);
        Assert.Equal(HttpStatusCode.OK, user.Status);
        Assert.Contains("\"alice-chen\"", user.Body);

        await _flow.ControlAsync("expire-access");
        var expired = await _flow.GetAsync("/github/user", tokens["access_token"]);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("Bad credentials", expired.Body);

        var refreshed = await TokenAsync(true, ("grant_type", "refresh_token"), ("refresh_token", tokens["refresh_token"]));
        Assert.NotEqual(tokens["refresh_token"], refreshed["refresh_token"]);
        Assert.Equal(HttpStatusCode.OK, (await _flow.GetAsync("/github/user", refreshed["access_token"])).Status);
        var reused = await TokenAsync(true, ("grant_type", "refresh_token"), ("refresh_token", tokens["refresh_token"]));
        Assert.Equal("bad_refresh_token", reused["error"]);

        Assert.Equal(HttpStatusCode.NoContent, await RevokeAsync(refreshed["access_token"]));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _flow.GetAsync("/github/user", refreshed["access_token"])).Status);
        Assert.Equal(HttpStatusCode.NotFound, await RevokeAsync("ghu_unknown"));
        var stats = await _flow.StatsAsync();
        Assert.Equal(1, (int)stats["refreshes"]!);
        Assert.Equal(1, (int)stats["revocations"]!);
    }

    [Fact]
    public async Task Deny_code_reuse_redirect_and_pkce_errors_as_github_gives_them()
    {
        var denied = await _flow.ConsentAsync(Authorize(Pkce().Challenge), "Deny");
        Assert.Equal("access_denied", denied["error"]);
        Assert.Equal("gh-state", denied["state"]);

        using var foreign = await _flow.Http.GetAsync(Authorize(Pkce().Challenge, "http://127.0.0.1:5999/elsewhere"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("redirect_uri_mismatch", await foreign.Content.ReadAsStringAsync());

        var (verifier, challenge) = Pkce();
        var code = (await _flow.ConsentAsync(Authorize(challenge)))["code"];
        var wrongRedirect = await TokenAsync(
            true,
            ("code", code),
            ("redirect_uri", "http://localhost:1/api/oauth/github/callback"),
            ("code_verifier", verifier)
        );
        Assert.Equal("redirect_uri_mismatch", wrongRedirect["error"]);
        var wrongVerifier = await TokenAsync(true, ("code", code), ("code_verifier", Pkce().Verifier));
        Assert.Equal("bad_verification_code", wrongVerifier["error"]);
        Assert.True((await TokenAsync(true, ("code", code), ("code_verifier", verifier))).ContainsKey("access_token"));
        var reused = await TokenAsync(false, ("code", code), ("code_verifier", verifier));
        Assert.Equal("bad_verification_code", reused["error"]);

        using var badClient = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent([new("client_id", ClientId), new("client_secret", "wrong"), new("code", "x")]),
        };
        badClient.Headers.Accept.ParseAdd("application/json");
        using var answer = await _flow.Http.SendAsync(badClient);
        Assert.Contains("incorrect_client_credentials", await answer.Content.ReadAsStringAsync());
    }
}
