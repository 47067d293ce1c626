using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Audit;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;
using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>
/// The OAuth app of each provider: the row an admin saved in <c>oauth_apps</c> (secret encrypted like credentials), else the
/// environment's (<see cref="OAuthEnvironment"/>). Scoped (it uses the request's DbContext). Saving and removing are audited
/// as kind <c>credential</c> with target <c>oauth_app:{provider}</c>; the secret is never returned or logged.
/// </summary>
public sealed class OAuthApps(
    MosaicDbContext db,
    CredentialEncryptor encryptor,
    OAuthEnvironment environment,
    IAuditLog audit,
    TimeProvider time
)
{
    /// <summary>The app a flow uses now, or null when none is configured.</summary>
    public async Task<OAuthClientApp?> FindAsync(OAuthProvider provider, CancellationToken ct)
    {
        var row = await db.OAuthApps.AsNoTracking().FirstOrDefaultAsync(a => a.Provider == provider.Id, ct);
        return row is null
            ? environment.App(provider)
            : new OAuthClientApp(row.ClientId, encryptor.Decrypt(row.EncryptedSecret, "", Aad(provider.Id)));
    }

    /// <summary>Every provider's app as the admin sees it (no secret).</summary>
    public async Task<IReadOnlyDictionary<string, OAuthApp>> SavedAsync(CancellationToken ct) =>
        await db.OAuthApps.AsNoTracking().ToDictionaryAsync(a => a.Provider, ct);

    /// <summary>Saves the admin's app; a null secret keeps the saved one. False when there is none to keep.</summary>
    public async Task<bool> SaveAsync(OAuthProvider provider, string clientId, string? secret, string actorUserId, CancellationToken ct)
    {
        var row = await db.OAuthApps.FirstOrDefaultAsync(a => a.Provider == provider.Id, ct);
        if (row is null && secret is null)
            return false;
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null)
            db.OAuthApps.Add(
                row = new OAuthApp
                {
                    Provider = provider.Id,
                    ClientId = clientId,
                    EncryptedSecret = "",
                }
            );
        row.ClientId = clientId;
        if (secret is not null)
            row.EncryptedSecret = encryptor.Encrypt(secret, "", Aad(provider.Id));
        row.UpdatedAt = now;
        row.UpdatedBy = actorUserId;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(
            Entry(CredentialActions.Saved, provider, actorUserId, secret is null ? "client_id" : "client_id, client_secret")
        );
        return true;
    }

    public async Task<bool> DeleteAsync(OAuthProvider provider, string actorUserId, CancellationToken ct)
    {
        if (await db.OAuthApps.Where(a => a.Provider == provider.Id).ExecuteDeleteAsync(ct) == 0)
            return false;
        await audit.WriteAsync(Entry(CredentialActions.Deleted, provider, actorUserId, null));
        return true;
    }

    /// <summary>The associated data that binds a saved secret to its provider (rows have no user).</summary>
    public static string Aad(string providerId) => $"oauth_app:{providerId}";

    static AuditEvent Entry(string action, OAuthProvider provider, string actorUserId, string? fields) =>
        new(AuditKinds.Credential, action, "success")
        {
            UserId = actorUserId,
            Source = provider.SourceId,
            Target = Aad(provider.Id),
            Detail = fields is null ? null : $"{{\"fields\":\"{fields}\"}}",
        };
}
