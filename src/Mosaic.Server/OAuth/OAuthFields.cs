namespace Mosaic.Server.OAuth;

/// <summary>
/// The bookkeeping keys an OAuth connection keeps beside its connector's fields in the vault. They start with
/// <c>oauth_</c>, never reach a connector (SourceDefinition.ToEnvironment maps only declared fields) and never leave the server.
/// </summary>
public static class OAuthFields
{
    public const string Prefix = "oauth_";
    public const string Provider = "oauth_provider";
    public const string RefreshToken = "oauth_refresh_token";
    public const string Scope = "oauth_scope";

    /// <summary>Slack: the user token's own refresh token and expiry (the bot's are the ones above).</summary>
    public const string UserRefreshToken = "oauth_user_refresh_token";

    /// <summary>Atlassian: the site the connection reads.</summary>
    public const string CloudId = "oauth_cloud_id";

    /// <summary>The value of <c>credentials.auth</c> for such a row.</summary>
    public const string Auth = "oauth";

    public static bool IsBookkeeping(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);
}

/// <summary>The provider refused to refresh the saved authorization (revoked, expired): only a new connection helps.</summary>
public sealed class OAuthRefreshRefusedException(string provider, string? error)
    : Exception($"The {provider} authorization was refused ({error ?? "no reason given"}).")
{
    public string? Error { get; } = error;
}

/// <summary>A token request failed for another reason (unreachable, a server error): worth trying again later.</summary>
public sealed class OAuthRequestException(string message, string? error = null, Exception? inner = null) : Exception(message, inner)
{
    public string? Error { get; } = error;
}
