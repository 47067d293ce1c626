using System.Net;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Sandbox.OAuth.OAuthFlow;

namespace Mosaic.Connectors.Tests.Sandbox.OAuth;

/// <summary>The Sandbox as Slack's OAuth v2 server (bot and user tokens, token rotation), and the Web API accepting its tokens.</summary>
public sealed class SlackOAuthServerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime, IDisposable
{
    private const string ClientId = "1111111111.2222222222";
    private const string Secret = "sandbox-slack-client-secret";
    private readonly OAuthFlow _flow = new(sandbox, "slack", "slack");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _flow.Dispose();

    private string Authorize(string challenge, string? redirect = null) =>
        "/slack/oauth/v2/authorize?"
        + Query(
            ("client_id", ClientId),
            ("scope", "channels:history,channels:read,chat:write"),
            ("user_scope", "search:read"),
            ("redirect_uri", redirect ?? _flow.RedirectUri),
            ("state", "sl-state"),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256")
        );

    private async Task<JsonObject> AccessAsync(params (string Key, string Value)[] args)
    {
        var (status, body) = await _flow.PostFormAsync(
            "/slack/api/oauth.v2.access",
            [("client_id", ClientId), ("client_secret", Secret), .. args]
        );
        Assert.Equal(HttpStatusCode.OK, status); // Slack's failures are HTTP 200 with ok=false
        return body;
    }

    private async Task<JsonObject> CallAsync(string method, string token, params (string Key, string Value)[] args)
    {
        var (_, body) = await _flow.PostFormAsync($"/slack/api/{method}", [("token", token), .. args]);
        return body;
    }

    [Fact]
    public async Task Full_flow_bot_and_user_tokens_expiry_rotation_and_revocation()
    {
        var (verifier, challenge) = Pkce();
        var redirect = await _flow.ConsentAsync(Authorize(challenge));
        Assert.Equal("sl-state", redirect["state"]);
        var tokens = await AccessAsync(("code", redirect["code"]), ("redirect_uri", _flow.RedirectUri), ("code_verifier", verifier));
        Assert.True((bool)tokens["ok"]!, tokens.ToJsonString());
        var bot = (string)tokens["access_token"]!;
        var user = (string)tokens["authed_user"]!["access_token"]!;
        var userRefresh = (string)tokens["authed_user"]!["refresh_token"]!;
        Assert.StartsWith("xoxe.xoxb-", bot);
        Assert.StartsWith("xoxe.xoxp-", user);
        Assert.Equal("bot", (string)tokens["token_type"]!);
        Assert.Equal(43200, (int)tokens["expires_in"]!);
        Assert.Equal("search:read", (string)tokens["authed_user"]!["scope"]!);

        Assert.Equal("U0MOSAIC01", (string)(await CallAsync("auth.test", bot))["user_id"]!);
        Assert.Equal("U0ALICE01", (string)(await CallAsync("auth.test", user))["user_id"]!);
        Assert.Equal("not_allowed_token_type", (string)(await CallAsync("search.messages", bot, ("query", "refund")))["error"]!);
        Assert.True((bool)(await CallAsync("search.messages", user, ("query", "refund")))["ok"]!);

        await _flow.ControlAsync("expire-access");
        Assert.Equal("token_expired", (string)(await CallAsync("auth.test", user))["error"]!);

        var refreshed = await AccessAsync(("grant_type", "refresh_token"), ("refresh_token", userRefresh));
        Assert.Equal("user", (string)refreshed["token_type"]!);
        var newUser = (string)refreshed["access_token"]!;
        Assert.StartsWith("xoxe.xoxp-", newUser);
        Assert.True((bool)(await CallAsync("search.messages", newUser, ("query", "refund")))["ok"]!);
        var reused = await AccessAsync(("grant_type", "refresh_token"), ("refresh_token", userRefresh));
        Assert.Equal("invalid_refresh_token", (string)reused["error"]!);

        var revoked = await CallAsync("auth.revoke", newUser);
        Assert.True((bool)revoked["revoked"]!);
        Assert.Equal("token_revoked", (string)(await CallAsync("auth.test", newUser))["error"]!);
        var afterRevoke = await AccessAsync(("grant_type", "refresh_token"), ("refresh_token", (string)refreshed["refresh_token"]!));
        Assert.Equal("invalid_refresh_token", (string)afterRevoke["error"]!);
        var stats = await _flow.StatsAsync();
        Assert.Equal(1, (int)stats["codeExchanges"]!);
        Assert.Equal(1, (int)stats["revocations"]!);
    }

    [Fact]
    public async Task Deny_reuse_foreign_redirect_and_pkce_mismatch()
    {
        var denied = await _flow.ConsentAsync(Authorize(Pkce().Challenge), "Deny");
        Assert.Equal("access_denied", denied["error"]);
        Assert.Equal("sl-state", denied["state"]);

        using var foreign = await _flow.Http.GetAsync(Authorize(Pkce().Challenge, "http://127.0.0.1:5999/api/oauth/github/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("bad_redirect_uri", await foreign.Content.ReadAsStringAsync());

        var (verifier, challenge) = Pkce();
        var code = (await _flow.ConsentAsync(Authorize(challenge)))["code"];
        var wrongRedirect = await AccessAsync(
            ("code", code),
            ("redirect_uri", "http://localhost:2/api/oauth/slack/callback"),
            ("code_verifier", verifier)
        );
        Assert.Equal("bad_redirect_uri", (string)wrongRedirect["error"]!);
        Assert.False((bool)(await AccessAsync(("code", code), ("code_verifier", "not-the-verifier")))["ok"]!);
        Assert.True((bool)(await AccessAsync(("code", code), ("code_verifier", verifier)))["ok"]!);
        Assert.Equal("invalid_code", (string)(await AccessAsync(("code", code), ("code_verifier", verifier)))["error"]!);
        var (_, badSecret) = await _flow.PostFormAsync(
            "/slack/api/oauth.v2.access",
            ("client_id", ClientId),
            ("client_secret", "x"),
            ("code", code)
        );
        Assert.Equal("bad_client_secret", (string)badSecret["error"]!);
    }
}
