using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Audit;
using Mosaic.Server.Data;

namespace Mosaic.Server.Credentials;

/// <summary>
/// Per-user, per-datasource secrets, encrypted at rest (docs/architecture.md#credentials). Scoped (it uses the request's
/// <see cref="MosaicDbContext"/>); from a singleton, create a scope. Decrypted values only leave
/// through <see cref="GetAsync"/> and <see cref="GetSharedAsync"/>, for handing to a connector process; they are never
/// logged. The workspace's shared connection of a source is the row with no user (saved by an admin); its associated
/// data uses "" as the user id, and a change to it is announced with a null user: every user's session restarts.
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
    public Task<IReadOnlyDictionary<string, string>?> GetAsync(string userId, string datasource, CancellationToken ct) =>
        ReadAsync(userId, datasource, ct);

    /// <summary>The workspace's shared credentials for a source, or null when the admin saved none.</summary>
    public Task<IReadOnlyDictionary<string, string>?> GetSharedAsync(string datasource, CancellationToken ct) =>
        ReadAsync(null, datasource, ct);

    /// <param name="actorUserId">Who saved them, when not the owner (an admin); the audit log records this user.</param>
    public Task SaveAsync(
        string userId,
        string datasource,
        IReadOnlyDictionary<string, string> fields,
        CancellationToken ct,
        string? actorUserId = null
    ) => WriteAsync(userId, datasource, fields, actorUserId ?? userId, null, ct);

    /// <summary>
    /// Saves a connection made with the provider's consent (docs/oauth.md): <c>auth = "oauth"</c>, the access token's expiry,
    /// no reconnect reason. <paramref name="userId"/> null is the workspace's shared connection (an admin connected it).
    /// Audited and announced like any save.
    /// </summary>
    public Task SaveOAuthAsync(
        string? userId,
        string datasource,
        IReadOnlyDictionary<string, string> fields,
        DateTime? expiresAt,
        string actorUserId,
        CancellationToken ct
    ) => WriteAsync(userId, datasource, fields, actorUserId, new OAuthStamp(expiresAt), ct);

    /// <summary>Saves the shared credentials of a source; every replica restarts every user's session of it.</summary>
    /// <param name="actorUserId">The admin who saved them, for the audit log.</param>
    public Task SaveSharedAsync(string datasource, IReadOnlyDictionary<string, string> fields, string actorUserId, CancellationToken ct) =>
        WriteAsync(null, datasource, fields, actorUserId, null, ct);

    /// <param name="actorUserId">Who deleted them, when not the owner (an admin); the audit log records this user.</param>
    public Task<bool> DeleteAsync(string userId, string datasource, CancellationToken ct, string? actorUserId = null) =>
        RemoveAsync(userId, datasource, actorUserId ?? userId, ct);

    public Task<bool> DeleteSharedAsync(string datasource, string actorUserId, CancellationToken ct) =>
        RemoveAsync(null, datasource, actorUserId, ct);

    public Task<CredentialStatus> GetSharedStatusAsync(string datasource, CancellationToken ct) => StatusAsync(null, datasource, ct);

    /// <summary>The sources whose shared credentials are saved.</summary>
    public async Task<IReadOnlySet<string>> SharedDatasourcesAsync(CancellationToken ct) =>
        (await db.Credentials.AsNoTracking().Where(c => c.UserId == null).Select(c => c.Datasource).ToListAsync(ct)).ToHashSet();

    private async Task<IReadOnlyDictionary<string, string>?> ReadAsync(string? userId, string datasource, CancellationToken ct)
    {
        var row = await Rows(userId, datasource).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
            return null;
        var json = encryptor.Decrypt(row.EncryptedData, userId ?? "", datasource);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    // Spelled out per case: "UserId == null" must reach SQL as IS NULL, whatever the provider makes of a null parameter.
    private IQueryable<Credential> Rows(string? userId, string datasource) =>
        userId is null
            ? db.Credentials.Where(c => c.UserId == null && c.Datasource == datasource)
            : db.Credentials.Where(c => c.UserId == userId && c.Datasource == datasource);

    /// <summary>
    /// The shared row's id is derived from its source: the unique (user, datasource) index does not stop two rows with
    /// no user (NULLs are distinct), the primary key does, so two admins saving at once still leave one row.
    /// </summary>
    internal static string SharedRowId(string datasource) =>
        new Guid(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("mosaic-shared:" + datasource))[..16]
        ).ToString();

    private async Task WriteAsync(
        string? userId,
        string datasource,
        IReadOnlyDictionary<string, string> fields,
        string actorUserId,
        OAuthStamp? oauth,
        CancellationToken ct
    )
    {
        var now = time.GetUtcNow().UtcDateTime;
        var encrypted = encryptor.Encrypt(JsonSerializer.Serialize(fields), userId ?? "", datasource);
        var (auth, expiresAt) = (oauth is null ? null : "oauth", oauth?.ExpiresAt);
        var row = await Rows(userId, datasource).FirstOrDefaultAsync(ct);
        if (row is null)
            db.Credentials.Add(
                new Credential
                {
                    Id = userId is null ? SharedRowId(datasource) : Guid.NewGuid().ToString(),
                    UserId = userId,
                    Datasource = datasource,
                    EncryptedData = encrypted,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Auth = auth,
                    ExpiresAt = expiresAt,
                }
            );
        else
        {
            row.EncryptedData = encrypted;
            row.UpdatedAt = now;
            (row.Auth, row.ExpiresAt, row.ReconnectReason) = (auth, expiresAt, null);
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
            await Rows(userId, datasource)
                .ExecuteUpdateAsync(
                    c =>
                        c.SetProperty(x => x.EncryptedData, encrypted)
                            .SetProperty(x => x.UpdatedAt, now)
                            .SetProperty(x => x.Identity, (string?)null)
                            .SetProperty(x => x.IdentityCheckedAt, (DateTime?)null)
                            .SetProperty(x => x.Auth, auth)
                            .SetProperty(x => x.ExpiresAt, expiresAt)
                            .SetProperty(x => x.ReconnectReason, (string?)null),
                    ct
                );
        }
        logger.LogInformation(
            "Credentials saved for {Owner}, datasource {Datasource} ({FieldCount} fields)",
            Owner(userId),
            datasource,
            fields.Count
        );
        await notifier.PublishAsync(new CredentialChange(userId, datasource, CredentialChangeKind.Saved, time.GetUtcNow()));
        // The field names say what changed (a new token, a new URL); their values never reach the log. OAuth bookkeeping is
        // summed up as "auth": "oauth".
        var named = fields.Keys.Where(k => !k.StartsWith("oauth_", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var names = auth is null
            ? JsonSerializer.Serialize(new { fields = named })
            : JsonSerializer.Serialize(new { fields = named, auth });
        await audit.WriteAsync(Entry(CredentialActions.Saved, userId, datasource, actorUserId) with { Detail = names });
    }

    /// <summary>True when something was deleted.</summary>
    private async Task<bool> RemoveAsync(string? userId, string datasource, string actorUserId, CancellationToken ct)
    {
        var deleted = await Rows(userId, datasource).ExecuteDeleteAsync(ct);
        if (deleted == 0)
            return false;
        logger.LogInformation("Credentials deleted for {Owner}, datasource {Datasource}", Owner(userId), datasource);
        await notifier.PublishAsync(new CredentialChange(userId, datasource, CredentialChangeKind.Deleted, time.GetUtcNow()));
        await audit.WriteAsync(Entry(CredentialActions.Deleted, userId, datasource, actorUserId));
        return true;
    }

    /// <summary>The actor is the entry's user; the owner is its target when someone else acted for them
    /// (<c>workspace</c> for the shared connection).</summary>
    private static AuditEvent Entry(string action, string? ownerId, string datasource, string actorUserId) =>
        new(AuditKinds.Credential, action, "success")
        {
            UserId = actorUserId,
            Source = datasource,
            Target =
                ownerId is null ? "workspace"
                : ownerId != actorUserId ? ownerId
                : null,
        };

    public Task<CredentialStatus> GetStatusAsync(string userId, string datasource, CancellationToken ct) =>
        StatusAsync(userId, datasource, ct);

    private async Task<CredentialStatus> StatusAsync(string? userId, string datasource, CancellationToken ct)
    {
        var updated = await Rows(userId, datasource).AsNoTracking().Select(c => (DateTime?)c.UpdatedAt).FirstOrDefaultAsync(ct);
        return new CredentialStatus(updated is not null, updated);
    }

    private static string Owner(string? userId) => userId is null ? "the workspace (shared)" : $"user {userId}";

    /// <summary>The datasources the user has saved credentials for.</summary>
    public async Task<IReadOnlySet<string>> ConfiguredDatasourcesAsync(string userId, CancellationToken ct) =>
        (await db.Credentials.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.Datasource).ToListAsync(ct)).ToHashSet();
}

public sealed record CredentialStatus(bool Configured, DateTime? UpdatedAt);

/// <summary>What makes a save an OAuth connection: the access token's expiry.</summary>
internal sealed record OAuthStamp(DateTime? ExpiresAt);

/// <summary>The audit log's actions for kind <c>credential</c>.</summary>
public static class CredentialActions
{
    public const string Saved = "credentials_saved";
    public const string Deleted = "credentials_deleted";
}
