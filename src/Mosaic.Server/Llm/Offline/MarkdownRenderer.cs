using System.Text;
using System.Text.Json;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// Turns a tool result into markdown a person can read without a model: lists become tables (names linked
/// when the source gives a URL), objects become key/value lists, plain text stays as it is.
/// </summary>
public static class MarkdownRenderer
{
    private const int MaxRows = 25, MaxColumns = 6, MaxCell = 80, MaxText = 6000;
    private static readonly string[] LinkKeys = ["html_url", "web_url", "url", "permalink", "webViewLink", "link", "href"];
    private static readonly string[] LabelKeys = ["title", "name", "key", "subject", "summary", "full_name", "text", "number", "id"];

    public static string Render(string tool, bool isError, string text, JsonElement? structured)
    {
        if (isError) return $"`{tool}` reported an error: {text.Trim()}";
        var json = structured ?? TryParse(text);
        if (json is not { } root) return Cap(text.Trim().Length == 0 ? "(no content)" : text.Trim());
        var sb = new StringBuilder();
        RenderValue(sb, root);
        return sb.Length == 0 ? Cap(text.Trim()) : sb.ToString().TrimEnd();
    }

    private static void RenderValue(StringBuilder sb, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array) { RenderArray(sb, root); return; }
        if (root.ValueKind != JsonValueKind.Object) { sb.AppendLine(Scalar(root)); return; }

        // The biggest list of records is what the person asked for; the rest (cursor, counts) is context.
        var list = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .OrderByDescending(p => p.Value.GetArrayLength()).FirstOrDefault();
        if (list.Value.ValueKind == JsonValueKind.Array)
        {
            RenderArray(sb, list.Value);
            var notes = root.EnumerateObject().Where(p => p.Name != list.Name && IsScalar(p.Value) && p.Value.ValueKind != JsonValueKind.Null);
            foreach (var n in notes) sb.AppendLine($"\n_{n.Name}: {Cell(Scalar(n.Value))}_");
            return;
        }
        foreach (var p in root.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
            sb.AppendLine($"- **{p.Name}**: {Inline(p.Value)}");
    }

    private static void RenderArray(StringBuilder sb, JsonElement array)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Count == 0) { sb.AppendLine("No results."); return; }
        if (items.Any(i => i.ValueKind != JsonValueKind.Object))
        {
            foreach (var i in items.Take(MaxRows)) sb.AppendLine($"- {Inline(i)}");
        }
        else RenderTable(sb, items);
        if (items.Count > MaxRows) sb.AppendLine($"\n…and {items.Count - MaxRows} more.");
    }

    private static void RenderTable(StringBuilder sb, List<JsonElement> rows)
    {
        var keys = rows.Take(20).SelectMany(r => r.EnumerateObject().Where(p => IsScalar(p.Value)).Select(p => p.Name))
            .Distinct().ToList();
        var linkKey = LinkKeys.FirstOrDefault(keys.Contains);
        var columns = keys.Where(k => k != linkKey && !LinkKeys.Contains(k)).ToList();
        // Machine references (Slack's ts, channel_id, user_id…) say nothing to a reader when there is anything else.
        var readable = columns.Where(k => !IsMachineId(k)).ToList();
        columns = (readable.Count >= 2 ? readable : columns).Take(MaxColumns).ToList();
        if (columns.Count == 0) columns = keys.Take(MaxColumns).ToList();
        var labelKey = LabelKeys.FirstOrDefault(columns.Contains) ?? columns.FirstOrDefault();
        var addLinkColumn = linkKey is not null && labelKey is null;

        sb.AppendLine("| " + string.Join(" | ", columns.Append(addLinkColumn ? "link" : null).OfType<string>()) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", columns.Count + (addLinkColumn ? 1 : 0))));
        foreach (var row in rows.Take(MaxRows))
        {
            var url = linkKey is not null && row.TryGetProperty(linkKey, out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var cells = columns.Select(c =>
            {
                var value = row.TryGetProperty(c, out var v) ? Cell(Scalar(v)) : "";
                return c == labelKey && IsHttp(url) && value.Length > 0 ? $"[{value}]({url})" : value;
            }).ToList();
            if (addLinkColumn) cells.Add(IsHttp(url) ? $"[open]({url})" : "");
            sb.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
    }

    private static bool IsMachineId(string key) =>
        key is "ts" or "thread_ts" or "node_id" or "etag" || key.EndsWith("_id", StringComparison.Ordinal);

    private static bool IsHttp(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal));

    private static bool IsScalar(JsonElement v) => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => v.GetRawText(),
    };

    private static string Inline(JsonElement v) => IsScalar(v) ? Cell(Scalar(v)) : $"`{Trim(v.GetRawText(), MaxCell * 2)}`";

    private static string Cell(string s) => Trim(s.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " "), MaxCell);

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Cap(string s) => s.Length <= MaxText ? s : s[..MaxText] + $"\n\n…(truncated, {s.Length - MaxText} more characters)";

    private static JsonElement? TryParse(string text)
    {
        var t = text.TrimStart();
        if (t.Length == 0 || (t[0] != '{' && t[0] != '[')) return null;
        try { return JsonDocument.Parse(t).RootElement.Clone(); }
        catch (JsonException) { return null; }
    }
}
