using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Sources.Slack;

/// <summary>Slack: messages, channels, DMs and the people who write them.</summary>
public sealed partial class SlackSource : IBuiltInSource
{
    public const string Id = "slack";

    public SourceDefinition Definition { get; } =
        new()
        {
            Id = Id,
            Name = "Slack",
            Icon = "slack",
            Assembly = "Mosaic.Connectors.Slack",
            Description = "Search messages, channels, and users",
            CredentialFields =
            [
                new("bot_token", "Bot Token", "password", true, "SLACK_BOT_TOKEN") { Placeholder = "xoxb-…" },
                new("user_token", "User Token", "password", false, "SLACK_USER_TOKEN") { Help = "Needed for message search." },
                new("api_url", "API URL", "url", false, "SLACK_API_URL") { Location = true, Help = "Leave empty for slack.com." },
                new("default_channel", "Default channel", "text", false, null) { Placeholder = "#general" },
            ],
            DirectRouting =
            [
                new(["search"], "search_messages"),
                new(["channel", "channels"], "list_channels"),
                new(["dm", "dms", "direct message"], "list_dms"),
                new(["user", "users", "who"], "list_users"),
                new(["message", "messages"], "read_messages"),
            ],
        };

    public SourcePresentation Presentation { get; } =
        new(
            "oklch(59.1% 0.293 322.896)",
            null,
            ["Read the latest messages in #checkout-eng", "Search messages for \"checkout\"", "Which channels can I see?"]
        );

    public IReadOnlyList<string> NameWords { get; } = ["slack"];

    public IReadOnlyList<WordSignal> Words { get; } =
    [
        new(0.9, ["slack"]),
        new(
            0.5,
            [
                "channel",
                "channels",
                "thread",
                "threads",
                "dm",
                "dms",
                "said",
                "say",
                "says",
                "mention",
                "mentioned",
                "mentions",
                "discuss",
                "discussed",
                "discussion",
                "chat",
                "conversation",
                "posted",
                "announce",
                "announced",
                "announcement",
                "team",
            ]
        ),
        new(0.3, ["message", "messages", "talking", "asked", "ping", "pinged", "standup", "incident", "outage", "blocked", "blocking"]),
        // Broad "what is happening with X" questions: teams talk about bugs and incidents in chat first.
        new(0.3, ["bug", "bugs", "broken", "problem", "complaints", "complaining"], "mentions \"{0}\" (teams discuss those in chat first)"),
        new(0.3, ["going", "happening"], "asks what is happening (teams discuss that in chat first)"),
    ];

    public IReadOnlyList<Regex> NamedItems { get; } = [Channel()];

    public IEnumerable<Signal> Entities(string query) =>
        Channel().Matches(query).Select(m => new Signal(Id, 1.0, $"names the channel #{m.Groups["c"].Value}"));

    public Signal? Person(string name) => new(Id, 0.5, $"mentions {name}, who is on Slack");

    public async ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct) =>
        await SlackOfflinePlan.PlanAsync(q, ct);

    /// <summary>"#general", "(#checkout-eng": a channel by name.</summary>
    [GeneratedRegex(@"(?<=^|[\s(])#(?<c>[a-z][\w\-]*)", RegexOptions.IgnoreCase)]
    internal static partial Regex Channel();
}
