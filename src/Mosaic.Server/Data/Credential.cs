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
}
