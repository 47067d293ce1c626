using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Chat;

/// <summary>Body of POST /api/chat/message and /api/chat/message/stream (spec §10.2).</summary>
public sealed record ChatMessageRequest(string Message, string Datasource, string? SessionId = null);

public sealed record ChatSource(string Datasource, string Tool, JsonElement Arguments, bool Success);

/// <summary>Answer of POST /api/chat/message.</summary>
public sealed record ChatMessageResponse(string Response, string SessionId, IReadOnlyList<ChatSource> Sources, ChatMetadata? Metadata);

public sealed record ApprovalRequest(bool Approved);

public sealed record ApprovalResponse(string ApprovalId, string Status);

public sealed record ChatSessionResponse(string Id, string Datasource, string Title, IReadOnlyList<ChatSessionMessage> Messages);

public sealed record ProviderResponse(string Provider, string Model, string? FastModel, bool Offline, string Label);

public static partial class SessionIds
{
    /// <summary>Client-chosen ids are allowed (the UI may mint them) but kept to a safe alphabet and the column's size.</summary>
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    public static string New() => Guid.NewGuid().ToString();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex Pattern();
}
