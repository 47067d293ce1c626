using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Auth;

/// <summary>
/// Logged-out token ids, in the database so every replica and every restart refuses them (<see cref="SessionValidity"/>).
/// </summary>
public sealed class RevokedTokenStore(MosaicDbContext db, TimeProvider time)
{
    public async Task RevokeAsync(string jti, string userId, DateTime expiresAt, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Rows for tokens that have expired anyway protect nothing; drop them while we are here.
        await db.RevokedTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(ct);
        if (await db.RevokedTokens.AnyAsync(t => t.Jti == jti, ct))
            return;
        db.RevokedTokens.Add(
            new RevokedToken
            {
                Jti = jti,
                UserId = userId,
                ExpiresAt = expiresAt,
                RevokedAt = now,
            }
        );
        await db.SaveChangesAsync(ct);
    }
}
