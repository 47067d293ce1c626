using System.Text.Json;
using System.Text.RegularExpressions;
using static Mosaic.Server.Sources.QuestionShapes;
using F = Mosaic.Server.Sources.ToolOutput;

namespace Mosaic.Server.Sources.GoogleWorkspace;

/// <summary>
/// Google Workspace's Offline plans: the calendar over a window ("today", "tomorrow", "this week", the next meeting),
/// the latest or unread e-mails, a Drive search; anything else searches Gmail (the fallback).
/// </summary>
internal static partial class GoogleOfflinePlan
{
    public static PlannedCall Plan(OfflineQuestion q)
    {
        if (Calendar().IsMatch(q.Lower))
            return Events(q);
        if (Drive().IsMatch(q.Lower))
            return DriveSearch(q);
        if (Mail().IsMatch(q.Lower))
            return Emails(q, fallback: false);
        return Emails(q, fallback: true);
    }

    /// <summary>
    /// The calendar over the question's window, in UTC days. "This week" reads forward, as a person planning does: from
    /// today through the next 7 days, whatever the weekday.
    /// </summary>
    private static PlannedCall Events(OfflineQuestion q)
    {
        var today = new DateTimeOffset(q.Now.UtcDateTime.Date, TimeSpan.Zero);
        var next = NextMeeting().IsMatch(q.Lower);
        // A period that reaches back ("in the last 7 days", "yesterday"): the meetings already had, over that window.
        var past =
            next ? null
            : q.Period is { } p && p.Start < today && p.Label is not ("this week" or "this month") ? p
            : null;
        var (from, to, label) =
            past is not null ? (past.Start, past.End, (past.Label.StartsWith("the ", StringComparison.Ordinal) ? "in " : "") + past.Label)
            : next ? (q.Now, q.Now.AddDays(30), "in the next 30 days")
            : q.Lower.Contains("tomorrow") ? (today.AddDays(1), today.AddDays(2), "tomorrow")
            : q.Lower.Contains("today") || q.Lower.Contains("tonight") ? (today, today.AddDays(1), "today")
            : q.Lower.Contains("next week") ? (today.AddDays(7), today.AddDays(14), "next week")
            : (today, today.AddDays(8), "in the next 7 days");
        var arguments = new Dictionary<string, object?> { ["time_min"] = Iso(from), ["time_max"] = Iso(to) };
        if (next)
            arguments["limit"] = 1;
        else if (Count(q) is { } n)
            arguments["limit"] = n;
        return new("get_events", arguments)
        {
            Label = next ? "get_events next meeting" : $"get_events {label}",
            Answer = new()
            {
                Searched = $"your calendar {label}",
                Lead = o =>
                    o.Items.FirstOrDefault() is not { ValueKind: JsonValueKind.Object } first ? null
                    : next ? $"Your next meeting is “{F.Field(first, "summary")}” at {F.Field(first, "start")}."
                    : past is not null
                        ? $"You had {Counted(o, "event", "events")} {label}; the latest was “{F.Field(o.Items[^1], "summary")}” at "
                            + $"{F.Field(o.Items[^1], "start")}."
                    : $"You have {Counted(o, "event", "events")} {label}; the first is “{F.Field(first, "summary")}” at "
                        + $"{F.Field(first, "start")}.",
            },
        };
    }

