using System.Text.Json.Serialization;

namespace Mosaic.Connectors.Slack.Tools;

public sealed record ChannelItem(string Id, string Name, bool IsPrivate, bool IsMember, int? Members, string? Topic, string? Purpose);

public sealed record UserItem(
    string Id,
    string Name,
    string Handle,
    string? Title,
    string? Email,
    string? Timezone,
    bool IsBot,
    bool Deleted
);

public sealed record MessageItem(
    string Ts,
    string Time,
    string? User,
    string? UserId,
    string Text,
    string? ThreadTs,
    int? ReplyCount,
    string Permalink
);

public sealed record DmItem(string Id, string? UserId, string? User, string? LastMessage, string? LastTime, string? Permalink);

public sealed record SearchHit(string Ts, string Time, string? User, string? Channel, string? ChannelId, string Text, string? Permalink);

public sealed record SentMessage(string ChannelId, string? Channel, string Ts, string Time, string? ThreadTs, string Permalink);

/// <summary>Source-generated JSON for the tool results (no reflection: Native AOT friendly).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(ChannelItem))]
[JsonSerializable(typeof(UserItem))]
[JsonSerializable(typeof(MessageItem))]
[JsonSerializable(typeof(DmItem))]
[JsonSerializable(typeof(SearchHit))]
[JsonSerializable(typeof(SentMessage))]
internal sealed partial class SlackJson : JsonSerializerContext;
