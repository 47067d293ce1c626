using System.Text.Json;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// Reads what a tool result is made of from its shape, not from which tool sent it: the array that holds a
/// list's items, the column descriptors that head a grid of rows, and how much of the list came back. The list
/// conventions are the connector kit's (ToolResults.List in Mosaic.Connectors.Common): items under one key, then
/// returned, total, has_more, truncated, more, next_cursor and note. Results of other MCP servers go by the same rules.
/// </summary>
internal static class ResultShape
{
    /// <summary>Paging bookkeeping: said once, in the cut line, instead of as notes.</summary>
    public static readonly string[] PagingKeys = ["returned", "total", "has_more", "truncated", "more"];

    /// <summary>Where a page starts and how long it is: bookkeeping for the next call, never news for a person.</summary>
    public static readonly string[] PageKeys = ["page", "per_page", "offset", "limit", "start_at", "max_results"];

    /// <summary>Keys that name the thing a record is about; a top-level one (or a nested object with one) makes a record.</summary>
    public static readonly string[] SubjectKeys = ["title", "name", "key", "subject", "summary", "full_name"];

    /// <summary>
    /// The array holding a list result's items, or null when the object is one record (an issue, an order, a
    /// document) whose arrays are its parts. A kit list (it has <c>returned</c>) is always a list.
    /// </summary>
    public static JsonProperty? Items(JsonElement obj)
    {
        var arrays = obj.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
        if (arrays.Count == 0)
            return null;
        var returned = Int(obj, "returned");
        if (returned is null && IsRecord(obj))
            return null;
        // Column descriptors head their rows; they are never the data themselves.
        var candidates = arrays.Where(a => !arrays.Any(r => r.Name != a.Name && Describes(a.Value, r.Value))).ToList();
        if (candidates.Count == 0)
            candidates = arrays;
        // The kit writes the items first, so the first array of the returned length is them.
        var exact = candidates.Where(a => a.Value.GetArrayLength() == returned).ToList();
        if (exact.Count > 0)
            return exact[0];
        // A grid of rows is what a query returned; otherwise the biggest list of records is what the person asked for.
        return candidates.OrderByDescending(a => IsGrid(a.Value)).ThenByDescending(a => a.Value.GetArrayLength()).First();
    }

    /// <summary>The column names that head <paramref name="rows"/>: a sibling array of {name, …} objects that fits them.</summary>
    public static IReadOnlyList<string>? HeaderFor(JsonElement obj, JsonProperty rows) =>
        DescribedBy(obj, rows) is { } d ? d.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString() ?? "").ToList() : null;

    /// <summary>The sibling array of column descriptors that fits <paramref name="rows"/>, if there is one.</summary>
    public static JsonProperty? DescribedBy(JsonElement obj, JsonProperty rows)
    {
        foreach (var p in obj.EnumerateObject())
            if (p.Name != rows.Name && p.Value.ValueKind == JsonValueKind.Array && Describes(p.Value, rows.Value))
                return p;
        return null;
    }

    /// <summary>
    /// True when every item of <paramref name="header"/> is an object with a string <c>name</c> and the rows
    /// have exactly that many cells (arrays) or carry every one of those names (objects).
    /// </summary>
    public static bool Describes(JsonElement header, JsonElement rows)
    {
        if (header.GetArrayLength() == 0 || rows.GetArrayLength() == 0)
            return false;
        var names = new List<string>();
        foreach (var c in header.EnumerateArray())
        {
            if (c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String)
                return false;
            names.Add(n.GetString()!);
        }
        var first = rows[0];
        return first.ValueKind switch
        {
            JsonValueKind.Array => first.GetArrayLength() == names.Count,
            JsonValueKind.Object => names.All(n => first.TryGetProperty(n, out _)),
            _ => false,
        };
    }

    public static bool IsGrid(JsonElement array) =>
        array.GetArrayLength() > 0 && array.EnumerateArray().All(r => r.ValueKind == JsonValueKind.Array);

    /// <summary>A single thing rather than a list: it names its subject itself, or holds it as a nested object.</summary>
    public static bool IsRecord(JsonElement obj) => HasSubject(obj) || Subject(obj) is not null;

    /// <summary>The nested object a read is about (GitHub's <c>issue</c> or <c>pull_request</c>): the first that names a subject.</summary>
    public static JsonProperty? Subject(JsonElement obj)
    {
        foreach (var p in obj.EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.Object && HasSubject(p.Value))
                return p;
        return null;
    }

    private static bool HasSubject(JsonElement obj) =>
        SubjectKeys.Any(k => obj.TryGetProperty(k, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number);

    public static int? Int(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    public static bool True(JsonElement obj, string name) => obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>
    /// The line that says how much of a list is shown: "Showing 25 of 120 rows." when the total is known, that the
    /// source has more when it only says so, "…and 5 more." when only this answer left some out; null when all is shown.
    /// </summary>
    public static string? CutLine(int shown, int count, JsonElement? list, string? noun)
    {
        int? total = null;
        var hasMore = false;
        var trimmed = false;
        if (list is { ValueKind: JsonValueKind.Object } o)
        {
            total = Int(o, "total") ?? (Int(o, "more") is { } more ? count + more : null);
            hasMore = True(o, "has_more");
            trimmed = True(o, "truncated");
        }
        var what = noun is null ? "" : " " + noun.Replace('_', ' ');
        var cutBySource = trimmed ? " The source cut this page to fit its size limit." : "";
        if (total is { } t && t > shown)
            return $"_Showing {shown} of {t}{what}.{cutBySource}_";
        if (hasMore)
        {
            var first = count > shown ? $" of the first {count}" : "";
            return $"_Showing {shown}{first}{what}; the source has more.{cutBySource}_";
        }
        if (count > shown)
            return $"…and {count - shown} more.";
        return trimmed ? $"_{cutBySource.Trim()}_" : null;
    }
}
