namespace Mosaic.Server.Data;

/// <summary>
/// The OAuth app an admin registered at a provider (table <c>oauth_apps</c>, one row per provider). The client secret is
/// encrypted like credentials and re-encrypted by key rotation; the environment (<c>GOOGLE_OAUTH_CLIENT_ID</c>, ...) is
/// the fallback when no row exists.
/// </summary>
public sealed class OAuthApp
{
    /// <summary>slack, github, google, atlassian or shopify.</summary>
    public required string Provider { get; set; }
    public required string ClientId { get; set; }
    public required string EncryptedSecret { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
