using Mosaic.Server.Sources.GitHub;

namespace Mosaic.Server.OAuth.Providers;

/// <summary>
/// GitHub (docs/oauth.md#github): an OAuth App, or a GitHub App's user tokens, on <c>login/oauth/authorize</c> and
/// <c>login/oauth/access_token</c> (JSON with <c>Accept: application/json</c>; errors such as <c>bad_verification_code</c>
/// and <c>bad_refresh_token</c> come with HTTP 200). PKCE S256. Expiring user tokens (8 hours) come with a refresh token
/// that rotates. Revocation: <c>DELETE /applications/{client_id}/token</c> on the API with the app's basic auth, written
/// by hand (it is not RFC 7009).
/// </summary>
public sealed class GitHubProvider : OAuthProvider
{
    // The provider and the source it connects share one id (oauth_apps rows and /api/admin/oauth/{provider} use it).
    public override string Id => GitHubSource.Id;
    public override string Name => "GitHub";
    public override string SourceId => GitHubSource.Id;
    public override string AccessTokenField => "token";
    public override string WhatYouSee => "your reviews and issues";

    /// <summary>repo: reading private repositories' code, issues, pull requests and runs (GitHub has no read-only scope for
    /// them); read:org: the organisations and teams a review request names. A GitHub App ignores scopes (its permissions
    /// decide).</summary>
    public override IReadOnlyList<string> Scopes { get; } = ["repo", "read:org"];

    public override ProviderUrls Urls(OAuthPlace place) =>
        new(
            Rebase("https://github.com/login/oauth/authorize", place.BaseUrl),
            Rebase("https://github.com/login/oauth/access_token", place.BaseUrl),
            null
        );

    public override bool RefusesAuthorization(string? error) => error is "bad_refresh_token" or "invalid_grant" or "unauthorized_client";

    public override async Task<bool> RevokeAsync(OAuthTokenRequests tokens, OAuthRefreshContext context, CancellationToken ct)
    {
        var api = (context.Place.ApiUrl ?? "https://api.github.com").TrimEnd('/');
        using var http = tokens.CreateClient();
        using var request = new HttpRequestMessage(
            HttpMethod.Delete,
            $"{api}/applications/{Uri.EscapeDataString(context.App.ClientId)}/token"
        )
        {
            Content = JsonContent.Create(new { access_token = context.Fields[AccessTokenField] }),
        };
        request.Headers.Authorization = new Duende.IdentityModel.Client.BasicAuthenticationHeaderValue(
            context.App.ClientId,
            context.App.ClientSecret
        );
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("Mosaic");
        using var response = await http.SendAsync(request, ct);
        // 404: the token is already gone, which is what revoking wants.
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
            throw new OAuthRequestException($"GitHub's token revocation answered HTTP {(int)response.StatusCode}");
        return true;
    }
}
