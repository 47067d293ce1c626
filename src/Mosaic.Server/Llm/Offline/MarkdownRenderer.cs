using System.Text;
using System.Text.Json;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Server.Llm.Offline.MarkdownTables;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// Turns a tool result into markdown a person can read without a model. A list shows its items (a query's rows
/// under their column names, records as a table with names linked) and says how much of it is shown; one record
/// (an issue, an order, a document) shows its facts, then its text in full, then its parts; plain text stays text.
/// What is what comes from the result's shape (<see cref="ResultShape"/>), never from the tool's name.
/// </summary>
public static class MarkdownRenderer
{
    private const int MaxText = 6000,
        MaxItemText = 1500;

    public static string Render(string tool, bool isError, string text, JsonElement? structured)
    {
        if (isError)
            return $"`{tool}` reported an error: {text.Trim()}";
        var json = structured ?? TryParse(text);
        if (json is not { } root)
            return Cap(text.Trim().Length == 0 ? "(no content)" : text.Trim(), MaxText);
        var sb = new StringBuilder();
        RenderValue(sb, root);
        return sb.Length == 0 ? Cap(text.Trim(), MaxText) : sb.ToString().TrimEnd();
    }

    private static void RenderValue(StringBuilder sb, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            List(sb, root, null, null, null);
            return;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            sb.AppendLine(ScalarText(root));
            return;
        }
        if (ResultShape.Items(root) is { } items)
            RenderList(sb, root, items);
        else
            RenderRecord(sb, root);
    }

    private static void RenderList(StringBuilder sb, JsonElement root, JsonProperty items)
    {
        var header = ResultShape.DescribedBy(root, items);
        List(sb, items.Value, root, items.Name, ResultShape.HeaderFor(root, items));
        var kitList = root.TryGetProperty("returned", out _);
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name == items.Name || p.Name == header?.Name || p.Value.ValueKind == JsonValueKind.Null)
                continue;
            if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length == 0)
                continue;
            // The kit's note repeats the cut line and the cursor in words; page numbers say nothing a person needs.
            if (ResultShape.PagingKeys.Contains(p.Name) || ResultShape.PageKeys.Contains(p.Name) || (kitList && p.Name == "note"))
                continue;
            if (IsScalar(p.Value))
            {
                // A cursor matters only as the way to the next page: said so, and copied into the next question whole.
                var value = ScalarText(p.Value);
                sb.AppendLine(
                    p.Name.EndsWith("cursor", StringComparison.Ordinal)
                        ? $"\n_For more, ask again with {p.Name}={Escape(value)}_"
                        : $"\n_{p.Name}: {Cell(value)}_"
                );
            }
            else if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0)
                Part(sb, root, p);
        }
    }

    /// <summary>One array as a table (or rows, or bullets), then the line saying what was left out.</summary>
    private static void List(StringBuilder sb, JsonElement array, JsonElement? owner, string? name, IReadOnlyList<string>? header)
    {
        var count = DataRows(array, header);
        var items = array.EnumerateArray().ToList();
        // Items that carry a text (an e-mail body, a document) are read one after another, not squeezed into cells.
        var shown =
            items.Count > 0 && items.All(i => i.ValueKind == JsonValueKind.Object) && items.Any(HasLongText)
                ? Entries(sb, items)
                : MarkdownTables.Render(sb, array, header);
        if (ResultShape.CutLine(shown, count, owner, name) is { } cut)
            sb.AppendLine().AppendLine(cut);
    }

    private static int Entries(StringBuilder sb, List<JsonElement> items)
    {
        var shown = items.Take(MaxRows / 2).ToList();
        foreach (var item in shown)
        {
            var (label, link) = Label(item);
            sb.AppendLine(link is null ? $"**{label}**" : $"**[{label}]({link})**");
            var texts = item.EnumerateObject()
                .Where(p => LongText(p.Value) && !ResultShape.SubjectKeys.Contains(p.Name))
                .Select(p => p.Value.GetString()!)
                .ToList();
            // A snippet that only starts the body says nothing the body does not.
            bool Repeats(string s) => texts.Any(t => t != s && t.Length > s.Length && Prefix(t, s));
            var facts = item.EnumerateObject()
                .Where(p => IsScalar(p.Value) && p.Value.ValueKind != JsonValueKind.Null)
                .Where(p => !LongText(p.Value) && !LinkKeys.Contains(p.Name))
                .Where(p => !ResultShape.SubjectKeys.Contains(p.Name) && !IsMachineId(p.Name) && p.Name != "id")
                .Where(p => p.Value.ValueKind != JsonValueKind.String || !Repeats(p.Value.GetString()!))
                .Select(p => $"{p.Name}: {Cell(ScalarText(p.Value))}")
                .ToList();
            if (facts.Count > 0)
                sb.AppendLine(string.Join(" · ", facts));
            foreach (var text in texts.Where(t => !Repeats(t)))
                sb.AppendLine().AppendLine(Quote(Cap(text, MaxItemText)));
            sb.AppendLine();
        }
        return shown.Count;
    }

    /// <summary>One thing: its facts (a nested subject's first), its long texts in full, then each list it holds.</summary>
    private static void RenderRecord(StringBuilder sb, JsonElement root)
    {
        var subject = ResultShape.Subject(root);
        var parts = new List<(JsonElement Owner, JsonProperty Part)>();
        var texts = new List<JsonProperty>();
        if (subject is { } s)
            Facts(sb, s.Value, parts, texts, s.Name);
        Facts(sb, root, parts, texts, subject?.Name);
        if (ResultShape.True(root, "truncated") || (subject is { } t && ResultShape.True(t.Value, "truncated")))
            sb.AppendLine().AppendLine("_The source cut this result to fit its size limit._");
        foreach (var text in texts)
            sb.AppendLine().AppendLine($"**{text.Name}**").AppendLine().AppendLine(Quote(Cap(text.Value.GetString()!, MaxText)));
        foreach (var (owner, part) in parts)
            Part(sb, owner, part);
    }

    private static void Facts(
        StringBuilder sb,
        JsonElement obj,
        List<(JsonElement, JsonProperty)> parts,
        List<JsonProperty> texts,
        string? skip
    )
    {
        var labelKey = ResultShape.SubjectKeys.FirstOrDefault(k => obj.TryGetProperty(k, out var v) && IsScalar(v));
        var link = Label(obj).Link;
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Name == skip || p.Value.ValueKind == JsonValueKind.Null)
                continue;
            if (link is not null && LinkKeys.Contains(p.Name) && labelKey is not null)
                continue;
            // A long name or link is still a fact; a long anything else is a text to read.
            if (LongText(p.Value) && (p.Value.GetString()!.Contains('\n') || !(LinkKeys.Contains(p.Name) || p.Name == labelKey)))
                texts.Add(p);
            else if (IsScalar(p.Value))
            {
                var value = Cell(ScalarText(p.Value));
                sb.AppendLine($"- **{p.Name}**: {(p.Name == labelKey && link is not null ? $"[{value}]({link})" : value)}");
            }
            else if (p.Value.ValueKind == JsonValueKind.Array)
            {
                var heads = obj.EnumerateObject()
                    .Any(r => r.Name != p.Name && r.Value.ValueKind == JsonValueKind.Array && ResultShape.Describes(p.Value, r.Value));
                if (p.Value.GetArrayLength() == 0 || heads)
                    continue;
                if (p.Value.EnumerateArray().All(IsScalar))
                    sb.AppendLine($"- **{p.Name}**: {Inline(p.Value)}");
                else
                    parts.Add((obj, p));
            }
            else
                Nested(sb, p, parts);
        }
    }

    /// <summary>
    /// A nested object that is not the subject (a PR's checks, a range): its simple values on one line, its lists as parts.
    /// </summary>
    private static void Nested(StringBuilder sb, JsonProperty p, List<(JsonElement, JsonProperty)> parts)
    {
        var simple = p
            .Value.EnumerateObject()
            .Where(c => c.Value.ValueKind != JsonValueKind.Null && (IsScalar(c.Value) || IsScalarList(c.Value)))
            .Where(c => c.Value.ValueKind != JsonValueKind.Array || c.Value.GetArrayLength() > 0)
            .Select(c => $"{c.Name}: {Inline(c.Value)}")
            .ToList();
        if (simple.Count > 0)
            sb.AppendLine($"- **{p.Name}**: {string.Join("; ", simple)}");
        foreach (var c in p.Value.EnumerateObject())
            if (c.Value.ValueKind == JsonValueKind.Array && c.Value.GetArrayLength() > 0 && !IsScalarList(c.Value))
                parts.Add((p.Value, c));
            else if (c.Value.ValueKind == JsonValueKind.Object)
                sb.AppendLine($"- **{p.Name}.{c.Name}**: {Inline(c.Value)}");
    }

    private static void Part(StringBuilder sb, JsonElement owner, JsonProperty part)
    {
        if (part.Value.EnumerateArray().All(IsScalar))
        {
            sb.AppendLine($"\n_{part.Name}: {Inline(part.Value)}_");
            return;
        }
        sb.AppendLine().AppendLine($"**{part.Name.Replace('_', ' ')}**").AppendLine();
        // "comments_total" beside "comments" says how many there are in all.
        var total = ResultShape.Int(owner, part.Name + "_total") ?? ResultShape.Int(owner, "total_" + part.Name);
        var header = ResultShape.HeaderFor(owner, part);
        var shown = MarkdownTables.Render(sb, part.Value, header);
        var count = Math.Max(DataRows(part.Value, header), total ?? 0);
        if (ResultShape.CutLine(shown, count, null, part.Name) is { } cut)
            sb.AppendLine().AppendLine(cut);
    }

    private static (string Label, string? Link) Label(JsonElement obj)
    {
        var label = ResultShape
            .SubjectKeys.Concat(["number", "id"])
            .Select(k => obj.TryGetProperty(k, out var v) && IsScalar(v) ? ScalarText(v) : null)
            .FirstOrDefault(v => v is { Length: > 0 });
        var link = LinkKeys
            .Select(k => obj.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(IsHttp);
        return (Cell(label ?? "item"), link);
    }

    /// <summary>A text to read rather than a value: several lines, or more than a table cell holds.</summary>
    private static bool LongText(JsonElement v) =>
        v.ValueKind == JsonValueKind.String && v.GetString() is { } s && (s.Length > MaxCell || s.Contains('\n'));

    private static bool HasLongText(JsonElement item) =>
        item.EnumerateObject()
            .Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { } s && (s.Length > 300 || s.Contains('\n')));

    private static bool Prefix(string text, string snippet)
    {
        static string Words(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var start = Words(snippet.TrimEnd('…', '.', ' '));
        return start.Length > 0 && Words(text).StartsWith(start, StringComparison.Ordinal);
    }

    private static bool IsScalarList(JsonElement v) => v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(IsScalar);

    private static string Quote(string text) =>
        string.Join("\n", text.TrimEnd().Split('\n').Select(l => ("> " + l.TrimEnd('\r')).TrimEnd()));

    private static string Escape(string s) => s.Replace("|", "\\|").Replace("_", "\\_");

    private static string Cap(string s, int max) => TextClip.Clip(s, max);

    internal static JsonElement? TryParse(string text)
    {
        var t = text.TrimStart();
        if (t.Length == 0 || (t[0] != '{' && t[0] != '['))
            return null;
        try
        {
            return JsonDocument.Parse(t).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
