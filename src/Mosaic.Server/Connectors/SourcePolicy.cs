using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Data;

namespace Mosaic.Server.Connectors;

/// <summary>How members reach a source: each with their own credentials, or all through the workspace's.</summary>
public static class Connections
{
    public const string Personal = "personal";
    public const string Shared = "shared";

    public static bool IsValid(string? connection) => connection is Personal or Shared;
}

/// <summary>
/// What the admin decided for one source (a <see cref="SourceSetting"/> row, or the defaults when there is none):
/// whether members see it, how they connect, which connection fields are fixed, and the tool policy.
/// </summary>
public sealed record SourcePolicy(
    string SourceId,
    bool Enabled,
    string Connection,
    IReadOnlyDictionary<string, string> FixedSettings,
    IReadOnlySet<string> DisabledTools,
    IReadOnlySet<string> AlwaysAskTools,
    bool WritesDisabled,
    DateTime? UpdatedAt
)
{
    public bool Shared => Connection == Connections.Shared;

    public static SourcePolicy Default(string sourceId) =>
        new(
            sourceId,
            true,
            Connections.Personal,
            new Dictionary<string, string>(),
            new HashSet<string>(),
            new HashSet<string>(),
            false,
            null
        );

    public static SourcePolicy From(SourceSetting row) =>
        new(
            row.SourceId,
            row.Enabled,
            Connections.IsValid(row.Connection) ? row.Connection! : Connections.Personal,
            ParseJson<Dictionary<string, string>>(row.FixedSettings) ?? [],
            (ParseJson<List<string>>(row.DisabledTools) ?? []).ToHashSet(StringComparer.Ordinal),
            (ParseJson<List<string>>(row.AlwaysAskTools) ?? []).ToHashSet(StringComparer.Ordinal),
            row.WritesDisabled,
            row.UpdatedAt
        );

    /// <summary>What the hub applies to every tool listing of this source (<see cref="ToolPolicy"/>).</summary>
    public ToolPolicy Tools => new(DisabledTools, AlwaysAskTools, Shared, WritesDisabled);

    public bool IsFixed(string field) => FixedSettings.ContainsKey(field);

    /// <summary>The fields a connector starts with: the credentials (shared or the member's), the fixed settings over them.</summary>
    public IReadOnlyDictionary<string, string> Effective(IReadOnlyDictionary<string, string>? credentials)
    {
        var fields = new Dictionary<string, string>(credentials ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in FixedSettings)
            fields[name] = value;
        return fields;
    }

    /// <summary>The fields a member fills in: none on a shared connection, else every field the admin did not fix.</summary>
    public IEnumerable<CredentialField> MemberFields(SourceDefinition source) =>
        Shared ? [] : source.PasteFields.Where(f => !IsFixed(f.Name));

    /// <summary>
    /// The hosts this source's connector may reach because the admin fixed them (a URL field's host and port, or what
    /// the field's <see cref="CredentialField.EgressEntry"/> says). Only fixed values count: a member's own never widen
    /// the operator's policy. Entries that do not parse are left out (the PATCH refused them already).
    /// </summary>
    public IReadOnlyList<string> EgressEntries(SourceDefinition source) =>
        [.. EgressCandidates(source, FixedSettings).Where(e => EgressPolicy.TryParse(e, out _, out _))];

    /// <summary>The allow entries these fixed values name, parsable or not (the PATCH checks them).</summary>
    public static IEnumerable<string> EgressCandidates(SourceDefinition source, IReadOnlyDictionary<string, string> fixedValues)
    {
        foreach (var field in source.CredentialFields.Where(f => fixedValues.ContainsKey(f.Name)))
        {
            var entry =
                field.EgressEntry is { } derive ? derive(fixedValues)
                : field.Type == "url" && Uri.TryCreate(fixedValues[field.Name], UriKind.Absolute, out var url) ? HostEgress.EntryFor(url)
                : null;
            if (entry is not null)
                yield return entry;
        }
    }

    static T? ParseJson<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null; // a hand-edited row: the defaults, rather than a source nobody can use
        }
    }
}

/// <summary>
/// Reads the admin's source settings. Scoped (the request's DbContext). Read on every use, not cached: one primary-key
/// lookup (all rows for the list: at most one per source), so a change counts on the next turn on every replica
/// without any invalidation.
/// </summary>
public sealed class SourcePolicies(MosaicDbContext db)
{
    public async Task<SourcePolicy> ForAsync(string sourceId, CancellationToken ct) =>
        await db.SourceSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SourceId == sourceId, ct) is { } row
            ? SourcePolicy.From(row)
            : SourcePolicy.Default(sourceId);

    /// <summary>Every source's policy by id; a source with no row has the defaults (<see cref="For"/>).</summary>
    public async Task<IReadOnlyDictionary<string, SourcePolicy>> AllAsync(CancellationToken ct) =>
        (await db.SourceSettings.AsNoTracking().ToListAsync(ct)).ToDictionary(r => r.SourceId, SourcePolicy.From);

    public static SourcePolicy For(IReadOnlyDictionary<string, SourcePolicy> all, string sourceId) =>
        all.GetValueOrDefault(sourceId) ?? SourcePolicy.Default(sourceId);
}
