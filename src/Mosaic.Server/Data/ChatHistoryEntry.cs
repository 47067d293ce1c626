namespace Mosaic.Server.Data;

/// <summary>One chat message (table <c>chat_history</c>, spec §7).</summary>
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
}
