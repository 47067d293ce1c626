using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Credentials;

public sealed record RotationResult(int Total, int Rotated, int AlreadyCurrent, IReadOnlyList<string> Failures);

/// <summary>
/// Re-encrypts every stored credential, and every OAuth app's client secret (<c>oauth_apps</c>), under the current
/// ENCRYPTION_KEY. Rows already under it are left alone, so the command can be re-run safely (e.g. after an interruption).
/// Rows whose key is
/// not configured are reported, not touched.
/// </summary>
public sealed class EncryptionKeyRotator(
    MosaicDbContext db,
    CredentialEncryptor encryptor,
    TimeProvider time,
    ILogger<EncryptionKeyRotator> logger
)
{
    private const int BatchSize = 200;

    public async Task<RotationResult> RotateAsync(CancellationToken ct)
    {
        int total = 0,
            rotated = 0,
            current = 0;
        var failures = new List<string>();
        string? lastId = null;
        while (true)
        {
            // Keyset paging by id keeps memory flat on large tables.
            var batch = await db
                .Credentials.Where(c => lastId == null || string.Compare(c.Id, lastId) > 0)
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
                break;
            foreach (var row in batch)
            {
                total++;
                if (CredentialEncryptor.KeyIdOf(row.EncryptedData) == encryptor.CurrentKeyId)
                {
                    current++;
                    continue;
                }
                try
                {
                    var plain = encryptor.Decrypt(row.EncryptedData, row.UserId ?? "", row.Datasource);
                    row.EncryptedData = encryptor.Encrypt(plain, row.UserId ?? "", row.Datasource);
                    row.UpdatedAt = time.GetUtcNow().UtcDateTime;
                    rotated++;
                }
                catch (CredentialDecryptionException ex)
                {
                    failures.Add($"credential {row.Id} ({row.Datasource}): {ex.Message}");
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
        foreach (var app in await db.OAuthApps.ToListAsync(ct))
        {
            total++;
            var aad = OAuth.OAuthApps.Aad(app.Provider);
            if (CredentialEncryptor.KeyIdOf(app.EncryptedSecret) == encryptor.CurrentKeyId)
            {
                current++;
                continue;
            }
            try
            {
                app.EncryptedSecret = encryptor.Encrypt(encryptor.Decrypt(app.EncryptedSecret, "", aad), "", aad);
                rotated++;
            }
            catch (CredentialDecryptionException ex)
            {
                failures.Add($"OAuth app {app.Provider}: {ex.Message}");
            }
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation(
            "Key rotation: {Rotated} re-encrypted, {Current} already current, {Failed} failed, under key {KeyId}",
            rotated,
            current,
            failures.Count,
            encryptor.CurrentKeyId
        );
        return new RotationResult(total, rotated, current, failures);
    }
}
