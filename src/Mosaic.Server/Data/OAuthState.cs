namespace Mosaic.Server.Data;

/// <summary>
/// A started OAuth connection waiting for its callback (table <c>oauth_states</c>). Only the SHA-256 of the
/// <c>state</c> is stored; the row is bound to the user and to the sign-in session that started it, is deleted when the
/// callback consumes it (single use) and is worthless after <see cref="ExpiresAt"/> (10 minutes).
/// </summary>
public sealed class OAuthState
{
    /// <summary>SHA-256 (hex) of the state parameter.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>SHA-256 (hex) of the sign-in session's token id (jti): another session of the same user cannot finish it.</summary>
    public required string SessionHash { get; set; }
    public required string Source { get; set; }

    /// <summary>The PKCE verifier, encrypted like credentials; null for providers without PKCE.</summary>
    public string? EncryptedVerifier { get; set; }

    /// <summary>Flow data that is not secret, as JSON (the shop, the page to return to).</summary>
    public string? Data { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
