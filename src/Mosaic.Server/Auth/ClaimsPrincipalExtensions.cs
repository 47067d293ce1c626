using System.Security.Claims;

namespace Mosaic.Server.Auth;

public static class ClaimsPrincipalExtensions
{
    public const string UserIdClaim = "sub";
    public const string EmailClaim = "email";

    /// <summary>The signed-in user's id (users.id). Only call on endpoints that require authorization.</summary>
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserIdClaim) ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string? FindUserId(this ClaimsPrincipal user) => user.FindFirstValue(UserIdClaim);
}
