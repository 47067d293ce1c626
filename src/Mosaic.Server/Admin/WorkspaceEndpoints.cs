using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Audit;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

/// <param name="Signup">open, invite or domain.</param>
/// <param name="SignupDomains">For domain: the domains whose addresses may sign up (acme.com).</param>
public sealed record WorkspaceResponse(string Signup, IReadOnlyList<string> SignupDomains);

public sealed record UpdateWorkspaceRequest(string? Signup = null, IReadOnlyList<string>? SignupDomains = null);

/// <summary>/api/admin/workspace: who may join, changed at run time (stored in workspace_settings, over the environment).</summary>
public static class WorkspaceEndpoints
{
    public static WebApplication MapWorkspaceEndpoints(this WebApplication app)
    {
        var group = app.MapAdminGroup("/workspace", "Admin");

        group.MapGet("/", async Task<Ok<WorkspaceResponse>> (SignupPolicyStore policies, CancellationToken ct) =>
        {
            var policy = await policies.GetAsync(ct);
            return TypedResults.Ok(new WorkspaceResponse(policy.Mode, policy.Domains));
        });

        group.MapPatch(
            "/",
            async Task<Results<Ok<WorkspaceResponse>, ValidationProblem>> (
                UpdateWorkspaceRequest request,
                SignupPolicyStore policies,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                var current = await policies.GetAsync(ct);
                var mode = request.Signup?.Trim().ToLowerInvariant() ?? current.Mode;
                var domains = request.SignupDomains is { } given
                    ? [.. given.Select(d => SignupDomainNames.Normalize(d ?? "")).Distinct()]
                    : current.Domains;
                var errors = new Dictionary<string, string[]>();
                if (!SignupModes.IsValid(mode))
                    errors["signup"] = ["Signup must be open, invite or domain."];
                if (domains.FirstOrDefault(d => !SignupDomainNames.IsValid(d)) is { } bad)
                    errors["signup_domains"] = [$"'{Truncate(bad)}' is not a domain name like acme.com."];
                else if (domains.Count > 100)
                    errors["signup_domains"] = ["At most 100 domains."];
                else if (mode == SignupModes.Domain && domains.Count == 0)
                    errors["signup_domains"] = ["Sign-up by domain needs at least one domain."];
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(errors, title: "The workspace settings are not valid");

                var policy = new SignupPolicy(mode, domains);
                await policies.SetAsync(policy, http.User.GetUserId(), ct);
                await audit.WriteAsync(
                    http.AuditEvent(AuditKinds.Admin, "workspace_updated") with
                    {
                        Target = "workspace",
                        Detail = AuditRequests.Detail(new { signup = mode, signup_domains = domains }),
                    },
                    ct
                );
                return TypedResults.Ok(new WorkspaceResponse(policy.Mode, policy.Domains));
            }
        );
        return app;
    }

    static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
