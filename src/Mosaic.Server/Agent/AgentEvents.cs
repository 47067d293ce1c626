using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mosaic.Server.Agent;

/// <summary>
/// The agent stream's events (docs/architecture.md#the-agent), serialised as <c>{"event_type": "...", ...}</c>. session_id,
/// tool_start/tool_end and approval_required/approval_resolved are Mosaic's additions: what each source
/// does, and write tools waiting for a person's yes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event_type")]
[JsonDerivedType(typeof(AgentSessionEvent), "session_id")]
[JsonDerivedType(typeof(PlanningEvent), "planning")]
[JsonDerivedType(typeof(PlanCompleteEvent), "plan_complete")]
[JsonDerivedType(typeof(SourceStartEvent), "source_start")]
[JsonDerivedType(typeof(SourceToolStartEvent), "tool_start")]
[JsonDerivedType(typeof(SourceToolEndEvent), "tool_end")]
[JsonDerivedType(typeof(SourceApprovalRequiredEvent), "approval_required")]
[JsonDerivedType(typeof(SourceApprovalResolvedEvent), "approval_resolved")]
[JsonDerivedType(typeof(SourceCompleteEvent), "source_complete")]
[JsonDerivedType(typeof(SynthesizingEvent), "synthesizing")]
[JsonDerivedType(typeof(SynthesisChunkEvent), "synthesis_chunk")]
[JsonDerivedType(typeof(AgentDoneEvent), "done")]
[JsonDerivedType(typeof(AgentErrorEvent), "error")]
public abstract record AgentEvent;

public sealed record AgentSessionEvent([property: JsonPropertyName("session_id")] string SessionId) : AgentEvent;

public sealed record PlanningEvent([property: JsonPropertyName("message")] string Message) : AgentEvent;

public sealed record PlanCompleteEvent(
    [property: JsonPropertyName("sources")] IReadOnlyList<PlannedSource> Sources,
    [property: JsonPropertyName("reasoning")] string Reasoning
) : AgentEvent;

public sealed record SourceStartEvent([property: JsonPropertyName("source")] string Source) : AgentEvent;

public sealed record SourceToolStartEvent(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("arguments")] JsonElement Arguments
) : AgentEvent;

public sealed record SourceToolEndEvent(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("duration_ms")] double DurationMs,
    [property: JsonPropertyName("error")] string? Error
) : AgentEvent;

public sealed record SourceApprovalRequiredEvent(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("approval_id")] string ApprovalId,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("arguments")] JsonElement Arguments,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt
) : AgentEvent;

public sealed record SourceApprovalResolvedEvent(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("approval_id")] string ApprovalId,
    [property: JsonPropertyName("status")] string Status
) : AgentEvent;

public sealed record SourceCompleteEvent(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("duration_ms")] double DurationMs
) : AgentEvent;

public sealed record SynthesizingEvent : AgentEvent;

public sealed record SynthesisChunkEvent([property: JsonPropertyName("chunk")] string Chunk) : AgentEvent;

public sealed record AgentDoneEvent([property: JsonPropertyName("result")] MultiSourceResponse Result) : AgentEvent;

public sealed record AgentErrorEvent([property: JsonPropertyName("error")] string Error) : AgentEvent;
