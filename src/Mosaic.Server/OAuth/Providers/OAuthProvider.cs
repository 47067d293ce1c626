using Duende.IdentityModel.Client;

namespace Mosaic.Server.OAuth.Providers;

/// <summary>
/// One built-in source's authorization server as it really works (docs/oauth.md): where it lives, the scopes Mosaic asks
/// for (the fewest its connector needs), PKCE or not, extra authorize parameters, how a token response becomes the
/// connector's fields, steps after the exchange, the callback's own checks and revocation. The flow itself is shared
/// (<see cref="BuiltInOAuthConnector"/>, <see cref="OAuthRefresher"/>); a provider says only what differs.
/// </summary>
public abstract class OAuthProvider
{
    /// <summary>slack, github, google, atlassian or shopify: the <c>{PROVIDER}_OAUTH_*</c> variables and oauth_apps rows.</summary>
    public abstract string Id { get; }

    /// <summary>The provider as a person knows it ("Google").</summary>
    public abstract string Name { get; }

    /// <summary>The built-in source it connects.</summary>
    public abstract string SourceId { get; }

    public abstract IReadOnlyList<string> Scopes { get; }

    /// <summary>The connector field the access token goes to.</summary>
    public abstract string AccessTokenField { get; }

    public virtual bool UsesPkce => true;

    /// <summary>Shopify: the member names the shop (unless the admin fixed it).</summary>
    public virtual bool NeedsShop => false;

    /// <summary>What the sentence "Reconnect Google to see your mail." ends with.</summary>
    public abstract string WhatYouSee { get; }

    public string EnvPrefix => Id.ToUpperInvariant();

    public string Docs => $"docs/oauth.md#{Id}";

    /// <summary>The provider's URLs; <see cref="OAuthPlace.BaseUrl"/> (<c>{PROVIDER}_OAUTH_BASE_URL</c>) replaces each real
    /// URL's scheme and host.</summary>
    public abstract ProviderUrls Urls(OAuthPlace place);

    /// <summary>Authorize parameters beyond client_id, redirect_uri, state, scope and PKCE (Google's access_type=offline).</summary>
    public virtual Parameters AuthorizeExtras() => [];

    /// <summary>The scope parameter's value (space-separated unless the provider says otherwise).</summary>
    public virtual string ScopeValue => string.Join(' ', Scopes);

    /// <summary>Parameters added to the code exchange and to refreshes (Shopify's <c>expiring=1</c>).</summary>
    public virtual Parameters TokenExtras() => [];

    /// <summary>
    /// A provider's own check of the callback (Shopify's hmac), before anything else is done with it; the failure's words
    /// for the log, or null when it passes.
    /// </summary>
    public virtual string? VerifyCallback(IReadOnlyDictionary<string, string> query, OAuthClientApp app) => null;

    /// <summary>A token response (code exchange or refresh) as stored fields: the connector's fields and <c>oauth_*</c>
    /// bookkeeping. A refresh that returns no new refresh token keeps the old one (the caller merges).</summary>
    public virtual OAuthGrant ReadTokens(TokenResponse response)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { [AccessTokenField] = response.AccessToken! };
        if (!string.IsNullOrEmpty(response.RefreshToken))
            fields[OAuthFields.RefreshToken] = response.RefreshToken;
        if (!string.IsNullOrEmpty(response.Scope))
            fields[OAuthFields.Scope] = response.Scope;
        return new OAuthGrant(fields, response.ExpiresIn > 0 ? TimeSpan.FromSeconds(response.ExpiresIn) : null);
    }

    /// <summary>Steps after the code exchange (Atlassian's site); returns the fields to add.</summary>
    public virtual Task<IReadOnlyDictionary<string, string>> AfterExchangeAsync(
        OAuthGrant grant,
        OAuthPlace place,
        HttpClient http,
        CancellationToken ct
    ) => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>
    /// Refreshes a connection whose access token is about to expire; the default is RFC 6749 §6 with the stored refresh token.
    /// </summary>
    public virtual async Task<OAuthGrant> RefreshAsync(OAuthTokenRequests tokens, OAuthRefreshContext context, CancellationToken ct)
    {
        var refreshToken = context.Fields.GetValueOrDefault(OAuthFields.RefreshToken)
            ?? throw new OAuthRefreshRefusedException(Id, "no_refresh_token");
        return ReadTokens(await tokens.RefreshAsync(this, context.Urls, context.App, refreshToken, ct));
    }

    /// <summary>The provider's error codes that mean the saved authorization is gone (the person must connect again).</summary>
    public virtual bool RefusesAuthorization(string? error) => error is "invalid_grant" or "unauthorized_client";

    /// <summary>Revokes the connection at the provider where it offers revocation; false when it does not.</summary>
    public virtual Task<bool> RevokeAsync(OAuthTokenRequests tokens, OAuthRefreshContext context, CancellationToken ct) =>
        Task.FromResult(false);

    /// <summary>A real URL with the scheme and host replaced by <paramref name="baseUrl"/> (its path kept after the base's).</summary>
    protected static Uri Rebase(string real, Uri? baseUrl) =>
        baseUrl is null ? new Uri(real) : new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + new Uri(real).PathAndQuery);
}

/// <param name="BaseUrl"><c>{PROVIDER}_OAUTH_BASE_URL</c>, or null for the real provider.</param>
/// <param name="ShopUrl">Shopify only: the shop's URL (https://acme.myshopify.com or the admin's fixed one).</param>
/// <param name="ApiUrl">The connection's API base when its connector has one (GitHub's <c>api_url</c>), for revocation.</param>
public sealed record OAuthPlace(Uri? BaseUrl, string? ShopUrl = null, string? ApiUrl = null);

/// <param name="Revoke">Null when the provider offers no revocation.</param>
public sealed record ProviderUrls(Uri Authorize, Uri Token, Uri? Revoke = null);

/// <summary>An OAuth app registered at a provider (from oauth_apps or the environment).</summary>
public sealed record OAuthClientApp(string ClientId, string ClientSecret)
{
    public override string ToString() => $"OAuthClientApp {{ ClientId = {ClientId} }}"; // never the secret
}

/// <param name="Fields">The connector's fields and the <c>oauth_*</c> bookkeeping to store.</param>
/// <param name="Lifetime">How long the access token lives; null when the provider does not say (it does not expire).</param>
public sealed record OAuthGrant(IReadOnlyDictionary<string, string> Fields, TimeSpan? Lifetime);

/// <param name="Fields">The stored fields of the connection (with the admin's fixed settings over them).</param>
public sealed record OAuthRefreshContext(
    OAuthClientApp App,
    ProviderUrls Urls,
    IReadOnlyDictionary<string, string> Fields,
    OAuthPlace Place
);
