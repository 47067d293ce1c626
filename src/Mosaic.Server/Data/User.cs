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

    /// <summary><see cref="UserRoles.Admin"/> or <see cref="UserRoles.Member"/> (docs/administration.md#roles).</summary>
    public string Role { get; set; } = UserRoles.Member;

    /// <summary>Set when an admin disables the account: every session is refused at once, on every replica.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>Sessions issued before this instant are refused ("sign out everywhere", disabling).</summary>
    public DateTime? SessionsValidAfter { get; set; }
}

/// <summary>The two roles of a workspace. Stored as text in <c>users.role</c>.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Member = "member";

    public static bool IsValid(string? role) => role is Admin or Member;
}
