using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mosaic.Connectors.Jira;

/// <summary>
/// Atlassian Document Format ↔ plain text. Jira Cloud v3 keeps descriptions and comments as ADF trees;
/// people and models read text, so lists, code, mentions and links are rendered in a Markdown-like way.
/// </summary>
public static class AdfText
{
    public static string ToText(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.String)
            return node.GetString() ?? ""; // Server/DC v2 sends plain strings
        if (node.ValueKind != JsonValueKind.Object)
            return "";
        var sb = new StringBuilder();
        Block(node, sb, "");
        return sb.ToString().Trim();
    }

    private static void Block(JsonElement node, StringBuilder sb, string indent)
    {
        switch (Type(node))
        {
            case "doc" or "blockquote" or "panel" or "expand" or "layoutSection" or "layoutColumn" or "nestedExpand":
                foreach (var child in Children(node))
                    Block(child, sb, Type(node) == "blockquote" ? indent + "> " : indent);
                break;
            case "bulletList" or "orderedList":
                var n = 0;
                foreach (var item in Children(node))
                {
                    var marker = Type(node) == "bulletList" ? "- " : $"{++n}. ";
                    var inner = new StringBuilder();
                    foreach (var child in Children(item))
                        Block(child, inner, "");
                    var lines = inner.ToString().Trim().Split('\n');
                    sb.Append(indent).Append(marker).AppendLine(lines[0]);
                    foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                        sb.Append(indent).Append("  ").AppendLine(line);
                }
                sb.AppendLine();
                break;
            case "codeBlock":
                sb.Append(indent)
                    .AppendLine("```" + Attr(node, "language"))
                    .Append(Inline(node))
                    .AppendLine()
                    .Append(indent)
                    .AppendLine("```")
                    .AppendLine();
                break;
            case "heading":
                sb.Append(indent)
                    .Append(new string('#', int.TryParse(Attr(node, "level"), out var level) ? level : 1))
                    .Append(' ')
                    .AppendLine(Inline(node))
                    .AppendLine();
                break;
            case "rule":
                sb.Append(indent).AppendLine("---").AppendLine();
                break;
            case "table":
                foreach (var row in Children(node))
                    sb.Append(indent)
                        .AppendLine("| " + string.Join(" | ", Children(row).Select(cell => ToText(cell).Replace('\n', ' '))) + " |");
                sb.AppendLine();
                break;
            case "mediaSingle" or "mediaGroup":
                sb.Append(indent).AppendLine("[attachment]").AppendLine();
                break;
            default: // paragraph and anything unknown that holds inline content
                sb.Append(indent).AppendLine(Inline(node)).AppendLine();
                break;
        }
    }

    private static string Inline(JsonElement node)
    {
        var sb = new StringBuilder();
        foreach (var child in Children(node))
        {
            sb.Append(
                Type(child) switch
                {
                    "text" => LinkedText(child),
                    "hardBreak" => "\n",
                    "mention" => Attr(child, "text") is { Length: > 0 } t ? (t.StartsWith('@') ? t : "@" + t) : "@someone",
                    "emoji" => Attr(child, "text") ?? Attr(child, "shortName") ?? "",
                    "inlineCard" or "blockCard" => Attr(child, "url") ?? "",
                    "status" => $"[{Attr(child, "text")}]",
                    "date" => long.TryParse(Attr(child, "timestamp"), out var ms)
                        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd")
                        : "",
                    _ => Inline(child),
                }
            );
        }
        return sb.ToString();
    }

    private static string LinkedText(JsonElement text)
    {
        var value = text.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        if (!text.TryGetProperty("marks", out var marks) || marks.ValueKind != JsonValueKind.Array)
            return value;
        foreach (var mark in marks.EnumerateArray())
            if (Type(mark) == "link" && Attr(mark, "href") is { } href && href != value)
                return $"{value} ({href})";
        return value;
    }

    /// <summary>Plain text → ADF: blank lines separate paragraphs, single newlines become hard breaks.</summary>
    public static JsonObject FromText(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var content = new JsonArray();
        foreach (var paragraph in paragraphs)
        {
            var inline = new JsonArray();
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    inline.Add((JsonNode)new JsonObject { ["type"] = "hardBreak" });
                if (lines[i].Length > 0)
                    inline.Add((JsonNode)new JsonObject { ["type"] = "text", ["text"] = lines[i] });
            }
            content.Add((JsonNode)new JsonObject { ["type"] = "paragraph", ["content"] = inline });
        }
        return new JsonObject
        {
            ["type"] = "doc",
            ["version"] = 1,
            ["content"] = content,
        };
    }

    private static string? Type(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static IEnumerable<JsonElement> Children(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray()
            : [];

    private static string? Attr(JsonElement e, string name) =>
        e.TryGetProperty("attrs", out var a) && a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : v.GetRawText()
            : null;
}
