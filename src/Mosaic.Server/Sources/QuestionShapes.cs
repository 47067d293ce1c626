using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Sources;

/// <summary>
/// The question shapes the built-in sources' Offline plans share ("who is working on…", "the latest 5…"), and the small
/// pieces their answers are built from. What-changed questions are <see cref="WhatsNewPlan"/>'s, before any source's plan.
/// </summary>
public static partial class QuestionShapes
{
    /// <summary>The topic of "who is working on X" / "who owns X" / "who is fixing X"; null for any other question.</summary>
    public static string? WorkingOn(OfflineQuestion q) =>
        WhoWorks().Match(q.Query) is { Success: true } m && m.Groups["t"].Value.Trim(' ', '?', '.', '!') is { Length: > 0 } topic
            ? topic
            : null;

    /// <summary>The text in quotes, "invoice" or “invoice”; null when there is none.</summary>
    public static string? Quoted(string query) =>
        QuotedText().Match(query) is { Success: true } m && m.Groups["q"].Value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>How many were asked for: "top 5", "the last 3", "10 most recent" (not a period: "the last 24 hours"); else null.</summary>
    public static int? Count(OfflineQuestion q) =>
        CountWords().Match(q.Lower) is { Success: true } m
        && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && n is > 0 and <= 100
            ? n
            : null;

    /// <summary>"latest", "recent", "newest", "last": the newest items first.</summary>
    public static bool AsksLatest(OfflineQuestion q) => LatestWords().IsMatch(q.Lower);

    /// <summary>"1 issue", "3 issues".</summary>
    public static string Things(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }

    /// <summary>
    /// The lead of "who is working on X": each person with their items, in the order found ("Bob Martinez is working on it:
    /// ACME-142 (In Progress).", "Bob Martinez is working on ACME-142; Carol Singh on ACME-140."); null when nobody is named.
    /// </summary>
    public static string? WorkingLead(IEnumerable<(string? Person, string Item)> work)
    {
        var people = work.Where(w => !string.IsNullOrWhiteSpace(w.Person))
            .GroupBy(w => w.Person!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Person: g.Key, Items: Join(g.Select(w => w.Item).Distinct())))
            .ToList();
        return people.Count switch
        {
            0 => null,
            1 => $"{people[0].Person} is working on it: {people[0].Items}.",
            _ => $"{people[0].Person} is working on {people[0].Items}; "
                + $"{string.Join("; ", people.Skip(1).Select(p => $"{p.Person} on {p.Items}"))}.",
        };
    }

    /// <summary>How many a list holds, in words: its total when the source said it, else "at least N" when there is more.</summary>
    public static string Counted(ToolOutput o, string one, string many) =>
        o.Total is { } total ? Things(total, one, many)
        : o.HasMore ? $"at least {Things(o.Items.Count, one, many)}"
        : Things(o.Items.Count, one, many);

    /// <summary>The items a Focus keeps (any field contains one of the words), so a lead speaks of what is shown.</summary>
    public static IReadOnlyList<JsonElement> Focused(ToolOutput o, IReadOnlyList<string> focus) =>
        focus.Count == 0 ? o.Items : [.. o.Items.Where(i => OfflineAnswer.Mentions(i, focus))];

    /// <summary>Whether every word appears in the text, as a word's start ("charge" in "double-charges").</summary>
    public static bool HasAll(string text, IReadOnlyList<string> words) =>
        words.All(w => Regex.IsMatch(text, $@"\b{Regex.Escape(w)}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>
    /// A read a plan makes before it decides (the buckets to search, the repository's issues): its structured result,
    /// or null when the source cannot answer (the planned call will then say why).
    /// </summary>
    public static async Task<JsonElement?> PeekAsync(
        OfflineQuestion q,
        string source,
        string tool,
        IReadOnlyDictionary<string, object?> arguments,
        CancellationToken ct
    )
    {
        try
        {
            var args = arguments.ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value));
            var result = await q.Hub.CallToolAsync(q.UserId, source, tool, args, ct);
            return result.IsError ? null : result.Structured;
        }
        catch (McpHubException e)
        {
            q.Logger.LogDebug("The Offline plan's {Tool} on {Source} failed: {Error}", tool, source, e.Message);
            return null;
        }
    }

    /// <summary>A list field of an item as its strings (["bobm", "carol-s"]); a plain string as the only one; else none.</summary>
    public static IReadOnlyList<string> Strings(JsonElement item, string path)
    {
        var v = item;
        foreach (var part in path.Split('.'))
            if (v.ValueKind != JsonValueKind.Object || !v.TryGetProperty(part, out v))
                return [];
        return v.ValueKind switch
        {
            JsonValueKind.Array => [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)],
            JsonValueKind.String => [v.GetString()!],
            _ => [],
        };
    }

    /// <summary>A JSON array property of a result, or nothing.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement? result, string name) =>
        result is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray()
            : [];

    /// <summary>A time as the connectors read it ("2025-06-16T15:00:00Z").</summary>
    public static string Iso(DateTimeOffset t) => Mosaic.Connectors.Common.Results.WhatsNewWindow.Iso(t);

    [GeneratedRegex(
        @"\bwho(?:'s|\s+is|\s+are)?\s+(?:working\s+on|handling|fixing|owns|owning|on|assigned\s+to|responsible\s+for)\s+(?<t>.+)$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex WhoWorks();

    [GeneratedRegex("[\"“”](?<q>[^\"“”]+)[\"“”]")]
    private static partial Regex QuotedText();

    [GeneratedRegex(
        @"\b(?:top|last|latest|first|newest|recent)\s+(?<n>\d{1,3})\b(?!\s*(?:hours?|days?|weeks?|months?|years?|minutes?)\b)"
            + @"|\b(?<n>\d{1,3})\s+(?:most\s+recent|latest|newest|last)\b"
    )]
    private static partial Regex CountWords();

    [GeneratedRegex(@"\b(latest|recent|newest|most recent|last)\b")]
    private static partial Regex LatestWords();
}
