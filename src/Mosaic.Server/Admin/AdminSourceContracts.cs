using System.Text.Json;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.MySql.Safety;
using Mosaic.Server.Connectors;
using Mosaic.Server.Credentials;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Admin;

/// <param name="Fixable">Says where the connector connects (site, host, endpoint): what an admin normally fixes.</param>
/// <param name="Fixed">The admin fixed its value for everyone (in <c>fixed_settings</c>).</param>
/// <param name="Personal">Members see and fill it in: a personal connection's field the admin did not fix.</param>
public sealed record AdminSourceField(string Name, string Label, string Type, bool Required, bool Fixable, bool Fixed, bool Personal);

/// <param name="ReadOnly">As the host judges the tool (<c>ToolTrust</c>), before the workspace's policy.</param>
/// <param name="Disabled">Never offered nor run: switched off, or a write on a shared connection with writes off.</param>
/// <param name="AlwaysAsk">Waits for a person's approval: listed in always_ask, or any write on a shared connection.</param>
public sealed record AdminSourceTool(string Name, string? Description, bool ReadOnly, bool Disabled, bool AlwaysAsk);

/// <summary>A source as the admin manages it. Never carries a secret: shared credentials appear only as whether and
/// when they were saved.</summary>
/// <param name="ToolsKnown">False when the tools could not be listed (see <paramref name="ToolsNote"/>): they are listed in
/// the admin's own session of the source, which needs it enabled and connected for them (shared, or their own credentials).
/// The list of all sources never lists tools (it would start every connector).</param>
public sealed record AdminSourceResponse(
    string Id,
    string Name,
    string Icon,
    bool BuiltIn,
    bool Enabled,
    string Connection,
    IReadOnlyList<AdminSourceField> Fields,
    IReadOnlyDictionary<string, string> FixedSettings,
    bool SharedConfigured,
    DateTime? SharedUpdatedAt,
    string? SharedIdentity,
    IReadOnlyList<AdminSourceTool> Tools,
    bool ToolsKnown,
    string? ToolsNote,
    IReadOnlyList<string> DisabledTools,
    IReadOnlyList<string> AlwaysAskTools,
    bool WritesDisabled,
    DateTime? UpdatedAt
);

/// <summary>PATCH /api/admin/sources/{id}: every property optional; a list or map given replaces the stored one.</summary>
/// <param name="Connection">"personal" or "shared".</param>
/// <param name="FixedSettings">Field → value, for any field but a password-type one; an empty or null value unfixes it.</param>
/// <param name="WritesDisabled">On a shared connection, switches off every tool that is not read-only.</param>
public sealed record UpdateSourceRequest(
    bool? Enabled = null,
    string? Connection = null,
    Dictionary<string, JsonElement>? FixedSettings = null,
    List<string>? DisabledTools = null,
    List<string>? AlwaysAskTools = null,
    bool? WritesDisabled = null
)
{
    const int MaxTools = 500,
        MaxToolName = 200;

    /// <summary>The 400's errors (empty when valid) and the normalized fixed settings, when given.</summary>
    public (Dictionary<string, string[]> Errors, Dictionary<string, string>? Fixed) Validate(
        SourceDefinition source,
        SqliteFilePolicy sqlite
    )
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Connection is not null && !Connections.IsValid(Connection))
            errors["connection"] = [$"Connection must be \"{Connections.Personal}\" or \"{Connections.Shared}\"."];
        CheckTools(errors, "disabled_tools", DisabledTools);
        CheckTools(errors, "always_ask_tools", AlwaysAskTools);
        if (FixedSettings is null)
            return (errors, null);

        var candidates = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in FixedSettings)
        {
            if (source.FindField(name) is { Type: "password" } secret)
                errors[$"fixed_settings.{name}"] =
                [
                    $"{secret.Label} is a secret and cannot be fixed: save it as the shared connection's credentials instead.",
                ];
            else
                candidates[name] = value;
        }
        var (fixedValues, fieldErrors) = CredentialValidator.CheckFields(source, candidates, sqlite);
        foreach (var (name, messages) in fieldErrors)
            errors[$"fixed_settings.{name}"] = messages;
        // A fixed host opens this source's egress: it has to be one the allow list can hold.
        foreach (var entry in SourcePolicy.EgressCandidates(source, fixedValues))
            if (!EgressPolicy.TryParse(entry, out _, out var problems))
                errors["fixed_settings"] = [$"{entry} is not a host an egress allow list can name: {string.Join(" ", problems)}"];
        return (errors, fixedValues);
    }

    static void CheckTools(Dictionary<string, string[]> errors, string field, List<string>? names)
    {
        if (names is null)
            return;
        if (names.Count > MaxTools)
            errors[field] = [$"At most {MaxTools} tool names."];
        else if (names.Any(n => string.IsNullOrWhiteSpace(n) || n.Length > MaxToolName))
            errors[field] = [$"Each tool name is 1-{MaxToolName} characters."];
    }
}

/// <summary>PUT /api/admin/sources/{id}/credentials: the shared connection's fields, checked like POST /api/credentials.</summary>
public sealed record SharedCredentialsRequest(Dictionary<string, JsonElement> Credentials);
