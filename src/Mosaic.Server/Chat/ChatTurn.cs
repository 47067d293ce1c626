using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Chat;

/// <summary>Who is asking which source, and where the turn's events go.</summary>
/// <param name="CredentialFields">The user's saved fields for the source (for parameter injection); null when none are saved.</param>
/// <param name="CanAskApproval">False for the non-streaming endpoint, which has no way to show an approval request.</param>
/// <param name="Events">The SSE stream, the agent's relay to its own stream, or nowhere.</param>
public sealed record ChatTurn(
    string UserId,
    string Datasource,
    IReadOnlyDictionary<string, string>? CredentialFields,
    bool CanAskApproval,
    IEventSink<ChatEvent> Events
)
{
    /// <summary>The chat session the turn belongs to (set by <see cref="ChatService"/>), for the audit log.</summary>
    public string? SessionId { get; init; }

    public ValueTask EmitAsync(ChatEvent e, CancellationToken ct) => Events.EmitAsync(e, ct);
}

/// <summary>How a turn ended: what a non-streaming caller answers from instead of reading the events back.</summary>
/// <param name="Text">Everything the turn said (its chunk events), also when it failed part-way.</param>
/// <param name="Metadata">The done event's metadata; on a failure, what the turn got to (stored with it); null when it never began.</param>
/// <param name="Error">The error event the turn ended with; null when it ended with done.</param>
public sealed record ChatTurnResult(string Text, ChatMetadata? Metadata, ErrorEvent? Error)
{
    public bool Answered => Error is null;

    public IReadOnlyList<ToolUse> ToolsUsed => Metadata?.ToolsUsed ?? [];

    /// <summary>A turn that threw (logged by the caller): the same error the stream ends with.</summary>
    public static ChatTurnResult Failed() => new("", null, ErrorEvent.Unexpected());
}
