namespace Mosaic.Server.Data;

/// <summary>
/// One user's encrypted credentials for one datasource (table <c>credentials</c>, docs/architecture.md#database).
/// <see cref="EncryptedData"/> is written and read only by <c>CredentialVault</c>. A row with no
/// <see cref="UserId"/> is the workspace's shared connection for that source, saved by an admin.
/// </summary>
public sealed class Credential
{
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string? UserId { get; set; }
    public string? SessionId { get; set; }
    public required string Datasource { get; set; }
    public required string EncryptedData { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who these credentials act as, from the connector's <c>whoami</c> tool (never a secret).</summary>
    public string? Identity { get; set; }
    public DateTime? IdentityCheckedAt { get; set; }

    /// <summary>How the row was made: null for pasted fields, <c>oauth</c> for a connection made with the provider's consent
    /// (docs/oauth.md); such a row holds the tokens and the OAuth code keeps them fresh.</summary>
    public string? Auth { get; set; }

    /// <summary>When the stored access token expires (OAuth rows whose provider says so); never a secret.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Set when the connection stopped working and only the person can fix it (a refused refresh): the sentence
    /// to show, e.g. "Google refused the saved authorization". Cleared by a new connection.</summary>
    public string? ReconnectReason { get; set; }
}
