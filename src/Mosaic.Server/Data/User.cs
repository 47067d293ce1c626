namespace Mosaic.Server.Data;

/// <summary>An account (table <c>users</c>, docs/architecture.md#database).</summary>
public sealed class User
{
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public string? Name { get; set; }
    public string? ProfilePicture { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastLogin { get; set; }

    /// <summary>The login before <see cref="LastLogin"/>: the digest reports what happened since.</summary>
    public DateTime? PreviousLogin { get; set; }
    public int FailedLoginAttempts { get; set; }
    public DateTime? LockedUntil { get; set; }
}
