using System.Globalization;
using ModelContextProtocol.Authentication;

namespace Mosaic.Server.OAuth.Mcp;

/// <summary>
/// A remote MCP server's tokens as a credentials row's fields: only <c>oauth_*</c> bookkeeping keys, which never
/// reach a connector. With the tokens go the client registration the SDK needs to refresh them after a restart.
/// </summary>
internal static class McpTokenFields
{
    public const string Provider = "mcp";

    public static TokenContainer? ToTokens(IReadOnlyDictionary<string, string>? fields)
    {
        if (fields is null || !fields.TryGetValue("oauth_access_token", out var access) || access.Length == 0)
            return null;
        return new TokenContainer
        {
            TokenType = Get(fields, "oauth_token_type") ?? "Bearer",
            AccessToken = access,
            RefreshToken = Get(fields, "oauth_refresh_token"),
            ExpiresIn = int.TryParse(Get(fields, "oauth_expires_in"), CultureInfo.InvariantCulture, out var s) ? s : null,
            Scope = Get(fields, "oauth_scope"),
            ObtainedAt = DateTimeOffset.TryParse(Get(fields, "oauth_obtained_at"), CultureInfo.InvariantCulture, out var at)
                ? at
                : DateTimeOffset.MinValue,
            ClientId = Get(fields, "oauth_client_id"),
            ClientSecret = Get(fields, "oauth_client_secret"),
            TokenEndpointAuthMethod = Get(fields, "oauth_token_endpoint_auth_method"),
            AuthorizationServer = Get(fields, "oauth_authorization_server"),
        };
    }

    /// <summary>The row's fields for new tokens. A refresh answer without a refresh token keeps the old one (RFC 6749 §6).</summary>
    public static Dictionary<string, string> From(TokenContainer tokens, TokenContainer? previous)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["oauth_provider"] = Provider };
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                fields[key] = value;
        }
        Put("oauth_access_token", tokens.AccessToken);
        Put("oauth_token_type", tokens.TokenType);
        Put("oauth_refresh_token", tokens.RefreshToken ?? previous?.RefreshToken);
        Put("oauth_expires_in", tokens.ExpiresIn?.ToString(CultureInfo.InvariantCulture));
        Put("oauth_scope", tokens.Scope ?? previous?.Scope);
        Put("oauth_obtained_at", tokens.ObtainedAt.ToString("O", CultureInfo.InvariantCulture));
        Put("oauth_client_id", tokens.ClientId ?? previous?.ClientId);
        Put("oauth_client_secret", tokens.ClientSecret ?? previous?.ClientSecret);
        Put("oauth_token_endpoint_auth_method", tokens.TokenEndpointAuthMethod ?? previous?.TokenEndpointAuthMethod);
        Put("oauth_authorization_server", tokens.AuthorizationServer ?? previous?.AuthorizationServer);
        return fields;
    }

    /// <summary>When the access token stops working, as the <c>credentials.expires_at</c> column keeps it.</summary>
    public static DateTime? ExpiresAt(TokenContainer tokens) =>
        tokens.ExpiresIn is { } seconds ? tokens.ObtainedAt.AddSeconds(seconds).UtcDateTime : null;

    static string? Get(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
}
