using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Mosaic.Server.Data;
using Mosaic.Server.Digest;

namespace Mosaic.Server.Datasources;

/// <summary>
/// The identities connection tests found, on the user's credential rows (<see cref="Credential.Identity"/>). Only a row's
/// own user reads or writes it; saving the credentials again clears it (<c>CredentialVault.SaveAsync</c>).
/// </summary>
public sealed class SourceIdentities(MosaicDbContext db, HybridCache cache, TimeProvider time)
{
    /// <summary>The known identities of the user's saved credentials, by source id.</summary>
    public async Task<IReadOnlyDictionary<string, SourceIdentity>> ForUserAsync(string userId, CancellationToken ct)
    {
        var rows = await db
            .Credentials.AsNoTracking()
            .Where(c => c.UserId == userId && c.Identity != null)
            .Select(c => new { c.Datasource, c.Identity })
            .ToListAsync(ct);
        var known = new Dictionary<string, SourceIdentity>(StringComparer.Ordinal);
        foreach (var row in rows)
            if (SourceIdentity.FromStored(row.Identity) is { } identity)
                known[row.Datasource] = identity;
        return known;
    }

    /// <summary>When the user's credentials for the source were saved; null when none are.</summary>
    public Task<DateTime?> SavedAtAsync(string userId, string datasource, CancellationToken ct) =>
        db
            .Credentials.AsNoTracking()
            .Where(c => c.UserId == userId && c.Datasource == datasource)
            .Select(c => (DateTime?)c.UpdatedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Stores what a test of the credentials saved at <paramref name="savedAt"/> found; nothing when they were replaced while
    /// the test ran (the identity would be the old credentials'). The user's cached digests are forgotten: they matched
    /// "you" without this account.
    /// </summary>
    public async Task<bool> SaveAsync(string userId, string datasource, DateTime savedAt, SourceIdentity identity, CancellationToken ct)
    {
        var stored = identity.ToStored();
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db
            .Credentials.Where(c => c.UserId == userId && c.Datasource == datasource && c.UpdatedAt == savedAt)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Identity, stored).SetProperty(x => x.IdentityCheckedAt, now), ct);
        if (updated > 0)
            await cache.RemoveByTagAsync(DigestService.CacheTag(userId), ct);
        return updated > 0;
    }
}
