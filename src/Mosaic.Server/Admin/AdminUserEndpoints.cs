using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Audit;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

/// <param name="Role">admin or member.</param>
/// <param name="Disabled">true disables the account (every session refused at once), false enables it again.</param>
public sealed record UpdateUserRequest(string? Role = null, bool? Disabled = null);

/// <summary>/api/admin/users: the people of the workspace (admins only; docs/security.md#accounts-and-sessions).</summary>
public static class AdminUserEndpoints
{
    public static WebApplication MapAdminUserEndpoints(this WebApplication app)
    {
        var group = app.MapAdminGroup("/users", "Admin");

        group.MapGet("/", async Task<Ok<AdminUsersResponse>> (PeopleService people, CancellationToken ct) =>
            TypedResults.Ok(await people.ListAsync(ct))
        );

        group.MapPatch(
            "/{id}",
            async Task<Results<Ok<AdminUserResponse>, ValidationProblem, ProblemHttpResult>> (
                string id,
                UpdateUserRequest request,
                PeopleService people,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (request.Role is not null && !UserRoles.IsValid(request.Role))
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["role"] = ["Role must be admin or member."] },
                        title: "The change is not valid"
                    );
                if (request.Role is null && request.Disabled is null)
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["role"] = ["Give role, disabled or both."] },
                        title: "Nothing to change"
                    );
                return await AnswerAsync(await people.UpdateAsync(id, request.Role, request.Disabled, ct), people, audit, http, ct);
            }
        );

        group.MapPost(
            "/{id}/unlock",
            async Task<Results<Ok<AdminUserResponse>, ValidationProblem, ProblemHttpResult>> (
                string id,
                PeopleService people,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) => await AnswerAsync(await people.UnlockAsync(id, ct), people, audit, http, ct)
        );

        group.MapPost(
            "/{id}/sign-out",
            async Task<Results<Ok<AdminUserResponse>, ValidationProblem, ProblemHttpResult>> (
                string id,
                PeopleService people,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) => await AnswerAsync(await people.SignOutEverywhereAsync(id, ct), people, audit, http, ct)
        );

        group.MapDelete(
            "/{id}",
            async Task<Results<NoContent, ProblemHttpResult>> (
                string id,
                PeopleService people,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                var result = await people.DeleteAsync(id, http.User.GetUserId(), ct);
                if (Refusal(result) is { } refusal)
                    return refusal;
                await AuditAsync((PeopleResult.Done)result, audit, http, ct);
                return TypedResults.NoContent();
            }
        );
        return app;
    }

    static async Task<Results<Ok<AdminUserResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        PeopleResult result,
        PeopleService people,
        IAuditLog audit,
        HttpContext http,
        CancellationToken ct
    )
    {
        if (Refusal(result) is { } refusal)
            return refusal;
        var done = (PeopleResult.Done)result;
        await AuditAsync(done, audit, http, ct);
        return TypedResults.Ok(await people.ViewAsync(done.User, ct));
    }

    static ProblemHttpResult? Refusal(PeopleResult result) =>
        result switch
        {
            PeopleResult.NotFound => TypedResults.Problem(
                "No user has this id.",
                statusCode: StatusCodes.Status404NotFound,
                title: "User not found"
            ),
            PeopleResult.Conflict c => TypedResults.Problem(c.Detail, statusCode: StatusCodes.Status409Conflict, title: "Change refused"),
            _ => null,
        };

    static async Task AuditAsync(PeopleResult.Done done, IAuditLog audit, HttpContext http, CancellationToken ct)
    {
        foreach (var (action, detail) in done.Changes)
            await audit.WriteAsync(
                http.AuditEvent(AuditKinds.Admin, action) with
                {
                    Target = done.User.Id,
                    Detail = AuditRequests.Detail(detail),
                },
                ct
            );
    }
}
