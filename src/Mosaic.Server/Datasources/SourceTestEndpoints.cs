using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Datasources;

/// <summary>
/// POST /api/datasources/{id}/test: does the source answer, and as whom? Without a body the user's saved credentials are
/// tested; with <c>{"credentials": {…}}</c> those fields are checked like POST /api/credentials and tried in a connector of
/// their own, before anything is saved. A test that ran is a 200 whether it passed or not.
/// </summary>
public static class SourceTestEndpoints
{
    public static WebApplication MapSourceTestEndpoints(this WebApplication app)
    {
        app.MapPost(
                "/api/datasources/{id}/test",
                async Task<Results<Ok<SourceTestResponse>, ValidationProblem, ProblemHttpResult>> (
                    string id,
                    [FromBody] SourceTestRequest? request,
                    SourceRegistry registry,
                    SourceIdentities identities,
                    SqliteFileAccess sqliteFiles,
                    SourcePolicies policies,
                    SourceTester tester,
                    OneOffSession session,
                    HttpContext http,
                    CancellationToken ct
                ) =>
                {
                    var source = registry.Find(id);
                    if (source is null)
                        return TypedResults.Problem($"Unknown datasource '{id}'.", statusCode: 404, title: "Unknown datasource");
                    if (!source.Enabled)
                        return TypedResults.Problem($"{source.Name} is disabled on this server.", statusCode: 400, title: "Disabled");
                    var userId = http.User.GetUserId();

                    if (request?.Credentials is { } submitted)
                    {
                        // Only what a member may save may be tried: the admin's switch, connection and fixed fields hold here too.
                        var policy = await policies.ForAsync(source.Id, ct);
                        if (CredentialEndpoints.AdminDecides(source, policy, submitted) is { } refused)
                            return TypedResults.ValidationProblem(
                                refused,
                                string.Join(" ", refused.Values.SelectMany(v => v)),
                                title: $"Your admin sets up {source.Name}"
                            );
                        var (fields, errors) = CredentialValidator.Validate(source, submitted, sqliteFiles.Policy, policy.FixedSettings);
                        if (errors.Count > 0)
                            return TypedResults.ValidationProblem(
                                CredentialValidator.ProblemErrors(errors),
                                title: $"The {source.Name} credentials are not valid"
                            );
                        // Tried where every call of theirs would go: the admin's fixed settings on top, and only their hosts allowed.
                        var launch = new OneOffLaunch(policy.Effective(fields), policy.EgressEntries(source));
                        return TypedResults.Ok(await tester.TestUnsavedAsync(userId, source, launch, session, ct));
                    }

                    var savedAt = await identities.SavedAtAsync(userId, source.Id, ct);
                    if (!UsableSources.CredentialsReady(source, saved: savedAt is not null))
                        return TypedResults.Problem(
                            $"{source.Name} has no saved credentials for you: save them first, "
                                + "or send them as \"credentials\" to test them.",
                            statusCode: 400,
                            title: "Not configured"
                        );
                    return TypedResults.Ok(await tester.TestSavedAsync(userId, source, savedAt, ct));
                }
            )
            .RequireAuthorization()
            .WithTags("Datasources");
        return app;
    }
}
