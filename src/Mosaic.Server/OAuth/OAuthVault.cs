using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;

namespace Mosaic.Server.OAuth;

/// <summary>
/// The vault's rows as the OAuth code keeps them fresh: a connection with its expiry and reconnect reason, a refresh's new
/// tokens written in one conditional UPDATE (only over the tokens it refreshed, so two replicas never both win and a
/// rotated refresh token is never lost), and the reconnect mark. Saving and deleting stay with <see cref="CredentialVault"/>.
/// A null user is the workspace's shared connection. Scoped.
/// </summary>
public sealed class OAuthVault(MosaicDbContext db, CredentialEncryptor encryptor, CredentialChangeNotifier notifier, TimeProvider time)
{
    public async Task<OAuthConnection?> FindAsync(string? userId, string datasource, CancellationToken ct)
    {
        var row = await Rows(userId, datasource).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
            return null;
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(encryptor.Decrypt(row.EncryptedData, userId ?? "", datasource))
            ?? [];
        return new OAuthConnection(
            userId,
            datasource,
            fields,
            row.Auth == OAuthFields.Auth,
            row.ExpiresAt,
            row.ReconnectReason,
            row.EncryptedData
        );
    }

    /// <summary>How this user's rows and the workspace's shared rows were made, and which need connecting again.</summary>
    public async Task<IReadOnlyList<ConnectionKind>> KindsAsync(string userId, CancellationToken ct) =>
        await db
            .Credentials.AsNoTracking()
            .Where(c => c.UserId == userId || c.UserId == null)
            .Select(c => new ConnectionKind(c.Datasource, c.UserId == null, c.Auth, c.ReconnectReason))
            .ToListAsync(ct);

    /// <summary>
    /// Replaces the tokens of <paramref name="old"/> with a refresh's; false when the row changed meanwhile (another replica
    /// refreshed, the person reconnected or disconnected), and then nothing is written.
    /// </summary>
    public async Task<bool> UpdateTokensAsync(
        OAuthConnection old,
        IReadOnlyDictionary<string, string> fields,
        DateTime? expiresAt,
        CancellationToken ct
    )
    {
        var encrypted = encryptor.Encrypt(JsonSerializer.Serialize(fields), old.UserId ?? "", old.Datasource);
        var updated = await Rows(old.UserId, old.Datasource)
            .Where(c => c.EncryptedData == old.Version)
            .ExecuteUpdateAsync(
                c =>
                    c.SetProperty(x => x.EncryptedData, encrypted)
                        .SetProperty(x => x.ExpiresAt, expiresAt)
                        .SetProperty(x => x.ReconnectReason, (string?)null),
                ct
            );
        return updated == 1;
    }

    /// <summary>Marks the connection as needing the person (a refused refresh); its tokens stay until they reconnect or
    /// disconnect. Announced like a credential change, so sessions and cached digests are replaced.</summary>
    public async Task MarkReconnectAsync(OAuthConnection connection, string reason, CancellationToken ct)
    {
        var updated = await Rows(connection.UserId, connection.Datasource)
            .Where(c => c.EncryptedData == connection.Version)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ReconnectReason, reason), ct);
        if (updated == 1)
            await notifier.PublishAsync(
                new CredentialChange(connection.UserId, connection.Datasource, CredentialChangeKind.Saved, time.GetUtcNow())
            );
    }

    IQueryable<Credential> Rows(string? userId, string datasource) =>
        userId is null
            ? db.Credentials.Where(c => c.UserId == null && c.Datasource == datasource)
            : db.Credentials.Where(c => c.UserId == userId && c.Datasource == datasource);
}

/// <param name="UserId">Null for the workspace's shared connection.</param>
/// <param name="IsOAuth">Made with the provider's consent (<c>auth = "oauth"</c>); false for pasted fields.</param>
/// <param name="Version">The stored ciphertext: an update applies only over exactly this.</param>
public sealed record OAuthConnection(
    string? UserId,
    string Datasource,
    IReadOnlyDictionary<string, string> Fields,
    bool IsOAuth,
    DateTime? ExpiresAt,
    string? ReconnectReason,
    string Version
)
{
    public override string ToString() => $"OAuthConnection {{ {Datasource}, user {UserId ?? "(shared)"} }}"; // never the fields
}

/// <param name="Shared">The workspace's shared row (no user).</param>
/// <param name="Auth">"oauth", or null for pasted fields.</param>
/// <param name="Reconnect">The sentence when only a new connection helps.</param>
public sealed record ConnectionKind(string Datasource, bool Shared, string? Auth, string? Reconnect);
