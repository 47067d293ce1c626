namespace Mosaic.Server.Data;

/// <summary>One chat message (table <c>chat_history</c>, docs/architecture.md#database).</summary>
public sealed class ChatHistoryEntry
{
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public string? UserId { get; set; }
    public required string SessionId { get; set; }
    public required string Datasource { get; set; }

    /// <summary>"user" or "assistant".</summary>
    public required string Role { get; set; }
    public required string Content { get; set; }

    /// <summary>A JSON document (tools used, sources, timings), stored as text.</summary>
    public string? Metadata { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary><see cref="TurnStatus.InProgress"/> while the turn is being answered; null once it is stored whole.</summary>
    public string? Status { get; set; }

    /// <summary>Refreshed by the process answering an in-progress turn; when it stops, the turn reads as interrupted.</summary>
    public DateTime? HeartbeatAt { get; set; }
}

/// <summary>Values of <see cref="ChatHistoryEntry.Status"/> (stored) and of the status the session API reports.</summary>
public static class TurnStatus
{
    public const string InProgress = "in_progress";

    /// <summary>Never stored: an in-progress turn whose heartbeat stopped (the process answering it is gone).</summary>
    public const string Interrupted = "interrupted";
}
