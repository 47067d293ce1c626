using System.Text;
using System.Text.Json;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// One JSON array as markdown: records become a table (names linked when the source gives a URL), rows of cells
/// a table under their column names, anything else a bulleted list. Each returns how many items it showed.
/// </summary>
internal static class MarkdownTables
{
    public const int MaxRows = 25,
        MaxColumns = 6,
        MaxGridColumns = 12,
        MaxCell = 80;
    public static readonly string[] LinkKeys = ["html_url", "web_url", "url", "permalink", "webViewLink", "link", "href"];
    private static readonly string[] LabelKeys = ["title", "name", "key", "subject", "summary", "full_name", "text", "number", "id"];

    public static int Render(StringBuilder sb, JsonElement array, IReadOnlyList<string>? header)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            sb.AppendLine("No results.");
            return 0;
        }
        if (items.All(i => i.ValueKind == JsonValueKind.Array))
            return Grid(sb, items, header);
        if (items.Any(i => i.ValueKind != JsonValueKind.Object))
        {
            foreach (var i in items.Take(MaxRows))
                sb.AppendLine($"- {Inline(i)}");
            return Math.Min(items.Count, MaxRows);
        }
        Records(sb, items, header);
        return Math.Min(items.Count, MaxRows);
    }

    private static void Records(StringBuilder sb, List<JsonElement> rows, IReadOnlyList<string>? header)
    {
        var keys = rows.Take(20).SelectMany(r => r.EnumerateObject().Where(p => IsScalar(p.Value)).Select(p => p.Name)).Distinct().ToList();
        var linkKey = LinkKeys.FirstOrDefault(keys.Contains);
        var columns = keys.Where(k => k != linkKey && !LinkKeys.Contains(k)).ToList();
        // Machine references (Slack's ts, channel_id, user_id…) say nothing to a reader when there is anything else.
        var readable = columns.Where(k => !IsMachineId(k)).ToList();
        columns = (readable.Count >= 2 ? readable : columns).Take(MaxColumns).ToList();
        if (columns.Count == 0)
            columns = keys.Take(MaxColumns).ToList();
        // Column descriptors from the source say which fields matter, in their order.
        if (header is { Count: > 0 })
            columns = header.Take(MaxGridColumns).ToList();
        var labelKey = LabelKeys.FirstOrDefault(columns.Contains) ?? columns.FirstOrDefault();
        var addLinkColumn = linkKey is not null && labelKey is null;

        sb.AppendLine("| " + string.Join(" | ", columns.Append(addLinkColumn ? "link" : null).OfType<string>()) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", columns.Count + (addLinkColumn ? 1 : 0))));
        foreach (var row in rows.Take(MaxRows))
        {
            var url =
                linkKey is not null && row.TryGetProperty(linkKey, out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var cells = columns
                .Select(c =>
                {
                    var value = row.TryGetProperty(c, out var v) ? Inline(v) : "";
                    return c == labelKey && IsHttp(url) && value.Length > 0 ? $"[{value}]({url})" : value;
                })
                .ToList();
            if (addLinkColumn)
                cells.Add(IsHttp(url) ? $"[open]({url})" : "");
            sb.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
    }

    /// <summary>
    /// Rows of cells (a query's result, a sheet's values). Without column names from the source, a first row of
    /// words is the header, as in a spreadsheet; otherwise columns are numbered.
    /// </summary>
    private static int Grid(StringBuilder sb, List<JsonElement> rows, IReadOnlyList<string>? header)
    {
        var width = rows.Max(r => r.GetArrayLength());
        if (
            header is null
            && rows.Count > 1
            && rows[0].GetArrayLength() == width
            && rows[0].EnumerateArray().All(c => c.ValueKind == JsonValueKind.String && c.GetString()!.Trim().Length > 0)
        )
        {
            header = rows[0].EnumerateArray().Select(c => c.GetString()!).ToList();
            rows = rows.Skip(1).ToList();
        }
        var names = Enumerable
            .Range(0, width)
            .Select(i => header is not null && i < header.Count ? header[i] : $"column {i + 1}")
            .Select(Cell)
            .ToList();
        var shownColumns = Math.Min(width, MaxGridColumns);
        var hidden = width - shownColumns;
        sb.AppendLine("| " + string.Join(" | ", names.Take(shownColumns)) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", shownColumns)));
        foreach (var row in rows.Take(MaxRows))
        {
            var cells = row.EnumerateArray().Take(shownColumns).Select(Inline).ToList();
            while (cells.Count < shownColumns)
                cells.Add("");
            sb.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
        if (hidden > 0)
            sb.AppendLine($"\n_{hidden} more column(s) not shown: {string.Join(", ", names.Skip(shownColumns))}._");
        return Math.Min(rows.Count, MaxRows);
    }

    /// <summary>How many rows a grid holds once a header row taken from it is left out.</summary>
    public static int DataRows(JsonElement array, IReadOnlyList<string>? header)
    {
        var n = array.GetArrayLength();
        if (header is not null || n < 2 || !ResultShape.IsGrid(array))
            return n;
        var first = array[0];
        var width = array.EnumerateArray().Max(r => r.GetArrayLength());
        var wordy =
            first.GetArrayLength() == width
            && first.EnumerateArray().All(c => c.ValueKind == JsonValueKind.String && c.GetString()!.Trim().Length > 0);
        return wordy ? n - 1 : n;
    }

    public static bool IsMachineId(string key) =>
        key is "ts" or "thread_ts" or "node_id" or "etag" || key.EndsWith("_id", StringComparison.Ordinal);

    public static bool IsHttp(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal));

    public static bool IsScalar(JsonElement v) => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    public static string ScalarText(JsonElement v) =>
        v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Null => "",
            _ => v.GetRawText(),
        };

    /// <summary>A value on one line: scalars as they are, a list of scalars joined, anything deeper as compact JSON.</summary>
    public static string Inline(JsonElement v)
    {
        if (IsScalar(v))
            return Cell(ScalarText(v));
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(IsScalar))
            return Cell(string.Join(", ", v.EnumerateArray().Select(ScalarText)));
        return $"`{Trim(v.GetRawText().Replace("`", "'"), MaxCell * 2)}`";
    }

    public static string Cell(string s) => Trim(s.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " "), MaxCell);

    public static string Trim(string s, int max) => TextClip.Ellipsize(s, max);
}
