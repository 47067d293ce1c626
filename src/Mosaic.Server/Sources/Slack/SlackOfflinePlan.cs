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
    public static PlannedCall? Plan(OfflineQuestion q)
    {
        if (SlackSource.Channel().Match(q.Query) is { Success: true } channel)
            return Channel(q, channel.Groups["c"].Value);
        if (Search().IsMatch(q.Lower) && (Quoted(q.Query) ?? Phrase(q)) is { Length: > 0 } words)
            return SearchFor(words, fallback: false);
        if (Channels().IsMatch(q.Lower))
            return Listing("list_channels", "the Slack channels you can see", o =>
                $"You can see {Counted(o, "channel", "channels")}: " + Join(o.Items.Select(c => $"#{F.Field(c, "name")}")) + "."
            );
        if (Dms().IsMatch(q.Lower))
            return Listing("list_dms", "your Slack direct messages", o => $"You have {Counted(o, "direct message", "direct messages")}.");
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
        return new("read_messages", arguments)
        {
            Label = $"read messages #{name}{during}",
            Answer = new()
            {
                Searched = $"the messages in #{name}{during}",
                Lead = o =>
                    o.Items.FirstOrDefault() is { ValueKind: JsonValueKind.Object } m
                        ? $"The latest message in #{name} is from {F.Field(m, "user") ?? "someone"} ({F.Field(m, "time")}): "
                            + $"“{Clip(F.Field(m, "text"))}”"
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
        SearchTopic().Match(q.Query) is { Success: true } m && SourceKeywords.Of(m.Groups["t"].Value) is { Count: > 0 } words
            ? string.Join(' ', words)
            : q.Phrase;

    private static string? Clip(string? text) => text is { Length: > 160 } ? text[..157].TrimEnd() + "…" : text;

    [GeneratedRegex(@"\b(search|find|look for|mentions?|mentioning)\b")]
    private static partial Regex Search();

    [GeneratedRegex(@"\b(?:for|about|mentioning)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SearchTopic();

    [GeneratedRegex(@"\bchannels\b")]
    private static partial Regex Channels();

    [GeneratedRegex(@"\b(dms|direct messages)\b")]
    private static partial Regex Dms();

    [GeneratedRegex(
        @"\b(users|people|members|who is in|who's in)\b.*\b(slack|workspace)\b|\b(list|which|show)\s+(the\s+)?(users|people|members)\b"
    )]
    private static partial Regex People();
}
