using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Data;

namespace Mosaic.Server.Chat;

public sealed record ChatSessionSummary(string Id, string Datasource, string Title, DateTime Updated, int MessageCount);

/// <param name="Status">For an answer: "in_progress" while a live process answers it, "interrupted" when that process died
/// before it finished (see <see cref="TurnHeartbeat"/>); null for a stored answer and for questions.</param>
public sealed record ChatSessionMessage(
    string Id,
    string Role,
    string Content,
    string Datasource,
    System.Text.Json.JsonElement? Metadata,
    DateTime CreatedAt,
    string? Status = null
);

/// <summary>The two rows of a turn being answered, stored before any work starts and completed by <c>FinishTurnAsync</c>.</summary>
public sealed record PendingTurn(string QuestionId, string AnswerId, DateTime AskedAt);

/// <summary>What <see cref="ChatHistoryStore.OpenAsync"/> read: the owner, the user's name and the prior messages.</summary>
public sealed record SessionContext(SessionOwner Owner, string? UserName, IReadOnlyList<ChatMessage> Recent);

public enum SessionOwner
{
    Nobody,
    Caller,
    SomeoneElse,
}

/// <summary>
/// chat_history access, always scoped to one user: a session id that belongs to someone else is
/// indistinguishable from one that does not exist.
/// </summary>
public sealed class ChatHistoryStore(MosaicDbContext db, ActiveTurns active, ChatSettings settings, TimeProvider time)
{
    /// <summary>
    /// What a turn in the session needs to know before it starts, in one read of a session that has messages: whose the
    /// session is, the user's name, and its last <paramref name="count"/> messages, oldest first, as model context. Turns
    /// without a stored answer (this one, one still running elsewhere, an interrupted one) are left out of the messages.
    /// </summary>
    public async Task<SessionContext> OpenAsync(string userId, string sessionId, int count, CancellationToken ct)
    {
        // The newest rows, each with two values that do not depend on the row: SQLite and MariaDB evaluate such subqueries
        // once. Twice the count leaves room for unanswered turns among them; the owner check looks at every row.
        var name = db.Users.Where(u => u.Id == userId).Select(u => u.Name);
        var rows = await db
            .ChatHistory.Where(c => c.SessionId == sessionId)
            .OrderByDescending(c => c.CreatedAt)
            .Take(Math.Max(1, count * 2))
            .Select(c => new
            {
                c.Role,
                c.Content,
                c.Status,
                Theirs = db.ChatHistory.Any(o => o.SessionId == sessionId && o.UserId != userId),
                Name = name.FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return new SessionContext(SessionOwner.Nobody, await name.FirstOrDefaultAsync(ct), []);
        if (rows[0].Theirs)
            return new SessionContext(SessionOwner.SomeoneElse, null, []);
        var messages = rows.Where(r => r.Status == null)
            .Take(count)
            .Reverse()
            .Select(r => new ChatMessage(r.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, r.Content))
            .ToList();
        return new SessionContext(SessionOwner.Caller, rows[0].Name, messages);
    }

    /// <summary>
    /// Stores the question, and an empty answer, as in progress: from here on a crash loses nothing, the turn reads
    /// as interrupted once its heartbeat stops. Call before any model or tool work, then <see cref="FinishTurnAsync"/>.
    /// </summary>
    public async Task<PendingTurn> BeginTurnAsync(
        string userId,
        string sessionId,
        string datasource,
        string question,
        DateTime askedAt,
        CancellationToken ct
    )
    {
        var now = time.GetUtcNow().UtcDateTime;
        var asked = new ChatHistoryEntry
        {
            UserId = userId,
            SessionId = sessionId,
            Datasource = datasource,
            Role = "user",
            Content = question,
            CreatedAt = askedAt,
            Status = TurnStatus.InProgress,
            HeartbeatAt = now,
        };
        var answer = new ChatHistoryEntry
        {
            UserId = userId,
            SessionId = sessionId,
            Datasource = datasource,
            Role = "assistant",
            Content = "",
            CreatedAt = askedAt.AddTicks(10),
            Status = TurnStatus.InProgress,
            HeartbeatAt = now,
        };
        db.ChatHistory.AddRange(asked, answer);
        await db.SaveChangesAsync(ct);
        // Completed with ExecuteUpdate, not through these instances: stop tracking them.
        db.Entry(asked).State = db.Entry(answer).State = EntityState.Detached;
        var turn = new PendingTurn(asked.Id, answer.Id, askedAt);
        active.Add(turn);
        return turn;
    }

    /// <summary>Stores the answer (whatever it is: text, an error, "stopped") and ends the turn's in-progress state.</summary>
    public async Task FinishTurnAsync(PendingTurn turn, string answer, string? metadataJson, DateTime answeredAt, CancellationToken ct)
    {
        try
        {
            var at = answeredAt > turn.AskedAt ? answeredAt : turn.AskedAt.AddTicks(10);
            // Both rows in one statement: the answer and the end of the question's in-progress state commit together, so a
            // crash never leaves a question that looks answered without its answer.
            await db
                .ChatHistory.Where(c => c.Id == turn.AnswerId || c.Id == turn.QuestionId)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(c => c.Content, c => c.Id == turn.AnswerId ? answer : c.Content)
                            .SetProperty(c => c.Metadata, c => c.Id == turn.AnswerId ? metadataJson : c.Metadata)
                            .SetProperty(c => c.CreatedAt, c => c.Id == turn.AnswerId ? at : c.CreatedAt)
                            .SetProperty(c => c.Status, (string?)null)
                            .SetProperty(c => c.HeartbeatAt, (DateTime?)null),
                    ct
                );
        }
        finally
        {
            active.Remove(turn);
        }
    }

    public async Task<IReadOnlyList<ChatSessionSummary>> ListAsync(string userId, int limit, CancellationToken ct)
    {
        var sessions = await db
            .ChatHistory.Where(c => c.UserId == userId)
            .GroupBy(c => c.SessionId)
            .Select(g => new
            {
                Id = g.Key,
                Updated = g.Max(c => c.CreatedAt),
                Count = g.Count(),
            })
            .OrderByDescending(s => s.Updated)
            .Take(limit)
            .ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var firsts = await db
            .ChatHistory.Where(c => c.UserId == userId && ids.Contains(c.SessionId))
            .Select(c => new
            {
                c.SessionId,
                c.Role,
                c.Datasource,
                c.CreatedAt,
                Title = c.Role == "user" ? c.Content.Substring(0, 120) : null,
            })
            .ToListAsync(ct);
        return sessions
            .Select(s =>
            {
                var rows = firsts.Where(f => f.SessionId == s.Id).OrderBy(f => f.CreatedAt).ToList();
                var title = rows.FirstOrDefault(r => r.Role == "user")?.Title ?? "(untitled)";
                return new ChatSessionSummary(s.Id, rows.Last().Datasource, Title(title), s.Updated, s.Count);
            })
            .ToList();
    }

    public async Task<IReadOnlyList<ChatSessionMessage>?> MessagesAsync(string userId, string sessionId, CancellationToken ct)
    {
        var rows = await db
            .ChatHistory.Where(c => c.UserId == userId && c.SessionId == sessionId)
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(ct);
        if (rows.Count == 0)
            return null;
        var staleBefore = time.GetUtcNow().UtcDateTime - settings.TurnStaleAfter;
        return rows.Select(r => new ChatSessionMessage(
                r.Id,
                r.Role,
                r.Content,
                r.Datasource,
                ParseMetadata(r.Metadata),
                r.CreatedAt,
                r.Role != "assistant" || r.Status != TurnStatus.InProgress ? null
                    : r.HeartbeatAt is not { } beat || beat < staleBefore ? TurnStatus.Interrupted
                    : TurnStatus.InProgress
            ))
            .ToList();
    }

    public async Task<bool> DeleteAsync(string userId, string sessionId, CancellationToken ct) =>
        await db.ChatHistory.Where(c => c.UserId == userId && c.SessionId == sessionId).ExecuteDeleteAsync(ct) > 0;

    private static string Title(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return TextClip.Ellipsize(line, 80);
    }

    private static System.Text.Json.JsonElement? ParseMetadata(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
