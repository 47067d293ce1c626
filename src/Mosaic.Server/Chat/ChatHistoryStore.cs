using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Mosaic.Server.Data;

namespace Mosaic.Server.Chat;

public sealed record ChatSessionSummary(string Id, string Datasource, string Title, DateTime Updated, int MessageCount);

public sealed record ChatSessionMessage(string Id, string Role, string Content, string Datasource, System.Text.Json.JsonElement? Metadata, DateTime CreatedAt);

public enum SessionOwner { Nobody, Caller, SomeoneElse }

/// <summary>
/// chat_history access, always scoped to one user: a session id that belongs to someone else is
/// indistinguishable from one that does not exist.
/// </summary>
public sealed class ChatHistoryStore(MosaicDbContext db)
{
    public async Task<SessionOwner> OwnerAsync(string userId, string sessionId, CancellationToken ct)
    {
        var owners = await db.ChatHistory.Where(c => c.SessionId == sessionId).Select(c => c.UserId).Distinct().ToListAsync(ct);
        return owners.Count == 0 ? SessionOwner.Nobody : owners.All(o => o == userId) ? SessionOwner.Caller : SessionOwner.SomeoneElse;
    }

    /// <summary>The last <paramref name="count"/> messages of the session, oldest first, as model context.</summary>
    public async Task<List<ChatMessage>> RecentAsync(string userId, string sessionId, int count, CancellationToken ct)
    {
        var rows = await db.ChatHistory.Where(c => c.UserId == userId && c.SessionId == sessionId)
            .OrderByDescending(c => c.CreatedAt).Take(count).Select(c => new { c.Role, c.Content }).ToListAsync(ct);
        rows.Reverse();
        return rows.Select(r => new ChatMessage(r.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, r.Content)).ToList();
    }

    public async Task SaveTurnAsync(string userId, string sessionId, string datasource, string question, DateTime askedAt,
        string answer, string metadataJson, DateTime answeredAt, CancellationToken ct)
    {
        db.ChatHistory.Add(new ChatHistoryEntry
        {
            UserId = userId, SessionId = sessionId, Datasource = datasource, Role = "user", Content = question, CreatedAt = askedAt,
        });
        db.ChatHistory.Add(new ChatHistoryEntry
        {
            UserId = userId, SessionId = sessionId, Datasource = datasource, Role = "assistant", Content = answer,
            Metadata = metadataJson, CreatedAt = answeredAt > askedAt ? answeredAt : askedAt.AddTicks(10),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ChatSessionSummary>> ListAsync(string userId, int limit, CancellationToken ct)
    {
        var sessions = await db.ChatHistory.Where(c => c.UserId == userId).GroupBy(c => c.SessionId)
            .Select(g => new { Id = g.Key, Updated = g.Max(c => c.CreatedAt), Count = g.Count() })
            .OrderByDescending(s => s.Updated).Take(limit).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var firsts = await db.ChatHistory.Where(c => c.UserId == userId && ids.Contains(c.SessionId))
            .Select(c => new { c.SessionId, c.Role, c.Datasource, c.CreatedAt, Title = c.Role == "user" ? c.Content.Substring(0, 120) : null })
            .ToListAsync(ct);
        return sessions.Select(s =>
        {
            var rows = firsts.Where(f => f.SessionId == s.Id).OrderBy(f => f.CreatedAt).ToList();
            var title = rows.FirstOrDefault(r => r.Role == "user")?.Title ?? "(untitled)";
            return new ChatSessionSummary(s.Id, rows.Last().Datasource, Title(title), s.Updated, s.Count);
        }).ToList();
    }

    public async Task<IReadOnlyList<ChatSessionMessage>?> MessagesAsync(string userId, string sessionId, CancellationToken ct)
    {
        var rows = await db.ChatHistory.Where(c => c.UserId == userId && c.SessionId == sessionId)
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        if (rows.Count == 0) return null;
        return rows.Select(r => new ChatSessionMessage(r.Id, r.Role, r.Content, r.Datasource, ParseMetadata(r.Metadata), r.CreatedAt)).ToList();
    }

    public async Task<bool> DeleteAsync(string userId, string sessionId, CancellationToken ct) =>
        await db.ChatHistory.Where(c => c.UserId == userId && c.SessionId == sessionId).ExecuteDeleteAsync(ct) > 0;

    private static string Title(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 80 ? line : line[..79] + "…";
    }

    private static System.Text.Json.JsonElement? ParseMetadata(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return System.Text.Json.JsonDocument.Parse(json).RootElement.Clone(); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
