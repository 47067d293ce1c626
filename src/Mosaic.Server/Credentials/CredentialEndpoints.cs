using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Credentials;

public sealed record SaveCredentialsRequest(string Datasource, Dictionary<string, JsonElement> Credentials);

public sealed record CredentialStatusResponse(bool Configured, DateTime? UpdatedAt);

/// <summary>/api/credentials: save, status, delete — always for the signed-in user only (docs/architecture.md#http-api).</summary>
public static class CredentialEndpoints
{
    public static WebApplication MapCredentialEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/credentials").WithTags("Credentials").RequireAuthorization();

        group.MapPost(
            "/",
            async Task<Results<Ok<MessageResponse>, ValidationProblem, ProblemHttpResult>> (
                SaveCredentialsRequest request,
                SourceRegistry registry,
                CredentialVault vault,
                SqliteFileAccess sqliteFiles,
                SourcePolicies policies,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                var connector = registry.Find(request.Datasource);
                if (connector is null)
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["datasource"] = [$"Unknown datasource '{request.Datasource}'."] }
                    );
                if (!connector.Enabled)
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["datasource"] = [$"{connector.Name} is disabled on this server."] }
                    );

                var policy = await policies.ForAsync(connector.Id, ct);
                if (AdminDecides(connector, policy, request.Credentials) is { } refused)
                    return TypedResults.ValidationProblem(
                        refused,
                        string.Join(" ", refused.Values.SelectMany(v => v)),
                        title: $"Your admin sets up {connector.Name}"
                    );

                var (fields, errors) = CredentialValidator.Validate(
                    connector,
                    request.Credentials,
                    sqliteFiles.Policy,
                    policy.FixedSettings
                );
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(
                        CredentialValidator.ProblemErrors(errors),
                        title: $"The {connector.Name} credentials are not valid"
                    );

                await vault.SaveAsync(http.User.GetUserId(), connector.Id, fields, ct);
                return TypedResults.Ok(new MessageResponse("Credentials saved"));
            }
        );

        group.MapGet(
            "/{datasource}/status",
            async Task<Results<Ok<CredentialStatusResponse>, ProblemHttpResult>> (
                string datasource,
                SourceRegistry registry,
                CredentialVault vault,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (registry.Find(datasource) is null)
                    return UnknownDatasource(datasource);
                var status = await vault.GetStatusAsync(http.User.GetUserId(), datasource, ct);
                return TypedResults.Ok(new CredentialStatusResponse(status.Configured, status.UpdatedAt));
            }
        );

        group.MapDelete(
            "/{datasource}",
            async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> (
                string datasource,
                SourceRegistry registry,
                CredentialVault vault,
                OAuth.OAuthDisconnect oauth,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (registry.Find(datasource) is null)
                    return UnknownDatasource(datasource);
                // An OAuth connection is revoked at its provider first (best effort), then deleted.
                await oauth.RevokeAsync(http.User.GetUserId(), datasource, ct);
                if (!await vault.DeleteAsync(http.User.GetUserId(), datasource, ct))
                    return TypedResults.Problem(
                        $"No credentials are saved for {datasource}.",
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Not found"
                    );
                return TypedResults.Ok(new MessageResponse("Credentials deleted"));
            }
        );
        return app;
    }

    /// <summary>
    /// What a member may not enter because the admin decides it: anything for a source switched off or connected for
    /// everyone, and the fields the admin fixed (where to connect). Null when the request is theirs to make. A connection
    /// test of credentials not yet saved (SourceTestEndpoints) follows the same rules.
    /// </summary>
    internal static Dictionary<string, string[]>? AdminDecides(
        SourceDefinition source,
        SourcePolicy policy,
        IReadOnlyDictionary<string, JsonElement> submitted
    )
    {
        if (!policy.Enabled)
            return new() { ["datasource"] = [$"{source.Name} is not available: your admin switched it off."] };
        if (policy.Shared)
            return new() { ["credentials"] = [$"Your admin connects {source.Name} for everyone: there is nothing for you to enter."] };
        var fixedFields = submitted.Keys.Where(policy.IsFixed).ToList();
        return fixedFields.Count == 0
            ? null
            : fixedFields.ToDictionary(
                name => $"credentials.{name}",
                name => new[] { $"Your admin sets the {FieldName(source, name)}; leave it out." }
            );
    }

    // "the Jira URL", "the MySQL Host": the source's name once.
    private static string FieldName(SourceDefinition source, string name) =>
        source.FindField(name)?.Label is { } label
            ? label.StartsWith(source.Name, StringComparison.OrdinalIgnoreCase)
                ? label
                : $"{source.Name} {label}"
            : name;

    private static ProblemHttpResult UnknownDatasource(string datasource) =>
        TypedResults.Problem($"Unknown datasource '{datasource}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown datasource");
}
