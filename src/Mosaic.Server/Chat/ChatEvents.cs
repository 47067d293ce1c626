using System.Text.Json;
using System.Text.Json.Serialization;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Chat;

/// <summary>
/// The stream's events (docs/architecture.md#single-source-chat), serialised as <c>{"type": "...", ...}</c>. approval_required and
/// approval_resolved are Mosaic's additions for write tools.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SessionIdEvent), "session_id")]
[JsonDerivedType(typeof(ThinkingStartEvent), "thinking_start")]
[JsonDerivedType(typeof(ThinkingEvent), "thinking")]
[JsonDerivedType(typeof(ThinkingEndEvent), "thinking_end")]
[JsonDerivedType(typeof(ChunkEvent), "chunk")]
[JsonDerivedType(typeof(ToolStartEvent), "tool_start")]
[JsonDerivedType(typeof(ToolEndEvent), "tool_end")]
[JsonDerivedType(typeof(ApprovalRequiredEvent), "approval_required")]
[JsonDerivedType(typeof(ApprovalResolvedEvent), "approval_resolved")]
[JsonDerivedType(typeof(ConnectRequiredEvent), "connect_required")]
[JsonDerivedType(typeof(DoneEvent), "done")]
[JsonDerivedType(typeof(ErrorEvent), "error")]
public abstract record ChatEvent;

public sealed record SessionIdEvent([property: JsonPropertyName("session_id")] string SessionId) : ChatEvent;

public sealed record ThinkingStartEvent : ChatEvent;

public sealed record ThinkingEvent([property: JsonPropertyName("content")] string Content) : ChatEvent;

public sealed record ThinkingEndEvent : ChatEvent;

public sealed record ChunkEvent([property: JsonPropertyName("content")] string Content) : ChatEvent;

public sealed record ToolStartEvent(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("arguments")] JsonElement Arguments
) : ChatEvent;

public sealed record ToolEndEvent(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("duration_ms")] double DurationMs
) : ChatEvent
{
    [JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}

public sealed record ApprovalRequiredEvent(
    [property: JsonPropertyName("approval_id")] string ApprovalId,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("arguments")] JsonElement Arguments,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt
) : ChatEvent;

/// <param name="Status">"approved", "refused" or "expired".</param>
public sealed record ApprovalResolvedEvent(
    [property: JsonPropertyName("approval_id")] string ApprovalId,
    [property: JsonPropertyName("status")] string Status
) : ChatEvent;

/// <summary>The source needs the person to (re)connect before its tool can run (a remote MCP server asking for authorization,
/// or a refused refresh): the UI offers Connect, i.e. <c>/api/oauth/{datasource}/start</c>. Sent before the error text.</summary>
public sealed record ConnectRequiredEvent(
    [property: JsonPropertyName("datasource")] string Datasource,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("reason")] string Reason
) : ChatEvent
{
    public static ConnectRequiredEvent? From(McpHubException e) =>
        e.Failure == McpHubFailure.ConnectNeeded ? new(e.Datasource, e.SourceName ?? e.Datasource, e.Message) : null;
}

public sealed record DoneEvent([property: JsonPropertyName("metadata")] ChatMetadata Metadata) : ChatEvent;

/// <param name="Code">not_configured, source_unavailable, source_busy, model_failed or internal: lets the
/// non-streaming endpoint pick a status.</param>
public sealed record ErrorEvent(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code = ErrorCodes.Internal
) : ChatEvent
{
    /// <summary>source_busy: seconds after which asking again may work (the non-streaming endpoint's Retry-After).</summary>
    [JsonPropertyName("retry_after"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryAfter { get; init; }

    /// <summary>A turn that failed unexpectedly (it has been logged).</summary>
    public static ErrorEvent Unexpected() => new(EventStream.UnexpectedError);

    /// <summary>A source that could not be reached, as the stream reports it.</summary>
    public static ErrorEvent From(McpHubException e) =>
        e.Failure switch
        {
            McpHubFailure.NotConfigured or McpHubFailure.ConnectNeeded => new(e.Message, ErrorCodes.NotConfigured),
            McpHubFailure.AtCapacity => new(e.Message, ErrorCodes.SourceBusy)
            {
                RetryAfter = (int)Math.Ceiling((e.RetryAfter ?? TimeSpan.FromSeconds(5)).TotalSeconds),
            },
            _ => new(e.Message, ErrorCodes.SourceUnavailable),
        };
}

public static class ErrorCodes
{
    public const string NotConfigured = "not_configured",
        SourceUnavailable = "source_unavailable",
        SourceBusy = "source_busy",
        ModelFailed = "model_failed",
        Internal = "internal";
}
