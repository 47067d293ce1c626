using Duende.IdentityModel.Client;
using Mosaic.Server.Sources.GoogleWorkspace;

namespace Mosaic.Server.OAuth.Providers;

/// <summary>
/// Google (docs/oauth.md#google): the authorization code flow with PKCE S256, <c>access_type=offline</c> and
/// <c>prompt=consent</c> so a refresh token is always returned; refreshing does not rotate it; <c>invalid_grant</c>
/// ("Token has been expired or revoked.") means the authorization is gone; RFC 7009 revocation at <c>/revoke</c>.
/// The connector gets the access token (GOOGLE_ACCESS_TOKEN), never the refresh token.
/// </summary>
public sealed class GoogleProvider : OAuthProvider
{
    public override string Id => "google";
    public override string Name => "Google";
    public override string SourceId => GoogleWorkspaceSource.Id;
    public override string AccessTokenField => "access_token";
    public override string WhatYouSee => "your mail";

    /// <summary>The five read-only scopes the connector's tools use (docs/google-workspace.md), nothing more.</summary>
    public override IReadOnlyList<string> Scopes { get; } =
    [
        "https://www.googleapis.com/auth/calendar.readonly",
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/drive.readonly",
        "https://www.googleapis.com/auth/documents.readonly",
        "https://www.googleapis.com/auth/spreadsheets.readonly",
    ];

    public override ProviderUrls Urls(OAuthPlace place) =>
        new(
            Rebase("https://accounts.google.com/o/oauth2/v2/auth", place.BaseUrl),
            Rebase("https://oauth2.googleapis.com/token", place.BaseUrl),
            Rebase("https://oauth2.googleapis.com/revoke", place.BaseUrl)
        );

    public override Parameters AuthorizeExtras() => new() { { "access_type", "offline" }, { "prompt", "consent" } };

    /// <summary>Revoking the refresh token revokes the whole grant (its access tokens too).</summary>
    public override async Task<bool> RevokeAsync(OAuthTokenRequests tokens, OAuthRefreshContext context, CancellationToken ct)
    {
        var (token, hint) = context.Fields.TryGetValue(OAuthFields.RefreshToken, out var refresh)
            ? (refresh, "refresh_token")
            : (context.Fields[AccessTokenField], "access_token");
        await tokens.RevokeAsync(context.Urls.Revoke!, context.App, token, hint, ct);
        return true;
    }
}
