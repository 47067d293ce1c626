using System.Text.Json;
using Duende.IdentityModel.Client;
using Mosaic.Server.Sources.Slack;

namespace Mosaic.Server.OAuth.Providers;

/// <summary>
/// Slack OAuth v2 (docs/oauth.md#slack): bot scopes in <c>scope</c>, user scopes in <c>user_scope</c> (search:read is a
/// user scope), PKCE. <c>oauth.v2.access</c> answers HTTP 200 with <c>{"ok":true, access_token (bot), refresh_token,
/// expires_in, authed_user:{access_token, refresh_token, expires_in}}</c> or <c>{"ok":false,"error":…}</c>. With token
/// rotation both tokens expire and are refreshed on the same method with <c>grant_type=refresh_token</c>. The bot token
/// becomes <c>bot_token</c>, the user's <c>user_token</c>. Revocation: <c>auth.revoke</c> with each token.
/// Written by hand (no library knows Slack's shape): reading <c>authed_user</c>, and <c>auth.revoke</c>.
/// </summary>
public sealed class SlackProvider : OAuthProvider
{
    // The provider and the source it connects share one id (oauth_apps rows and /api/admin/oauth/{provider} use it).
    public override string Id => SlackSource.Id;
    public override string Name => "Slack";
    public override string SourceId => SlackSource.Id;
    public override string AccessTokenField => "bot_token";
    public override string WhatYouSee => "your messages";

    /// <summary>The bot's scopes: conversations.list/history/replies on public and private channels, users.list/info, and
    /// chat.postMessage for send_message (which always asks the person first).</summary>
    static readonly string[] BotScopes = ["channels:read", "channels:history", "groups:read", "groups:history", "users:read", "chat:write"];

    /// <summary>search.messages works only with a user token.</summary>
    static readonly string[] UserScopes = ["search:read"];

    public override IReadOnlyList<string> Scopes { get; } = [.. BotScopes, .. UserScopes.Select(s => $"{s} (user)")];

    public override string ScopeValue => string.Join(',', BotScopes);

    public override Parameters AuthorizeExtras() => new() { { "user_scope", string.Join(',', UserScopes) } };

    public override ProviderUrls Urls(OAuthPlace place) =>
        new(
            Rebase("https://slack.com/oauth/v2/authorize", place.BaseUrl),
            Rebase("https://slack.com/api/oauth.v2.access", place.BaseUrl),
            Rebase("https://slack.com/api/auth.revoke", place.BaseUrl)
        );

    public override bool RefusesAuthorization(string? error) =>
        error is "invalid_refresh_token" or "invalid_grant" or "token_revoked" or "token_expired";

    public override OAuthGrant ReadTokens(TokenResponse response)
    {
        var bot = base.ReadTokens(response);
        var fields = new Dictionary<string, string>(bot.Fields, StringComparer.Ordinal);
        var lifetime = bot.Lifetime;
        if (response.Json is { } json && json.TryGetProperty("authed_user", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            if (Text(user, "access_token") is { } userToken)
                fields["user_token"] = userToken;
            if (Text(user, "refresh_token") is { } userRefresh)
                fields[OAuthFields.UserRefreshToken] = userRefresh;
            // One expiry for the row: the earlier of the two, so neither is used stale.
            if (user.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) && seconds > 0)
                lifetime = lifetime is { } b && b < TimeSpan.FromSeconds(seconds) ? b : TimeSpan.FromSeconds(seconds);
        }
        return new OAuthGrant(fields, lifetime);
    }

    /// <summary>The bot token and, when it rotates too, the user token: each with its own refresh token.</summary>
    public override async Task<OAuthGrant> RefreshAsync(OAuthTokenRequests tokens, OAuthRefreshContext context, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        TimeSpan? lifetime = null;
        if (context.Fields.GetValueOrDefault(OAuthFields.RefreshToken) is { } botRefresh)
        {
            var bot = base.ReadTokens(await tokens.RefreshAsync(this, context.Urls, context.App, botRefresh, ct));
            foreach (var (k, v) in bot.Fields)
                fields[k] = v;
            lifetime = bot.Lifetime;
        }
        if (context.Fields.GetValueOrDefault(OAuthFields.UserRefreshToken) is { } userRefresh)
        {
            // Refreshing with a user's refresh token returns the user's token at the top level.
            var user = await tokens.RefreshAsync(this, context.Urls, context.App, userRefresh, ct);
            fields["user_token"] = user.AccessToken!;
            if (!string.IsNullOrEmpty(user.RefreshToken))
                fields[OAuthFields.UserRefreshToken] = user.RefreshToken;
            if (user.ExpiresIn > 0 && (lifetime is null || TimeSpan.FromSeconds(user.ExpiresIn) < lifetime))
                lifetime = TimeSpan.FromSeconds(user.ExpiresIn);
        }
        if (fields.Count == 0)
            throw new OAuthRefreshRefusedException(Id, "no_refresh_token");
        return new OAuthGrant(fields, lifetime);
    }

    /// <summary><c>auth.revoke</c> takes the token to revoke as its own credential (HTTP 200, <c>ok</c> says).</summary>
    public override async Task<bool> RevokeAsync(OAuthTokenRequests tokens, OAuthRefreshContext context, CancellationToken ct)
    {
        using var http = tokens.CreateClient();
        foreach (var field in new[] { "user_token", AccessTokenField })
        {
            if (context.Fields.GetValueOrDefault(field) is not { } token)
                continue;
            using var request = new HttpRequestMessage(HttpMethod.Post, context.Urls.Revoke) { Content = new FormUrlEncodedContent([]) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (!(body.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True))
                throw new OAuthRequestException(
                    $"auth.revoke failed ({Text(body.RootElement, "error") ?? $"HTTP {(int)response.StatusCode}"})"
                );
        }
        return true;
    }

    static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
