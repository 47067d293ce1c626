using Microsoft.AspNetCore.Http.HttpResults;

namespace Mosaic.Server.Admin;

/// <param name="InviteRequired">True when only an invitation lets a person in (the login page says so).</param>
/// <param name="SignupDomains">In domain mode, the domains whose addresses may sign up; empty otherwise.</param>
public sealed record SignupPolicyResponse(string Signup, bool InviteRequired, IReadOnlyList<string> SignupDomains);

/// <param name="Email">Set when the invitation is for one address only.</param>
public sealed record InvitePreviewResponse(string? Email, string Role, DateTime ExpiresAt);

/// <summary>The anonymous side of who may join: what the login and sign-up pages need to show.</summary>
public static class JoinEndpoints
{
    public static WebApplication MapJoinEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();

        // The allowed domains are shown, not hidden: a person needs to know which address to sign up with, and
        // anyone could learn them anyway by trying addresses. No account's existence is revealed by them.
        group.MapGet("/signup-policy", async Task<Ok<SignupPolicyResponse>> (SignupPolicyStore policies, CancellationToken ct) =>
        {
            var policy = await policies.GetAsync(ct);
            return TypedResults.Ok(
                new SignupPolicyResponse(
                    policy.Mode,
                    policy.Mode == SignupModes.Invite,
                    policy.Mode == SignupModes.Domain ? policy.Domains : []
                )
            );
        });

        // One answer for unknown, used, expired and revoked tokens: the page can only say "ask for a new link".
        group.MapGet(
            "/invites/{token}",
            async Task<Results<Ok<InvitePreviewResponse>, ProblemHttpResult>> (string token, InviteStore invites, CancellationToken ct) =>
                await invites.FindUsableAsync(token, ct) is { } invite
                    ? TypedResults.Ok(new InvitePreviewResponse(invite.Email, invite.Role, invite.ExpiresAt))
                    : TypedResults.Problem(
                        SignupGate.UnusableInvite,
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Invitation not found"
                    )
        );
        return app;
    }
}
