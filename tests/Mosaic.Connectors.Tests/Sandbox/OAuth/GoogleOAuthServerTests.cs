using System.Net;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Sandbox.OAuth.OAuthFlow;

namespace Mosaic.Connectors.Tests.Sandbox.OAuth;

/// <summary>The Sandbox as Google's authorization server: consent, code, token, refresh, revocation; Gmail accepts its tokens.</summary>
public sealed class GoogleOAuthServerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime, IDisposable
{
    private const string ClientId = "sandbox-client-id.apps.googleusercontent.com";
    private const string Secret = "sandbox-client-secret";
    private const string Profile = "/google/gmail/v1/users/me/profile";
    private readonly OAuthFlow _flow = new(sandbox, "google", "google_workspace");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _flow.Dispose();

    private string Authorize(string? challenge = null, string? redirect = null) =>
        "/google/o/oauth2/v2/auth?"
        + Query([
            ("client_id", ClientId),
            ("redirect_uri", redirect ?? _flow.RedirectUri),
            ("response_type", "code"),
            ("scope", "https://www.googleapis.com/auth/gmail.readonly"),
            ("access_type", "offline"),
            ("prompt", "consent"),
            ("state", "st-1"),
            .. challenge is null ? Array.Empty<(string, string)>() : [("code_challenge", challenge), ("code_challenge_method", "S256")],
        ]);

    private Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonObject Body)> Exchange(
        string code,
        string? verifier,
        string? redirect = null
    ) =>
        _flow.PostFormAsync(
            "/google/token",
            [
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", redirect ?? _flow.RedirectUri),
                ("client_id", ClientId),
                ("client_secret", Secret),
                .. verifier is null ? Array.Empty<(string, string)>() : [("code_verifier", verifier)],
            ]
        );

    private Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonObject Body)> Refresh(string refreshToken) =>
        _flow.PostFormAsync(
            "/google/token",
            ("grant_type", "refresh_token"),
            ("refresh_token", refreshToken),
            ("client_id", ClientId),
            ("client_secret", Secret)
        );

    [Fact]
    public async Task Full_flow_consent_token_api_expiry_refresh_rotation_revocation()
    {
        var (verifier, challenge) = Pkce();
        var redirect = await _flow.ConsentAsync(Authorize(challenge));
        Assert.Equal("st-1", redirect["state"]);
        var (status, tokens) = await Exchange(redirect["code"], verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3599, (int)tokens["expires_in"]!);
        Assert.Equal("Bearer", (string)tokens["token_type"]!);
        var access = (string)tokens["access_token"]!;
        var refresh = (string)tokens["refresh_token"]!;
        Assert.Equal(HttpStatusCode.OK, (await _flow.GetAsync(Profile, access)).Status);

        await _flow.ControlAsync("expire-access");
        var expired = await _flow.GetAsync(Profile, access);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("UNAUTHENTICATED", expired.Body);

        // Google does not rotate: the same refresh token keeps working and no new one is returned.
        var (_, refreshed) = await Refresh(refresh);
        Assert.Null(refreshed["refresh_token"]);
        Assert.Equal(HttpStatusCode.OK, (await _flow.GetAsync(Profile, (string)refreshed["access_token"]!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Refresh(refresh)).Status);

        // With rotation switched on, a used refresh token is refused.
        await _flow.ControlAsync("settings", new { rotateRefreshTokens = true, accessTokenLifetimeSeconds = 120 });
        var (_, rotated) = await Refresh(refresh);
        Assert.Equal(120, (int)rotated["expires_in"]!);
        var newRefresh = (string)rotated["refresh_token"]!;
        var old = await Refresh(refresh);
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        Assert.Equal("invalid_grant", (string)old.Body["error"]!);
        Assert.Equal("Token has been expired or revoked.", (string)old.Body["error_description"]!);

        var newAccess = (string)rotated["access_token"]!;
        Assert.Equal(HttpStatusCode.OK, (await _flow.PostFormAsync("/google/revoke", ("token", newAccess))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _flow.GetAsync(Profile, newAccess)).Status);
        Assert.Equal("invalid_grant", (string)(await Refresh(newRefresh)).Body["error"]!); // revoking ends the grant

        var stats = await _flow.StatsAsync();
        Assert.Equal(1, (int)stats["authorizations"]!);
        Assert.Equal(1, (int)stats["codeExchanges"]!);
        Assert.Equal(3, (int)stats["refreshes"]!);
        Assert.Equal(1, (int)stats["revocations"]!);
        Assert.Equal(0, (int)stats["liveAccessTokens"]!);
    }

    [Fact]
    public async Task Deny_redirects_with_access_denied_and_the_state()
    {
        var redirect = await _flow.ConsentAsync(Authorize(), "Deny");
        Assert.Equal("access_denied", redirect["error"]);
        Assert.Equal("st-1", redirect["state"]);
        Assert.False(redirect.ContainsKey("code"));
        Assert.Equal(1, (int)(await _flow.StatsAsync())["denials"]!);
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var code = (await _flow.ConsentAsync(Authorize()))["code"];
        Assert.Equal(HttpStatusCode.OK, (await Exchange(code, null)).Status);
        var again = await Exchange(code, null);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("invalid_grant", (string)again.Body["error"]!);
    }

    [Fact]
    public async Task A_foreign_redirect_uri_is_refused_on_the_page_and_at_the_token_endpoint()
    {
        using var page = await _flow.Http.GetAsync(Authorize(redirect: "https://evil.example/api/oauth/google_workspace/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Contains("redirect_uri_mismatch", await page.Content.ReadAsStringAsync());

        var code = (await _flow.ConsentAsync(Authorize()))["code"];
        var wrong = await Exchange(code, null, "http://127.0.0.1:6000/api/oauth/google_workspace/callback");
        Assert.Equal("redirect_uri_mismatch", (string)wrong.Body["error"]!);
    }

    [Fact]
    public async Task A_wrong_pkce_verifier_is_refused()
    {
        var (_, challenge) = Pkce();
        var code = (await _flow.ConsentAsync(Authorize(challenge)))["code"];
        var (status, body) = await Exchange(code, Pkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", (string)body["error"]!);
    }

    [Fact]
    public async Task Revoke_refresh_control_refuses_every_refresh_token_and_reset_restores_the_configured_one()
    {
        var tokens = (await Exchange((await _flow.ConsentAsync(Authorize()))["code"], null)).Body;
        await _flow.ControlAsync("revoke-refresh");
        Assert.Equal("invalid_grant", (string)(await Refresh((string)tokens["refresh_token"]!)).Body["error"]!);
        Assert.Equal("invalid_grant", (string)(await Refresh("sandbox-refresh-token")).Body["error"]!);

        await sandbox.ResetAsync();
        Assert.Equal(HttpStatusCode.OK, (await Refresh("sandbox-refresh-token")).Status);
    }
}
