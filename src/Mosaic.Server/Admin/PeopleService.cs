using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

public sealed record AdminUserResponse(
    string Id,
    string Email,
    string? Name,
    string Role,
    DateTime CreatedAt,
    DateTime? LastLogin,
    bool Locked,
    DateTime? LockedUntil,
    bool Disabled,
    DateTime? DisabledAt,
    IReadOnlyList<string> SourcesConnected
);

public sealed record AdminUsersResponse(IReadOnlyList<AdminUserResponse> Users);

/// <summary>What an admin action came to: done, no such user, or refused with one sentence (409).</summary>
public abstract record PeopleResult
{
    /// <param name="Changes">What changed, as audit actions (<c>admin/&lt;action&gt;</c>) with their small detail.</param>
    public sealed record Done(User User, IReadOnlyList<(string Action, object Detail)> Changes) : PeopleResult;

    public sealed record NotFound : PeopleResult;

    public sealed record Conflict(string Detail) : PeopleResult;
}

/// <summary>
/// The people of the workspace as admins manage them. Every change that could leave no enabled admin runs under
/// <see cref="AdminGuard"/>; access that ends (disable, delete) is announced through <see cref="UserAccess"/>.
/// </summary>
public sealed class PeopleService(MosaicDbContext db, UserAccess access, PeopleSettings people, TimeProvider time)
{
    public const string LastAdmin =
        "This is the workspace's last enabled admin: make someone else an admin first, so the workspace keeps one.";

    public async Task<AdminUsersResponse> ListAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(ct);
        var sources = (
            await db.Credentials.AsNoTracking().Where(c => c.UserId != null).Select(c => new { c.UserId, c.Datasource }).ToListAsync(ct)
        ).ToLookup(c => c.UserId!, c => c.Datasource);
        return new AdminUsersResponse([.. users.Select(u => View(u, [.. sources[u.Id].Order(StringComparer.Ordinal)]))]);
    }

    public async Task<AdminUserResponse> ViewAsync(User user, CancellationToken ct) =>
        View(
            user,
            await db.Credentials.AsNoTracking().Where(c => c.UserId == user.Id).Select(c => c.Datasource).OrderBy(d => d).ToListAsync(ct)
        );

    AdminUserResponse View(User u, IReadOnlyList<string> sources)
    {
        var locked = u.LockedUntil is { } until && until > time.GetUtcNow().UtcDateTime;
        return new(
            u.Id,
            u.Email,
            u.Name,
            u.Role,
            u.CreatedAt,
            u.LastLogin,
            locked,
            locked ? u.LockedUntil : null,
            u.DisabledAt is not null,
            u.DisabledAt,
            sources
        );
    }

    /// <summary>Changes the role and/or the disabled state; refuses to leave the workspace without an enabled admin.</summary>
    public async Task<PeopleResult> UpdateAsync(string id, string? role, bool? disabled, CancellationToken ct)
    {
        var result = await AdminGuard.SerializedAsync(db, time, t => UpdateGuardedAsync(id, role, disabled, t), ct);
        if (result is PeopleResult.Done done && done.Changes.Any(c => c.Action == "user_disabled"))
            await access.EndedAsync(id);
        return result;
    }

    async Task<PeopleResult> UpdateGuardedAsync(string id, string? role, bool? disabled, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return new PeopleResult.NotFound();
        var losesAdmin = user.Role == UserRoles.Admin && user.DisabledAt is null && (role == UserRoles.Member || disabled == true);
        if (losesAdmin && !await AdminGuard.AnotherAdminAsync(db, id, ct))
            return new PeopleResult.Conflict(LastAdmin);
        if (role == UserRoles.Member && user.Role == UserRoles.Admin && people.AdminEmailSet.Contains(user.Email))
            return new PeopleResult.Conflict(
                "This address is listed in MOSAIC_ADMIN_EMAILS, which makes it an admin at every start: the operator must remove it there."
            );

        var now = time.GetUtcNow().UtcDateTime;
        var changes = new List<(string, object)>();
        if (role is not null && role != user.Role)
        {
            changes.Add(("role_changed", new { from = user.Role, to = role }));
            user.Role = role;
        }
        if (disabled == true && user.DisabledAt is null)
        {
            changes.Add(("user_disabled", new { }));
            user.DisabledAt = now;
            // Re-enabling later must not bring back the sessions that were open when the account was disabled.
            user.SessionsValidAfter = SessionValidity.Cutoff(now);
        }
        else if (disabled == false && user.DisabledAt is not null)
        {
            changes.Add(("user_enabled", new { }));
            user.DisabledAt = null;
        }
        if (changes.Count > 0)
        {
            user.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return new PeopleResult.Done(user, changes);
    }

    /// <summary>Clears a lockout and the failure count, so the person can sign in at once.</summary>
    public Task<PeopleResult> UnlockAsync(string id, CancellationToken ct) =>
        ChangeAsync(
            id,
            "user_unlocked",
            u =>
            {
                u.LockedUntil = null;
                u.FailedLoginAttempts = 0;
            },
            ct
        );

    /// <summary>Ends every session the user has (on every replica: sessions are checked against the database).</summary>
    public Task<PeopleResult> SignOutEverywhereAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, "user_signed_out", u => u.SessionsValidAfter = SessionValidity.Cutoff(time.GetUtcNow().UtcDateTime), ct);

    async Task<PeopleResult> ChangeAsync(string id, string action, Action<User> change, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return new PeopleResult.NotFound();
        change(user);
        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new PeopleResult.Done(user, [(action, new { })]);
    }

    /// <summary>
    /// Deletes the account; its credentials and chat history go with it (foreign keys cascade). The audit log keeps
    /// its rows (no foreign key), readable by their email.
    /// </summary>
    public async Task<PeopleResult> DeleteAsync(string id, string actorId, CancellationToken ct)
    {
        if (id == actorId)
            return new PeopleResult.Conflict("You cannot delete your own account: ask another admin to do it.");
        var result = await AdminGuard.SerializedAsync(
            db,
            time,
            async t =>
            {
                var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, t);
                if (user is null)
                    return (PeopleResult)new PeopleResult.NotFound();
                if (user.Role == UserRoles.Admin && user.DisabledAt is null && !await AdminGuard.AnotherAdminAsync(db, id, t))
                    return new PeopleResult.Conflict(LastAdmin);
                db.Users.Remove(user);
                await db.SaveChangesAsync(t);
                return new PeopleResult.Done(user, [("user_deleted", new { email = user.Email })]);
            },
            ct
        );
        if (result is PeopleResult.Done)
            await access.EndedAsync(id);
        return result;
    }
}
