using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Audit;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

/// <param name="Email">When given, only this address may use the invitation.</param>
/// <param name="Role">admin or member (member when left out).</param>
public sealed record CreateInviteRequest(string? Email = null, string? Role = null);

/// <param name="Url">The link to hand out; the one place the token exists (only its hash is stored).</param>
public sealed record CreatedInviteResponse(string Id, string Url, string? Email, string Role, DateTime ExpiresAt);

/// <param name="Status">pending, used, expired or revoked.</param>
public sealed record InviteResponse(
    string Id,
    string? Email,
    string Role,
    string Status,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? UsedAt,
    string? CreatedBy
);

public sealed record InvitesResponse(IReadOnlyList<InviteResponse> Invites);

/// <summary>/api/admin/invites: single-use invitation links (admins only).</summary>
public static class InviteEndpoints
{
    public static WebApplication MapInviteEndpoints(this WebApplication app)
    {
        var group = app.MapAdminGroup("/invites", "Admin");

        group.MapPost(
            "/",
            async Task<Results<Created<CreatedInviteResponse>, ValidationProblem>> (
                CreateInviteRequest request,
                InviteStore invites,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                var role = request.Role ?? UserRoles.Member;
                var email = string.IsNullOrWhiteSpace(request.Email) ? null : EmailAddress.Normalize(request.Email);
                var errors = new Dictionary<string, string[]>();
                if (!UserRoles.IsValid(role))
                    errors["role"] = ["Role must be admin or member."];
                if (email is not null && EmailAddress.Check(email) is { } emailError)
                    errors["email"] = [emailError];
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(errors, title: "The invitation is not valid");

                var (invite, token) = await invites.CreateAsync(email, role, http.User.GetUserId(), ct);
                await audit.WriteAsync(
                    http.AuditEvent(AuditKinds.Invite, "created") with
                    {
                        Target = invite.Id,
                        Detail = AuditRequests.Detail(new { email, role }),
                    },
                    ct
                );
                // The origin the admin is using is the one the invited person can reach (behind TRUSTED_PROXIES too).
                var url = $"{http.Request.Scheme}://{http.Request.Host}/signup?invite={token}";
                return TypedResults.Created(
                    $"/api/admin/invites/{invite.Id}",
                    new CreatedInviteResponse(invite.Id, url, invite.Email, invite.Role, invite.ExpiresAt)
                );
            }
        );

        group.MapGet("/", async Task<Ok<InvitesResponse>> (InviteStore invites, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var list = await invites.ListAsync(ct);
            return TypedResults.Ok(new InvitesResponse([.. list.Select(i => View(i, now))]));
        });

        group.MapDelete(
            "/{id}",
            async Task<Results<NoContent, ProblemHttpResult>> (
                string id,
                InviteStore invites,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (await invites.RevokeAsync(id, ct))
                {
                    await audit.WriteAsync(http.AuditEvent(AuditKinds.Invite, "revoked") with { Target = id }, ct);
                    return TypedResults.NoContent();
                }
                return await invites.FindAsync(id, ct) switch
                {
                    null => TypedResults.Problem(
                        "No invitation has this id.",
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Invitation not found"
                    ),
                    { UsedAt: not null } => TypedResults.Problem(
                        "This invitation was already used; to remove the account it created, delete or disable that user.",
                        statusCode: StatusCodes.Status409Conflict,
                        title: "Invitation already used"
                    ),
                    _ => TypedResults.NoContent(), // revoked already: the same end state
                };
            }
        );
        return app;
    }

    static InviteResponse View(Invite i, DateTime now) =>
        new(i.Id, i.Email, i.Role, InviteStatuses.Of(i, now), i.CreatedAt, i.ExpiresAt, i.UsedAt, i.CreatedBy);
}
