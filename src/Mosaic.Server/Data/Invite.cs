namespace Mosaic.Server.Data;

/// <summary>
/// A single-use invitation to join the workspace (table <c>invites</c>). Only the SHA-256 of the token is
/// stored: the link an admin hands out is the one place the token exists.
/// </summary>
public sealed class Invite
{
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public required string TokenHash { get; set; }

    /// <summary>When set, only this address may use the invitation.</summary>
    public string? Email { get; set; }
    public string Role { get; set; } = UserRoles.Member;
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public string? UsedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}
