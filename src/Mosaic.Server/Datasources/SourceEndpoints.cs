using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.OAuth;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Datasources;

public sealed record CredentialFieldResponse(
    string Name,
    string Label,
    string Type,
    bool Required,
    string? EnvVar,
    string? Placeholder,
    string? Help
);

/// <summary>
/// A datasource as the UI sees it. <see cref="Status"/> is where live connector health (circuit
/// breaker state, last error) will go; null until the MCP hub reports it.
/// </summary>
/// <param name="Accent">The badge's background, a CSS colour; null for a custom source (the UI's neutral colour).</param>
/// <param name="AccentDark">The badge's background in dark mode; null when it is <paramref name="Accent"/>.</param>
/// <param name="Examples">Example questions for an empty chat with this source.</param>
/// <param name="Identity">Who the user's saved credentials act as, from the last passed connection test; null when unknown.</param>
/// <param name="CredentialFields">Only what this member enters: none on a shared connection, never a field the admin fixed.</param>
public sealed record SourceResponse(
    string Id,
    string Name,
    string Description,
    string Icon,
    bool Enabled,
    bool Configured,
    IReadOnlyList<CredentialFieldResponse> CredentialFields,
    IReadOnlyList<string> CredentialRules,
    string? Accent,
    string? AccentDark,
    IReadOnlyList<string> Examples,
    SourceStatus? Status = null,
    string? Identity = null
)
{
    /// <summary>"personal": the member enters <see cref="CredentialFields"/>; "shared": the admin connected it for everyone,
    /// there is nothing to enter and <see cref="Configured"/> says whether it is connected.</summary>
    // Not a constructor parameter: the generated UI type keeps it optional, so clients written before it still compile.
    public string Connection { get; init; } = Connections.Personal;

    /// <summary>How to connect it with one click (docs/oauth.md); null when it offers none or the admin connects it.</summary>
    public SourceOAuth? Oauth { get; init; }

    /// <summary>How the connection in use was made: "oauth", "fields" (pasted), or null when there is none.</summary>
    public string? Auth { get; init; }

    /// <summary>The connection stopped working and only a new one helps: the sentence to show; null otherwise.</summary>
    public string? Reconnect { get; init; }
}

/// <summary>GET /api/datasources: every source the admin did not switch off, with its metadata, the fields this member
/// enters, whether it is ready for them and as whom.</summary>
public static class SourceEndpoints
{
    public static WebApplication MapSourceEndpoints(this WebApplication app)
    {
        app.MapGet(
                "/api/datasources",
                async (
                    UsableSources sources,
                    SourceIdentities identities,
                    OAuthSourceStatus oauth,
                    IMcpHub hub,
                    HttpContext http,
                    CancellationToken ct
                ) =>
                {
                    var userId = http.User.GetUserId();
                    var status = SourceStatus.ForUser(hub, userId);
                    var known = await identities.ForUserAsync(userId, ct);
                    var connection = await oauth.ForUserAsync(userId, ct);
                    return TypedResults.Ok(
                        (await sources.ForUserAsync(userId, ct))
                            .Where(a => a.EffectivePolicy.Enabled)
                            .Select(a =>
                            {
                                var (offer, auth, reconnect) = connection(a);
                                return ToResponse(a) with
                                {
                                    Status = status(a.Source.Id),
                                    Identity = known.GetValueOrDefault(a.Source.Id)?.Identity,
                                    Oauth = offer,
                                    Auth = auth,
                                    Reconnect = reconnect,
                                };
                            })
                            .ToList()
                    );
                }
            )
            .RequireAuthorization()
            .WithTags("Datasources");
        app.MapSourceTestEndpoints(); // POST /api/datasources/{id}/test
        return app;
    }

    /// <summary>As a member has it: on a shared connection "configured" means the admin connected it.</summary>
    public static SourceResponse ToResponse(SourceAvailability a)
    {
        var policy = a.EffectivePolicy;
        var fields = policy.MemberFields(a.Source).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var full = ToResponse(a.Source, policy.Shared ? a.SharedConfigured : a.HasCredentials);
        return full with
        {
            Connection = policy.Connection,
            CredentialFields = [.. full.CredentialFields.Where(f => fields.Contains(f.Name))],
            // The rules speak of every field; with some fixed (or none to enter) they would ask for what the member cannot give.
            CredentialRules = policy.Shared || policy.FixedSettings.Count > 0 ? [] : full.CredentialRules,
        };
    }

    public static SourceResponse ToResponse(SourceDefinition c, bool configured)
    {
        var look = BuiltInSources.Find(c.Id)?.Presentation ?? SourcePresentation.Custom;
        return new(
            c.Id,
            c.Name,
            c.Description,
            c.Icon,
            c.Enabled,
            configured,
            c.PasteFields.Select(f => new CredentialFieldResponse(f.Name, f.Label, f.Type, f.Required, f.EnvVar, f.Placeholder, f.Help))
                .ToList(),
            c.CredentialRules.Select(r => r.Message).ToList(),
            look.Accent,
            look.AccentDark,
            look.Examples
        );
    }
}
