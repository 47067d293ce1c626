using System.Text.Json.Serialization;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

public sealed record EventInfo(
    string Id,
    string Summary,
    string Start,
    string? End,
    bool AllDay,
    string? Location,
    string? Organizer,
    string[]? Attendees,
    int? AttendeeCount,
    string? Description,
    string? MeetLink,
    bool Recurring,
    string Link
);

public sealed record MessageInfo(
    string Id,
    string ThreadId,
    string? Subject,
    string? From,
    string? To,
    string? Cc,
    string? Date,
    string? Snippet,
    string[] Labels,
    bool Unread,
    bool Important,
    string[]? Attachments,
    string? Body,
    string Link
);

public sealed record FileInfo(
    string Id,
    string Name,
    string Type,
    string MimeType,
    string? Modified,
    string? Owner,
    string? Size,
    string? Description,
    string Link
);

/// <summary>Source-generated JSON for the tool results (no reflection: Native AOT friendly).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(EventInfo))]
[JsonSerializable(typeof(MessageInfo))]
[JsonSerializable(typeof(FileInfo))]
internal sealed partial class GoogleJson : JsonSerializerContext;
