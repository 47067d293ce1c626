using System.Globalization;
using System.Text.Json;
using Mosaic.Server.Llm.Offline;

namespace Mosaic.Server.Sources;

/// <summary>
/// How an Offline answer reads (docs/architecture.md#offline-answers): the fact it leads with, which items back it,
/// and what was searched, so that finding nothing is said as such. A source's plan attaches one to its call; the
/// Offline client renders the call's result with it. Without a model this is all the "understanding" an answer gets,
/// so it is decided where the question was understood: in the plan.
/// </summary>
public sealed record OfflineAnswer
{
    /// <summary>The sentence the answer leads with, from the tool's output ("There are **42** customers."); null: no lead.</summary>
    public Func<ToolOutput, string?>? Lead { get; init; }

    /// <summary>What was searched, for the honest "not found": "Jira issues matching “refund”", "the customers table".</summary>
    public required string Searched { get; init; }

    /// <summary>Only list items containing one of these (case-insensitive, any field) are shown; empty: all of them.</summary>
    public IReadOnlyList<string> Focus { get; init; } = [];

    /// <summary>At most this many items are shown (the question asked for a top 5); null: the renderer's default.</summary>
    public int? Limit { get; init; }

    /// <summary>Shown under the items, e.g. the SQL that ran.</summary>
    public string? Footnote { get; init; }

    /// <summary>The items of <paramref name="output"/> this answer shows: the focused ones, at most <see cref="Limit"/>.</summary>
    public IReadOnlyList<JsonElement> Shown(ToolOutput output)
    {
        var focused = Focus.Count == 0 ? output.Items : output.Items.Where(i => Mentions(i, Focus)).ToList();
        return Limit is { } n ? focused.Take(n).ToList() : focused;
    }

    /// <summary>True when any field of the item contains one of the words (case-insensitive).</summary>
    public static bool Mentions(JsonElement item, IEnumerable<string> words)
    {
        var text = item.GetRawText();
        return words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// A tool's output as an answer reads it: its list's items (a query's rows as objects keyed by column name; one
/// record, such as an issue or an order, as the only item) and how much of the list the source holds.
/// </summary>
public sealed record ToolOutput
{
    public ToolOutput(string text, JsonElement? json)
    {
        Text = text;
        Json = json;
        (Items, ItemsName) = Read(json);
        if (json is { ValueKind: JsonValueKind.Object } o)
        {
            Total = ResultShape.Int(o, "total");
            HasMore =
                ResultShape.True(o, "has_more") || (o.TryGetProperty("next_cursor", out var c) && c.ValueKind == JsonValueKind.String);
        }
    }

    public string Text { get; }

    public JsonElement? Json { get; }

    public IReadOnlyList<JsonElement> Items { get; }

    /// <summary>The property that holds the list's items ("issues", "rows"); null for one record or plain text.</summary>
    public string? ItemsName { get; }

    /// <summary>The list's <c>total</c>, when the source said it.</summary>
    public int? Total { get; }

    /// <summary>The source has more than it sent (<c>has_more</c>, or a <c>next_cursor</c>).</summary>
    public bool HasMore { get; }

    /// <summary>A field of an item as text, by a case-insensitive dotted path ("status", "fields.status.name"); null when absent.</summary>
    public static string? Field(JsonElement item, string path)
    {
        var current = item;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object)
                return null;
            var found = current.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
            if (found.Value.ValueKind == JsonValueKind.Undefined)
                return null;
            current = found.Value;
        }
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => current.GetRawText(),
        };
    }

    /// <summary>A numeric field of an item, null when absent or not a number.</summary>
    public static decimal? Number(JsonElement item, string path) =>
        decimal.TryParse(Field(item, path), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static (IReadOnlyList<JsonElement>, string?) Read(JsonElement? json)
    {
        if (json is not { } root)
            return ([], null);
        if (root.ValueKind == JsonValueKind.Array)
            return (root.EnumerateArray().ToList(), null);
        if (root.ValueKind != JsonValueKind.Object)
            return ([], null);
        if (ResultShape.Items(root) is not { } items)
            return ([ResultShape.Subject(root)?.Value ?? root], null);
        // A query's rows are arrays under a header of columns: made objects, so a lead can ask for a column by name.
        var header = ResultShape.HeaderFor(root, items);
        var list = items
            .Value.EnumerateArray()
            .Select(row => header is not null && row.ValueKind == JsonValueKind.Array ? AsObject(header, row) : row)
            .ToList();
        return (list, items.Name);
    }

    private static JsonElement AsObject(IReadOnlyList<string> header, JsonElement row)
    {
        var cells = row.EnumerateArray().ToList();
        var obj = new Dictionary<string, JsonElement>();
        for (var i = 0; i < header.Count && i < cells.Count; i++)
            obj[header[i]] = cells[i];
        return JsonSerializer.SerializeToElement(obj);
    }
}
