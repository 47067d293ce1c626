using System.Text.Json;
using System.Text.RegularExpressions;
using static Mosaic.Server.Sources.QuestionShapes;
using F = Mosaic.Server.Sources.ToolOutput;

namespace Mosaic.Server.Sources.Slack;

/// <summary>
/// Slack's Offline plans: a channel's messages (over the question's period), a message search, the
/// channels, the people, the DMs; anything else searches messages for the question's words (the fallback).
/// </summary>
internal static partial class SlackOfflinePlan
{
    public static async Task<PlannedCall?> PlanAsync(OfflineQuestion q, CancellationToken ct)
    {
        if (SlackSource.Channel().Match(q.Query) is { Success: true } channel)
            return Topic().IsMatch(q.Lower) ? ChannelTopic(channel.Groups["c"].Value) : Channel(q, channel.Groups["c"].Value);
        if ((Search().IsMatch(q.Lower) || WhoDid().IsMatch(q.Lower)) && (Quoted(q.Query) ?? Phrase(q)) is { Length: > 0 } words)
            return SearchFor(words, fallback: false);
        if (Channels().IsMatch(q.Lower))
            return Listing("list_channels", "the Slack channels you can see", o =>
                $"You can see {Counted(o, "channel", "channels")}: " + Join(o.Items.Select(c => $"#{F.Field(c, "name")}")) + "."
            );
        if (Dms().IsMatch(q.Lower))
            return Listing("list_dms", "your Slack direct messages", o => $"You have {Counted(o, "direct message", "direct messages")}.");
        if (People().IsMatch(q.Lower) && Active().IsMatch(q.Lower))
            return await ActiveMembersAsync(q, ct);
        if (People().IsMatch(q.Lower))
            return Listing("list_users", "the people in the Slack workspace", o => $"The workspace has {Counted(o, "member", "members")}.");
        return q.Phrase.Length > 0 ? SearchFor(q.Phrase, fallback: true) : null;
    }

    private static PlannedCall Channel(OfflineQuestion q, string name)
    {
        var arguments = new Dictionary<string, object?> { ["channel"] = name };
        var period = q.Period;
        if (period is not null)
        {
            arguments["oldest"] = Iso(period.Start);
            if (period.End < q.Now)
                arguments["latest"] = Iso(period.End);
        }
        if (Count(q) is { } n)
            arguments["limit"] = n;
        var during = period is null ? "" : $" {(period.Label.StartsWith("the ", StringComparison.Ordinal) ? "in " : "")}{period.Label}";
        // "Who reproduced the double-charge bug in #checkout-eng?": the channel's messages about those words, best match first.
        var words = TopicWords(q.Query);
        var about = words.Count == 0 ? "" : $" mentioning “{string.Join(' ', words)}”";
        return new("read_messages", arguments)
        {
            Label = $"read messages #{name}{during}",
            Answer = new()
            {
                Searched = $"the messages in #{name}{during}{about}",
                Focus = words,
                Lead = o =>
                    words.Count > 0
                        ? Best(o, words) is { } b
                            ? $"In #{name}, {F.Field(b, "user") ?? "someone"} wrote ({F.Field(b, "time")}): “{Clip(F.Field(b, "text"))}”"
                            : null
                        : o.Items.FirstOrDefault() is { ValueKind: JsonValueKind.Object } m
                            ? $"The latest message in #{name} is from {F.Field(m, "user") ?? "someone"} ({F.Field(m, "time")}): "
                                + $"“{Clip(F.Field(m, "text"))}”"
                            : null,
            },
        };
    }

    /// <summary>The focused message that mentions most of the words (the newest of those): the one the question is about.</summary>
    private static JsonElement? Best(F o, IReadOnlyList<string> words) =>
        Focused(o, words) is { Count: > 0 } hits
            ? hits.OrderByDescending(m => words.Count(w => OfflineAnswer.Mentions(m, [w]))).First()
            : null;

    /// <summary>A channel's topic and purpose, from the channel list (there is no one-channel read).</summary>
    private static PlannedCall ChannelTopic(string name) =>
        new("list_channels", new Dictionary<string, object?> { ["limit"] = 200 })
        {
            Label = $"topic of #{name}",
            Answer = new()
            {
                Searched = $"the Slack channel #{name}",
                Focus = [$"\"{name}\""],
                Lead = o =>
                    o.Items.FirstOrDefault(c => string.Equals(F.Field(c, "name"), name, StringComparison.OrdinalIgnoreCase))
                        is { ValueKind: JsonValueKind.Object } c
                        ? F.Field(c, "topic") is { Length: > 0 } topic
                            ? $"The topic of #{name} is “{topic}”."
                            : $"#{name} has no topic set."
                        : null,
            },
        };

