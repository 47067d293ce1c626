using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Auth;

/// <summary>
/// Whether a validly signed session token still counts, asked of the shared database on every request, so a
/// logout, a disabled account or a "sign out everywhere" holds on every replica at once.
/// </summary>
/// <remarks>
/// A JWT's <c>iat</c> has whole seconds. So that a token issued earlier in the same second as a "sign out
/// everywhere" is refused too, <see cref="Cutoff"/> rounds the instant up to the next whole second, and a token
/// counts only when <c>iat ≥ users.sessions_valid_after</c>. A sign-in in the rest of that second gets a token whose
/// <c>iat</c> is the cutoff (<see cref="JwtTokenService.Issue"/>), so it is not refused by mistake.
/// </remarks>
public sealed class SessionValidity(MosaicDbContext db)
{
    /// <summary>One query: the account exists and is enabled, the token is not older than the cutoff, not logged out.</summary>
    public async Task<bool> IsLiveAsync(string userId, string jti, DateTime issuedAt, CancellationToken ct) =>
        await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DisabledAt == null && (u.SessionsValidAfter == null || u.SessionsValidAfter <= issuedAt))
            .Select(u => !db.RevokedTokens.Any(t => t.Jti == jti))
            .FirstOrDefaultAsync(ct);

    /// <summary>The value of <c>sessions_valid_after</c> that ends every session issued up to <paramref name="now"/>.</summary>
    public static DateTime Cutoff(DateTime now)
    {
        var extra = now.Ticks % TimeSpan.TicksPerSecond;
        return new DateTime(now.Ticks - extra + (extra == 0 ? 0 : TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
