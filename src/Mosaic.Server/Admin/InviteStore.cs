using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

public static class InviteStatuses
{
    public const string Pending = "pending";
    public const string Used = "used";
    public const string Expired = "expired";
    public const string Revoked = "revoked";

    public static string Of(Invite i, DateTime now) =>
        i.UsedAt is not null ? Used
        : i.RevokedAt is not null ? Revoked
        : i.ExpiresAt <= now ? Expired
        : Pending;
}

/// <summary>
/// Single-use invitations. The token (32 random bytes, base64url) exists only in the link handed out; the table
/// keeps its SHA-256, so a copy of the database cannot be turned into working links.
/// </summary>
public sealed class InviteStore(MosaicDbContext db, PeopleSettings settings, TimeProvider time)
{
    public async Task<(Invite Invite, string Token)> CreateAsync(string? email, string role, string createdBy, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var invite = new Invite
        {
            TokenHash = Hash(token),
            Email = email,
            Role = role,
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = now + settings.InviteLifetime,
        };
        db.Invites.Add(invite);
        await db.SaveChangesAsync(ct);
        return (invite, token);
    }

    public Task<List<Invite>> ListAsync(CancellationToken ct) =>
        db.Invites.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);

    public Task<Invite?> FindAsync(string id, CancellationToken ct) => db.Invites.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>Revokes a pending invitation; false when it was used or revoked meanwhile (the caller re-reads it).</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db
                .Invites.Where(i => i.Id == id && i.UsedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.RevokedAt, now), ct) > 0;
    }

    /// <summary>The invitation for a token when it can still be used; null for unknown, used, expired and revoked alike.</summary>
    public async Task<Invite?> FindUsableAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
            return null;
        var hash = Hash(token.Trim());
        var now = time.GetUtcNow().UtcDateTime;
        return await db
            .Invites.AsNoTracking()
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
    }

    /// <summary>
    /// Marks the invitation used by <paramref name="userId"/>, in one conditional UPDATE: of two sign-ups racing
    /// for one link exactly one changes the row, so exactly one gets in.
    /// </summary>
    public async Task<bool> TryConsumeAsync(string inviteId, string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db
                .Invites.Where(i => i.Id == inviteId && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.UsedAt, now).SetProperty(x => x.UsedBy, userId), ct) == 1;
    }

    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