    /// <summary>
    /// "Active" members: not deactivated and not bots. The list cannot filter them, so the plan reads it first and shows
    /// only the active people's rows.
    /// </summary>
    private static async Task<PlannedCall> ActiveMembersAsync(OfflineQuestion q, CancellationToken ct)
    {
        var users = await PeekAsync(q, SlackSource.Id, "list_users", new Dictionary<string, object?> { ["limit"] = 200 }, ct);
        var active = Array(users, "users")
            .Where(u => F.Field(u, "deleted") != "true" && F.Field(u, "is_bot") != "true")
            .Select(u => F.Field(u, "id"))
            .OfType<string>()
            .ToList();
        return new("list_users", new Dictionary<string, object?> { ["limit"] = 200 })
        {
            Answer = new()
            {
                Searched = "the active people in the Slack workspace",
                // No read (an error, no Slack): every row, and the call itself says what went wrong.
                Focus = active,
                Lead = o =>
                    Focused(o, active) is { Count: > 0 } people
                        ? $"The workspace has {Things(people.Count, "active member", "active members")}: "
                            + $"{Join(people.Select(p => F.Field(p, "name") ?? "?"))}."
                        : null,
            },
        };
    }

    private static PlannedCall SearchFor(string words, bool fallback) =>
        new("search_messages", new Dictionary<string, object?> { ["query"] = words })
        {
            Label = $"search messages \"{words}\"",
            Fallback = fallback,
            Answer = new()
            {
                Searched = $"Slack messages matching “{words}”",
                Lead = o =>
                    o.Items.Count == 0
                        ? null
                        : $"{Counted(o, "message matches", "messages match")} “{words}”"
                            + (
                                o.Items[0] is var m && F.Field(m, "user") is { } who
                                    ? $"; the latest is from {who} in #{F.Field(m, "channel")?.TrimStart('#')}: "
                                        + $"“{Clip(F.Field(m, "text"))}”"
                                    : ""
                            )
                            + ".",
            },
        };

    private static PlannedCall Listing(string tool, string searched, Func<F, string> lead) =>
        new(tool)
        {
            Answer = new() { Searched = searched, Lead = o => o.Items.Count == 0 ? null : lead(o) },
        };

    /// <summary>After "search messages for", "messages about": the words to look for, else the question's keywords.</summary>
    private static string Phrase(OfflineQuestion q) =>
        SearchTopic().Match(q.Query) is { Success: true } m && TopicWords(m.Groups["t"].Value) is { Count: > 0 } words
            ? string.Join(' ', words)
            : string.Join(' ', TopicWords(q.Query));

    /// <summary>
    /// The words a message about the question would contain: its keywords without the words that only say "messages" or
    /// "Slack", and the numbers it names ("#1042", "#91") in place of what they number ("order", "PR").
    /// </summary>
    internal static IReadOnlyList<string> TopicWords(string text)
    {
        var numbers = Numbered().Matches(text).Select(m => m.Value).Distinct().ToList();
        var rest = NotTopic().Replace(SlackSource.Channel().Replace(text, " "), " ");
        if (numbers.Count > 0)
            rest = NumberedKinds().Replace(rest, " ");
        return [.. SourceKeywords.Of(rest), .. numbers];
    }

    private static string? Clip(string? text) => text is { Length: > 160 } ? text[..157].TrimEnd() + "…" : text;

    [GeneratedRegex(@"\b(search|find|look for|mentions?|mentioning)\b")]
    private static partial Regex Search();

    [GeneratedRegex(@"\b(?:for|about|mentioning)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SearchTopic();

    /// <summary>"Who asked Alice to review…", "who reproduced…": who wrote a message, found by a search.</summary>
    [GeneratedRegex(@"^\s*who\s+(?!is\b|are\b|was\b|were\b|'s\b)[a-z]+")]
    private static partial Regex WhoDid();

    [GeneratedRegex(@"\b(topic|purpose)\b")]
    private static partial Regex Topic();

    [GeneratedRegex(@"\b(active|current|still)\b")]
    private static partial Regex Active();

    /// <summary>"#1042", "#91": what the question numbers, as a message writes it.</summary>
    [GeneratedRegex(@"#\d+\b")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\b(orders?|prs?|pull requests?|issues?|tickets?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedKinds();

    /// <summary>Words that say where or when something was said, or that it was said, rather than what about.</summary>
    [GeneratedRegex(
        @"\b(slack|channels?|messages?|threads?|conversations?|latest|recent|newest|last|read|show|list|get|tell|search|find|look|"
            + @"say|says|said|saying|ask|asks|asked|asking|post|posts|posted|wrote|write|talk|talked|talking|discuss|discussed|"
            + @"mention|mentions|mentioned|mentioning|happening|happened|going|new|news|lately|people|anyone|someone|everyone|"
            + @"summary|summari[sz]e|today|yesterday|days?|weeks?|months?|hours?|since|past|ago|up)\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex NotTopic();

    [GeneratedRegex(@"\bchannels\b")]
    private static partial Regex Channels();

    [GeneratedRegex(@"\b(dms|direct messages)\b")]
    private static partial Regex Dms();

    [GeneratedRegex(
        @"\b(users|people|members|who is in|who's in)\b.*\b(slack|workspace)\b|\b(list|which|show)\s+(the\s+)?(users|people|members)\b"
    )]
    private static partial Regex People();
}
