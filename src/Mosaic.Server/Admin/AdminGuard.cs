using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

/// <summary>
/// Serializes every change that could leave the workspace without an admin (demote, disable, delete, and the
/// promotion of the first account). Each runs in a transaction that first writes one guard row in
/// <c>workspace_settings</c>: the row lock (InnoDB) or the write lock (SQLite) makes a second such change wait
/// until the first commits, and it then counts the admins as they are. Two admins demoting each other at once
/// therefore cannot both succeed, and two first sign-ups cannot both, or neither, become admin.
/// </summary>
public static class AdminGuard
{
    const string Key = "admin_guard";

    public static async Task<T> SerializedAsync<T>(
        MosaicDbContext db,
        TimeProvider time,
        Func<CancellationToken, Task<T>> work,
        CancellationToken ct
    )
    {
        // MySQL's connection retries need a user transaction to run inside the execution strategy, as one unit.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async token =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var now = time.GetUtcNow().UtcDateTime;
                var locked = await db
                    .WorkspaceSettings.Where(w => w.Key == Key)
                    .ExecuteUpdateAsync(w => w.SetProperty(x => x.Value, now.ToString("O")), token);
                if (locked == 0)
                {
                    // Created at start-up (EnsureAsync); this covers a row deleted by hand since.
                    db.WorkspaceSettings.Add(
                        new WorkspaceSetting
                        {
                            Key = Key,
                            Value = now.ToString("O"),
                            UpdatedAt = now,
                        }
                    );
                    await db.SaveChangesAsync(token);
                }
                var result = await work(token);
                await tx.CommitAsync(token);
                return result;
            },
            ct
        );
    }

    /// <summary>Creates the guard row once, before any request (a concurrent first insert would fail one change).</summary>
    public static async Task EnsureAsync(MosaicDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.WorkspaceSettings.AnyAsync(w => w.Key == Key, ct))
            return;
        var now = time.GetUtcNow().UtcDateTime;
        db.WorkspaceSettings.Add(
            new WorkspaceSetting
            {
                Key = Key,
                Value = now.ToString("O"),
                UpdatedAt = now,
            }
        );
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another replica starting at the same moment created it
        }
    }

    /// <summary>Enabled admins other than <paramref name="userId"/>; read inside <see cref="SerializedAsync{T}"/>.</summary>
    public static Task<bool> AnotherAdminAsync(MosaicDbContext db, string userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id != userId && u.Role == UserRoles.Admin && u.DisabledAt == null, ct);
}