    /// <summary>Drive files whose name or text holds every word of what is looked for ("the Acme Brew Pro launch plan").</summary>
    private static PlannedCall DriveSearch(OfflineQuestion q)
    {
        var topic = Quoted(q.Query) ?? (DriveTopic().Match(q.Query) is { Success: true } m ? m.Groups["t"].Value : null);
        var words = topic is null ? [.. q.Keywords.Where(w => !Filler.Contains(w))] : Words(topic);
        var phrase = string.Join(' ', words);
        return new(
            "search_drive_files",
            phrase.Length == 0 ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["query"] = phrase }
        )
        {
            Label = phrase.Length == 0 ? "search_drive_files (latest)" : $"search_drive_files query=\"{phrase}\"",
            Answer = new()
            {
                Searched = phrase.Length == 0 ? "your Drive's latest files" : $"Drive files matching “{phrase}”",
                Lead = o =>
                {
                    if (o.Items.FirstOrDefault() is not { ValueKind: JsonValueKind.Object } f)
                        return null;
                    var others = o.Items.Count - 1;
                    var rest =
                        others == 0 ? "" : $"; {Things(others, "other file", "other files")} {(phrase.Length == 0 ? "follow" : "match")}";
                    return $"{(phrase.Length == 0 ? "The latest file" : "The best match")} is “{F.Field(f, "name")}” "
                        + $"({F.Field(f, "type")}, modified {F.Field(f, "modified")} by {F.Field(f, "owner")}){rest}.";
                },
            },
        };
    }

    private static PlannedCall Emails(OfflineQuestion q, bool fallback)
    {
        var search = new List<string>();
        var unread = q.Lower.Contains("unread");
        if (unread)
            search.Add("is:unread");
        if (From().Match(q.Query) is { Success: true } from)
            search.Add($"from:{from.Groups["who"].Value.ToLowerInvariant()}");
        // The question's period as Gmail's after:/before: (seconds since 1970 are exact to the second, unlike dates).
        var period = q.Period;
        if (period is not null)
        {
            search.Add($"after:{period.Start.ToUnixTimeSeconds()}");
            if (period.End < q.Now)
                search.Add($"before:{period.End.ToUnixTimeSeconds()}");
        }
        if (fallback && search.Count == 0 && q.Phrase.Length > 0)
            search.Add(q.Phrase);
        var query = string.Join(' ', search);
        var arguments = new Dictionary<string, object?>();
        if (query.Length > 0)
            arguments["query"] = query;
        if (Count(q) is { } n)
            arguments["limit"] = n;
        var during = period is null ? "" : $" {(period.Label.StartsWith("the ", StringComparison.Ordinal) ? "in " : "")}{period.Label}";
        var shown = string.Join(
            ' ',
            search.Where(t => !t.StartsWith("after:", StringComparison.Ordinal) && !t.StartsWith("before:", StringComparison.Ordinal))
        );
        var what = (shown.Length == 0 ? (period is null ? "your latest e-mails" : "your e-mails") : $"e-mails matching “{shown}”") + during;
        return new("list_messages", arguments)
        {
            Label = query.Length == 0 ? "list_messages (latest)" : $"list_messages query=\"{query}\"",
            Fallback = fallback,
            Answer = new()
            {
                Searched = what,
                Lead = o =>
                    o.Items.FirstOrDefault() is not { ValueKind: JsonValueKind.Object } m
                        ? null
                        : (
                            unread ? $"You have {Counted(o, "unread e-mail", "unread e-mails")}{during}; the latest"
                            : period is not null ? $"You got {Counted(o, "e-mail", "e-mails")}{during}; the latest"
                            : "Your latest e-mail"
                        ) + $" is from {F.Field(m, "from")}: “{F.Field(m, "subject")}” ({F.Field(m, "date")}).",
            },
        };
    }

    // Words that say where to look, not what: a Drive search for them finds nothing useful.
    private static readonly HashSet<string> Filler = new(
        ["the", "a", "an", "my", "our", "doc", "docs", "document", "file", "files", "drive", "google", "in", "on", "for", "me"],
        StringComparer.OrdinalIgnoreCase
    );

    private static IReadOnlyList<string> Words(string topic) =>
        [.. Regex.Split(topic.Trim(' ', '?', '.', '!'), @"\s+").Where(w => w.Length > 0 && !Filler.Contains(w))];

    [GeneratedRegex(@"\b(calendar|meetings?|events?|schedule|agenda|appointments?)\b")]
    private static partial Regex Calendar();

    [GeneratedRegex(@"\bnext\s+(meeting|event|call|appointment)\b")]
    private static partial Regex NextMeeting();

    [GeneratedRegex(@"\b(drive|docs?|documents?|sheets?|spreadsheets?|slides)\b")]
    private static partial Regex Drive();

    [GeneratedRegex(@"\b(?:for|named|called|about|titled)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DriveTopic();

    [GeneratedRegex(@"\b(e-?mails?|mails?|inbox|gmail)\b")]
    private static partial Regex Mail();

    [GeneratedRegex(@"\bfrom\s+(?<who>[A-Z][a-z]+|[\w.+-]+@[\w.-]+)")]
    private static partial Regex From();
}
