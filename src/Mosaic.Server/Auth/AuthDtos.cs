using Mosaic.Server.Data;

namespace Mosaic.Server.Auth;

/// <param name="Invite">The token from an invitation link (<c>/signup?invite=…</c>): lets the person in whatever the sign-up mode.</param>
public sealed record SignupRequest(string Email, string Password, string? Name = null, string? Invite = null);

public sealed record LoginRequest(string Email, string Password);

public sealed record UserResponse(
    string Id,
    string Email,
    string? Name,
    string? ProfilePicture,
    DateTime CreatedAt,
    DateTime? LastLogin,
    DateTime? PreviousLogin,
    string Role
)
{
    public static UserResponse From(User u) =>
        new(u.Id, u.Email, u.Name, u.ProfilePicture, u.CreatedAt, u.LastLogin, u.PreviousLogin, u.Role);
}

public sealed record AuthResponse(string Message, UserResponse User);

public sealed record MessageResponse(string Message);
