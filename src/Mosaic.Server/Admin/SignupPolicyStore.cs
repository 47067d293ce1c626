using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

/// <summary>Who may join: the mode and, for <c>domain</c>, the domains whose addresses may sign up.</summary>
public sealed record SignupPolicy(string Mode, IReadOnlyList<string> Domains);

/// <summary>
/// The workspace's sign-up policy. An admin's choice (rows <c>signup</c> and <c>signup_domains</c> in
/// <c>workspace_settings</c>) wins over <c>MOSAIC_SIGNUP</c>/<c>MOSAIC_SIGNUP_DOMAINS</c> once set. Read from the
/// database on every use, so a change counts at once on every replica.
/// </summary>
public sealed class SignupPolicyStore(MosaicDbContext db, PeopleSettings people, IOptions<MosaicSettings> mosaic, TimeProvider time)
{
    const string ModeKey = "signup";
    const string DomainsKey = "signup_domains";

    public async Task<SignupPolicy> GetAsync(CancellationToken ct)
    {
        var rows = await db
            .WorkspaceSettings.AsNoTracking()
            .Where(w => w.Key == ModeKey || w.Key == DomainsKey)
            .ToDictionaryAsync(w => w.Key, w => w.Value, ct);
        var mode = rows.TryGetValue(ModeKey, out var m) && SignupModes.IsValid(m) ? m : people.SignupMode(mosaic.Value);
        var domains = rows.TryGetValue(DomainsKey, out var d) ? ParseDomains(d) : people.SignupDomainList;
        return new SignupPolicy(mode, domains);
    }

    public async Task SetAsync(SignupPolicy policy, string updatedBy, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await UpsertAsync(ModeKey, policy.Mode, updatedBy, now, ct);
        await UpsertAsync(DomainsKey, JsonSerializer.Serialize(policy.Domains), updatedBy, now, ct);
        await db.SaveChangesAsync(ct);
    }

    async Task UpsertAsync(string key, string value, string updatedBy, DateTime now, CancellationToken ct)
    {
        var row = await db.WorkspaceSettings.FirstOrDefaultAsync(w => w.Key == key, ct);
        if (row is null)
            db.WorkspaceSettings.Add(row = new WorkspaceSetting { Key = key, Value = value });
        row.Value = value;
        row.UpdatedAt = now;
        row.UpdatedBy = updatedBy;
    }

    static IReadOnlyList<string> ParseDomains(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return []; // written only by SetAsync; an unreadable row admits no domain rather than any
        }
    }
}
