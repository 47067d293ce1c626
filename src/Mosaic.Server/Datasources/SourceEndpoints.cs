using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Datasources;

public sealed record CredentialFieldResponse(string Name, string Label, string Type, bool Required, string? EnvVar, string? Placeholder, string? Help);

/// <summary>
/// A datasource as the UI sees it. <see cref="Status"/> is where live connector health (circuit
/// breaker state, last error) will go; null until the MCP hub reports it.
/// </summary>
public sealed record DatasourceResponse(
    string Id, string Name, string Description, string Icon, bool Enabled, bool Configured,
    IReadOnlyList<CredentialFieldResponse> CredentialFields, IReadOnlyList<string> CredentialRules,
    object? Status = null);

/// <summary>GET /api/datasources: every source with its metadata, fields and whether the user configured it.</summary>
public static class SourceEndpoints
{
    public static WebApplication MapSourceEndpoints(this WebApplication app)
    {
        app.MapGet("/api/datasources", async (ConnectorRegistry registry, CredentialVault vault, IMcpHub hub, HttpContext http, CancellationToken ct) =>
        {
            var userId = http.User.GetUserId();
            var configured = await vault.ConfiguredDatasourcesAsync(userId, ct);
            var status = DatasourceStatus.ForUser(hub, userId);
            return TypedResults.Ok(registry.All.Select(c => ToResponse(c, configured.Contains(c.Id)) with { Status = status(c.Id) }).ToList());
        }).RequireAuthorization().WithTags("Datasources");
        return app;
    }

    public static DatasourceResponse ToResponse(ConnectorDefinition c, bool configured) => new(
        c.Id, c.Name, c.Description, c.Icon, c.Enabled, configured,
        c.CredentialFields.Select(f => new CredentialFieldResponse(f.Name, f.Label, f.Type, f.Required, f.EnvVar, f.Placeholder, f.Help)).ToList(),
        c.CredentialRules.Select(r => r.Message).ToList());
}
