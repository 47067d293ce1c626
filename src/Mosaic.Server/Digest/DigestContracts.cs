using System.Text.Json.Serialization;

namespace Mosaic.Server.Digest;

/// <summary>
/// "What You Missed" (GET /api/digest): one section per configured source, each item linked to where it
/// lives. Items that need the user (a review requested, an issue assigned, an important unread mail, a
/// meeting today, low stock) are <see cref="DigestItem.Actionable"/> and come first.
/// </summary>
public sealed record DigestResponse(
    [property: JsonPropertyName("since")] DateTimeOffset Since,
    [property: JsonPropertyName("generated_at")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("summary_method")] string SummaryMethod,
    [property: JsonPropertyName("sections")] IReadOnlyList<DigestSection> Sections,
    [property: JsonPropertyName("actionable_count")] int ActionableCount,
    [property: JsonPropertyName("from_cache")] bool FromCache
)
{
    /// <summary>Sources left out because their connection needs the person ("Reconnect Google to see your mail.").</summary>
    [JsonPropertyName("reconnect")]
    public IReadOnlyList<DigestReconnect> Reconnect { get; init; } = [];
}

/// <param name="Message">What to tell the person, e.g. "Reconnect Google to see your mail."</param>
public sealed record DigestReconnect(
    [property: JsonPropertyName("datasource")] string Datasource,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("message")] string Message
);

/// <param name="Error">Why this source could not be read (the other sections are still there).</param>
public sealed record DigestSection(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("items")] IReadOnlyList<DigestItem> Items,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("duration_ms")] double DurationMs
);

/// <param name="Kind">What the item is: mention, busy_channel, assigned_issue, review_requested, failed_run, new_order, low_stock,
/// …</param>
/// <param name="Priority">"high", "medium" or "low".</param>
public sealed record DigestItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("actionable")] bool Actionable,
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("author")] string? Author = null
);

/// <summary>Events of GET /api/digest/stream (<c>{"event_type": …}</c>): a section as soon as its source answers, then the whole
/// digest.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event_type")]
[JsonDerivedType(typeof(DigestStartEvent), "digest_start")]
[JsonDerivedType(typeof(DigestSectionEvent), "section")]
[JsonDerivedType(typeof(DigestDoneEvent), "done")]
[JsonDerivedType(typeof(DigestErrorEvent), "error")]
public abstract record DigestEvent;

public sealed record DigestStartEvent(
    [property: JsonPropertyName("since")] DateTimeOffset Since,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources
) : DigestEvent;

public sealed record DigestSectionEvent([property: JsonPropertyName("section")] DigestSection Section) : DigestEvent;

public sealed record DigestDoneEvent([property: JsonPropertyName("digest")] DigestResponse Digest) : DigestEvent;

public sealed record DigestErrorEvent([property: JsonPropertyName("error")] string Error) : DigestEvent;
