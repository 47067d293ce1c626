using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Audit;

public static class AuditTestSupport
{
    /// <summary>What the audit log holds, oldest first, read straight from the server's database.</summary>
    public static async Task<List<AuditEntry>> AuditAsync(this MosaicAppFactory app, string? userId = null, string? kind = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        var q = db.AuditLog.AsNoTracking();
        if (userId is not null)
            q = q.Where(a => a.UserId == userId);
        if (kind is not null)
            q = q.Where(a => a.Kind == kind);
        return await q.OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<List<AuditEntry>> ToolCallsAsync(this MosaicAppFactory app, string userId) =>
        await app.AuditAsync(userId, AuditKinds.ToolCall);

    /// <summary>A signed-in user promoted to admin in the database (the admin policy reads the role there).</summary>
    public static async Task<TestUser> SignInAdminAsync(this MosaicAppFactory app)
    {
        var user = await app.SignInAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, UserRoles.Admin));
        return user;
    }

    /// <summary>The session id a chat stream announced.</summary>
    public static string SessionId(IEnumerable<JsonElement> events) =>
        events.First(e => SseStream.Type(e) == "session_id").GetProperty("session_id").GetString()!;
}
