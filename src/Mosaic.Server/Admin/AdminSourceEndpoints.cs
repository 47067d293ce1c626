using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Audit;
using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Admin;

/// <summary>
/// /api/admin/sources (docs/administration.md#sources): which sources exist for members, how they connect (personal or
/// shared), the connection fields fixed for everyone, the shared connection's credentials and the tool policy. Admins
/// only; every change is in the audit log (names of what changed, never a value of a credential).
/// </summary>
public static class AdminSourceEndpoints
{
    public static WebApplication MapAdminSourceEndpoints(this WebApplication app)
    {
        var group = app.MapAdminGroup("/sources", "Admin: sources");

        group.MapGet("/", async (SourceRegistry registry, AdminSourceSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.ListAsync(registry.All, ct))
        );

        group.MapGet(
            "/{id}",
            async Task<Results<Ok<AdminSourceResponse>, ProblemHttpResult>> (
                string id,
                SourceRegistry registry,
                AdminSourceSettings settings,
                HttpContext http,
                CancellationToken ct
            ) =>
                registry.Find(id) is { } source
                    ? TypedResults.Ok(await settings.GetAsync(source, http.User.GetUserId(), ct))
                    : UnknownSource(id)
        );

        group.MapPatch(
            "/{id}",
            async Task<Results<Ok<AdminSourceResponse>, ValidationProblem, ProblemHttpResult>> (
                string id,
                UpdateSourceRequest request,
                SourceRegistry registry,
                AdminSourceSettings settings,
                SqliteFileAccess sqliteFiles,
                IAuditLog audit,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (registry.Find(id) is not { } source)
                    return UnknownSource(id);
                var (errors, fixedValues) = request.Validate(source, sqliteFiles.Policy);
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(errors, Detail(errors), title: $"The {source.Name} settings are not valid");
                var adminId = http.User.GetUserId();
                var changed = await settings.UpdateAsync(source, request, fixedValues, adminId, ct);
                await audit.WriteAsync(Entry(http, "source_updated", source.Id, changed), CancellationToken.None);
                return TypedResults.Ok(await settings.GetAsync(source, adminId, ct));
            }
        );

        group.MapPut(
            "/{id}/credentials",
            async Task<Results<Ok<MessageResponse>, ValidationProblem, ProblemHttpResult>> (
                string id,
                SharedCredentialsRequest request,
                SourceRegistry registry,
                SourcePolicies policies,
                CredentialVault vault,
                SqliteFileAccess sqliteFiles,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (registry.Find(id) is not { } source)
                    return UnknownSource(id);
                var policy = await policies.ForAsync(source.Id, ct);
                var submitted = request.Credentials ?? [];
                var (fields, errors) = CredentialValidator.Validate(source, submitted, sqliteFiles.Policy, policy.FixedSettings);
                foreach (var name in submitted.Keys.Where(policy.IsFixed))
                    errors[name] = [$"{source.FindField(name)?.Label ?? name} is fixed for everyone: change it in fixed_settings."];
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(
                        errors.ToDictionary(e => e.Key == "credentials" ? e.Key : $"credentials.{e.Key}", e => e.Value),
                        Detail(errors),
                        title: $"The {source.Name} credentials are not valid"
                    );
                // The vault records the save (kind credential, target workspace, field names only).
                await vault.SaveSharedAsync(source.Id, fields, http.User.GetUserId(), ct);
                return TypedResults.Ok(new MessageResponse("Shared credentials saved"));
            }
        );

        group.MapDelete(
            "/{id}/credentials",
            async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> (
                string id,
                SourceRegistry registry,
                CredentialVault vault,
                OAuth.OAuthDisconnect oauth,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (registry.Find(id) is not { } source)
                    return UnknownSource(id);
                await oauth.RevokeAsync(null, source.Id, ct); // an OAuth connection is revoked at its provider first
                if (!await vault.DeleteSharedAsync(source.Id, http.User.GetUserId(), ct))
                    return TypedResults.Problem(
                        $"No shared credentials are saved for {source.Name}.",
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Not found"
                    );
                return TypedResults.Ok(new MessageResponse("Shared credentials deleted"));
            }
        );
        return app;
    }

    public static WebApplicationBuilder AddAdminSources(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminSourceSettings>();
        return builder;
    }

    static AuditEvent Entry(HttpContext http, string action, string sourceId, string? detail) =>
        new("admin", action, "ok")
        {
            UserId = http.User.GetUserId(),
            Source = sourceId,
            Target = sourceId,
            Detail = detail,
            RequestId = http.TraceIdentifier,
            Ip = http.Connection.RemoteIpAddress?.ToString(),
        };

    // Every message in the detail too, for clients that read only the detail (as ValidationErrors does).
    static string Detail(Dictionary<string, string[]> errors) => string.Join(" ", errors.Values.SelectMany(v => v));

    static ProblemHttpResult UnknownSource(string id) =>
        TypedResults.Problem($"Unknown source '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown source");
}
