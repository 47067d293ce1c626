using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Audit;
using Mosaic.Server.Data;

namespace Mosaic.Server.Credentials;

/// <summary>
/// Per-user, per-datasource secrets, encrypted at rest (docs/architecture.md#credentials). Scoped (it uses the request's
/// <see cref="MosaicDbContext"/>); from a singleton, create a scope. Decrypted values only leave
/// through <see cref="GetAsync"/>, for handing to a connector process; they are never logged.
/// </summary>
public sealed class CredentialVault(
    MosaicDbContext db,
    CredentialEncryptor encryptor,
    CredentialChangeNotifier notifier,
    IAuditLog audit,
    TimeProvider time,
    ILogger<CredentialVault> logger
)
{
    /// <summary>The user's decrypted fields for a datasource, or null when none are saved.</summary>
    /// <exception cref="CredentialDecryptionException">The row's key is not configured or the data was tampered with.</exception>
    public async Task<IReadOnlyDictionary<string, string>?> GetAsync(string userId, string datasource, CancellationToken ct)
    {
        var row = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId && c.Datasource == datasource, ct);
        if (row is null)
            return null;
        var json = encryptor.Decrypt(row.EncryptedData, userId, datasource);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    /// <param name="actorUserId">Who saved them, when not the owner (an admin); the audit log records this user.</param>
    public async Task SaveAsync(
        string userId,
        string datasource,
        IReadOnlyDictionary<string, string> fields,
        CancellationToken ct,
        string? actorUserId = null
    )
    {
        var now = time.GetUtcNow().UtcDateTime;
        var encrypted = encryptor.Encrypt(JsonSerializer.Serialize(fields), userId, datasource);
        var row = await db.Credentials.FirstOrDefaultAsync(c => c.UserId == userId && c.Datasource == datasource, ct);
        if (row is null)
            db.Credentials.Add(
                new Credential
                {
                    UserId = userId,
                    Datasource = datasource,
                    EncryptedData = encrypted,
                    CreatedAt = now,
                    UpdatedAt = now,
                }
            );
        else
        {
            row.EncryptedData = encrypted;
            row.UpdatedAt = now;
            // New credentials may act as someone else: who they are is unknown until tested again.
            row.Identity = null;
            row.IdentityCheckedAt = null;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (row is null)
        {
            // A concurrent save created the row first (unique user_id+datasource): replace it instead.
            db.ChangeTracker.Clear();
            await db
                .Credentials.Where(c => c.UserId == userId && c.Datasource == datasource)
                .ExecuteUpdateAsync(
                    c =>
                        c.SetProperty(x => x.EncryptedData, encrypted)
                            .SetProperty(x => x.UpdatedAt, now)
                            .SetProperty(x => x.Identity, (string?)null)
                            .SetProperty(x => x.IdentityCheckedAt, (DateTime?)null),
                    ct
                );
        }
        logger.LogInformation(
            "Credentials saved for user {UserId}, datasource {Datasource} ({FieldCount} fields)",
            userId,
            datasource,
            fields.Count
        );
        notifier.Publish(new CredentialChange(userId, datasource, CredentialChangeKind.Saved, time.GetUtcNow()));
        // The field names say what changed (a new token, a new URL); their values never reach the log.
        var names = JsonSerializer.Serialize(new { fields = fields.Keys.Order(StringComparer.Ordinal) });
        await audit.WriteAsync(Entry(CredentialActions.Saved, userId, datasource, actorUserId) with { Detail = names });
    }

    /// <summary>True when something was deleted.</summary>
    /// <param name="actorUserId">Who deleted them, when not the owner (an admin); the audit log records this user.</param>
    public async Task<bool> DeleteAsync(string userId, string datasource, CancellationToken ct, string? actorUserId = null)
    {
        var deleted = await db.Credentials.Where(c => c.UserId == userId && c.Datasource == datasource).ExecuteDeleteAsync(ct);
        if (deleted == 0)
            return false;
        logger.LogInformation("Credentials deleted for user {UserId}, datasource {Datasource}", userId, datasource);
        notifier.Publish(new CredentialChange(userId, datasource, CredentialChangeKind.Deleted, time.GetUtcNow()));
        await audit.WriteAsync(Entry(CredentialActions.Deleted, userId, datasource, actorUserId));
        return true;
    }

    /// <summary>The actor is the entry's user; the owner is its target when someone else acted for them.</summary>
    private static AuditEvent Entry(string action, string userId, string datasource, string? actorUserId) =>
        new(AuditKinds.Credential, action, "success")
        {
            UserId = actorUserId ?? userId,
            Source = datasource,
            Target = actorUserId is not null && actorUserId != userId ? userId : null,
        };

    public async Task<CredentialStatus> GetStatusAsync(string userId, string datasource, CancellationToken ct)
    {
        var updated = await db
            .Credentials.AsNoTracking()
            .Where(c => c.UserId == userId && c.Datasource == datasource)
            .Select(c => (DateTime?)c.UpdatedAt)
            .FirstOrDefaultAsync(ct);
        return new CredentialStatus(updated is not null, updated);
    }

    /// <summary>The datasources the user has saved credentials for.</summary>
    public async Task<IReadOnlySet<string>> ConfiguredDatasourcesAsync(string userId, CancellationToken ct) =>
        (await db.Credentials.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.Datasource).ToListAsync(ct)).ToHashSet();
}

public sealed record CredentialStatus(bool Configured, DateTime? UpdatedAt);

/// <summary>The audit log's actions for kind <c>credential</c>.</summary>
public static class CredentialActions
{
    public const string Saved = "credentials_saved";
    public const string Deleted = "credentials_deleted";
}
