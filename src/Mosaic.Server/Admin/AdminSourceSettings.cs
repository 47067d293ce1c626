using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

/// <summary>
/// The admin's side of source settings: builds <see cref="AdminSourceResponse"/>s and stores a PATCH in
/// <c>source_settings</c>. Scoped. Members read the same rows through <see cref="SourcePolicies"/>.
/// </summary>
public sealed class AdminSourceSettings(
    MosaicDbContext db,
    SourcePolicies policies,
    CredentialVault vault,
    IMcpHub hub,
    CredentialChangeNotifier changes,
    TimeProvider time
)
{
    // Listing tools may start the admin's connector; a slow one must not hold the page.
    static readonly TimeSpan ToolListTimeout = TimeSpan.FromSeconds(20);

    public async Task<IReadOnlyList<AdminSourceResponse>> ListAsync(IEnumerable<SourceDefinition> sources, CancellationToken ct)
    {
        var all = await policies.AllAsync(ct);
        var shared = await db
            .Credentials.AsNoTracking()
            .Where(c => c.UserId == null)
            .Select(c => new { c.Datasource, c.UpdatedAt })
            .ToDictionaryAsync(c => c.Datasource, c => (DateTime?)c.UpdatedAt, ct);
        return
        [
            .. sources.Select(s =>
                Build(s, SourcePolicies.For(all, s.Id), shared.GetValueOrDefault(s.Id), tools: null, "Open the source to see its tools.")
            ),
        ];
    }

    /// <summary>One source, with its tools as listed in the admin's own session when that can be started.</summary>
    public async Task<AdminSourceResponse> GetAsync(SourceDefinition source, string adminId, CancellationToken ct)
    {
        var policy = await policies.ForAsync(source.Id, ct);
        var shared = await vault.GetSharedStatusAsync(source.Id, ct);
        IReadOnlyList<McpToolInfo>? tools = null;
        string? note = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ToolListTimeout);
        try
        {
            tools = await hub.ListDeclaredToolsAsync(adminId, source.Id, timeout.Token);
        }
        catch (McpHubException e) when (!ct.IsCancellationRequested)
        {
            note = $"The tools are listed in your own session of {source.Name}, which could not start: {e.Message}";
        }
        return Build(source, policy, shared.UpdatedAt, tools, note);
    }

    static AdminSourceResponse Build(
        SourceDefinition s,
        SourcePolicy policy,
        DateTime? sharedUpdatedAt,
        IReadOnlyList<McpToolInfo>? tools,
        string? toolsNote
    )
    {
        var memberFields = policy.MemberFields(s).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var toolPolicy = policy.Tools;
        return new AdminSourceResponse(
            s.Id,
            s.Name,
            s.Icon,
            s.IsBuiltIn,
            s.Enabled && policy.Enabled,
            policy.Connection,
            [
                .. s.PasteFields.Select(f => new AdminSourceField(
                    f.Name,
                    f.Label,
                    f.Type,
                    f.Required,
                    f.Location,
                    policy.IsFixed(f.Name),
                    memberFields.Contains(f.Name)
                )),
            ],
            policy.FixedSettings,
            sharedUpdatedAt is not null,
            sharedUpdatedAt,
            SharedIdentity: null, // the connector's whoami is another item of issue 13
            [
                .. (tools ?? []).Select(t => new AdminSourceTool(
                    t.Name,
                    t.Description,
                    t.ReadOnly,
                    toolPolicy.IsDisabled(t),
                    toolPolicy.AlwaysAsks(t)
                )),
            ],
            tools is not null,
            tools is null ? toolsNote : null,
            [.. policy.DisabledTools.Order(StringComparer.Ordinal)],
            [.. policy.AlwaysAskTools.Order(StringComparer.Ordinal)],
            policy.WritesDisabled,
            policy.UpdatedAt
        );
    }

    /// <summary>Stores a validated PATCH; returns what changed, for the audit log (names and flags, never a value).</summary>
    public async Task<string> UpdateAsync(
        SourceDefinition source,
        UpdateSourceRequest request,
        Dictionary<string, string>? fixedValues,
        string adminId,
        CancellationToken ct
    )
    {
        var row = await db.SourceSettings.FirstOrDefaultAsync(s => s.SourceId == source.Id, ct);
        var before = row is null ? SourcePolicy.Default(source.Id) : SourcePolicy.From(row);
        if (row is null)
            db.SourceSettings.Add(row = new SourceSetting { SourceId = source.Id, Connection = Connections.Personal });
        if (request.Enabled is { } enabled)
            row.Enabled = enabled;
        if (request.Connection is { } connection)
            row.Connection = connection;
        if (fixedValues is not null)
            row.FixedSettings = JsonSerializer.Serialize(fixedValues);
        if (request.DisabledTools is { } disabled)
            row.DisabledTools = JsonSerializer.Serialize(disabled.Distinct().Order(StringComparer.Ordinal));
        if (request.AlwaysAskTools is { } ask)
            row.AlwaysAskTools = JsonSerializer.Serialize(ask.Distinct().Order(StringComparer.Ordinal));
        if (request.WritesDisabled is { } writesDisabled)
            row.WritesDisabled = writesDisabled;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = adminId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Another admin created the row first: apply this PATCH over theirs.
            db.ChangeTracker.Clear();
            return await UpdateAsync(source, request, fixedValues, adminId, ct);
        }
        var after = SourcePolicy.From(row);
        // Who may connect, how and where changed: every user's session of the source restarts, on every replica. A tool
        // policy change restarts none, but the setups cached with the old policy are read again.
        var kind =
            after.Enabled != before.Enabled || after.Connection != before.Connection || !SameFixed(before, after)
                ? CredentialChangeKind.Saved
                : CredentialChangeKind.Policy;
        await changes.PublishAsync(new CredentialChange(null, source.Id, kind, time.GetUtcNow()));
        return Describe(before, after);
    }

    static bool SameFixed(SourcePolicy a, SourcePolicy b) =>
        a.FixedSettings.Count == b.FixedSettings.Count
        && a.FixedSettings.All(f => b.FixedSettings.TryGetValue(f.Key, out var v) && v == f.Value);

    /// <summary>"enabled: true → false; fixed_settings: url, email; disabled_tools: +send_message". Never a value.</summary>
    static string Describe(SourcePolicy a, SourcePolicy b)
    {
        var parts = new List<string>();
        if (a.Enabled != b.Enabled)
            parts.Add($"enabled: {a.Enabled.ToString().ToLowerInvariant()} → {b.Enabled.ToString().ToLowerInvariant()}");
        if (a.Connection != b.Connection)
            parts.Add($"connection: {a.Connection} → {b.Connection}");
        if (!SameFixed(a, b))
            parts.Add($"fixed_settings: {(b.FixedSettings.Count == 0 ? "(none)" : string.Join(", ", b.FixedSettings.Keys.Order()))}");
        AddSetChange(parts, "disabled_tools", a.DisabledTools, b.DisabledTools);
        AddSetChange(parts, "always_ask_tools", a.AlwaysAskTools, b.AlwaysAskTools);
        if (a.WritesDisabled != b.WritesDisabled)
            parts.Add($"writes_disabled: {b.WritesDisabled.ToString().ToLowerInvariant()}");
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    static void AddSetChange(List<string> parts, string name, IReadOnlySet<string> before, IReadOnlySet<string> after)
    {
        var changed = after.Except(before).Order().Select(t => "+" + t).Concat(before.Except(after).Order().Select(t => "-" + t)).ToList();
        if (changed.Count > 0)
            parts.Add($"{name}: {string.Join(" ", changed)}");
    }
}
