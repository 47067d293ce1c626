using System.Text;
using System.Text.Json.Nodes;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

/// <summary>
/// Renders a Docs API document (<c>body.content</c>: paragraphs of textRuns, headings by namedStyleType,
/// bullets, tables) as Markdown or plain text.
/// </summary>
public static class DocsMarkdown
{
    public static string Render(JsonObject document, bool markdown)
    {
        var output = new StringBuilder();
        var lists = document["lists"] as JsonObject;
        Blocks(document["body"]?["content"]?.AsArray(), output, lists, markdown);
        return Collapse(output.ToString());
    }

    private static void Blocks(JsonArray? content, StringBuilder output, JsonObject? lists, bool markdown)
    {
        foreach (var block in content ?? [])
        {
            if (block?["paragraph"] is { } paragraph)
                Paragraph(paragraph, output, lists, markdown);
            else if (block?["table"] is { } table)
                Table(table, output, lists, markdown);
            else if (block?["tableOfContents"]?["content"] is JsonArray toc)
                Blocks(toc, output, lists, markdown);
        }
    }

    private static void Paragraph(JsonNode paragraph, StringBuilder output, JsonObject? lists, bool markdown)
    {
        var text = Inline(paragraph["elements"]?.AsArray(), markdown).TrimEnd('\n');
        var style = paragraph["paragraphStyle"]?["namedStyleType"]?.GetValue<string>() ?? "NORMAL_TEXT";
        if (paragraph["bullet"] is { } bullet)
        {
            var level = bullet["nestingLevel"]?.GetValue<int>() ?? 0;
            output.Append(new string(' ', level * 2)).Append(Ordered(bullet, lists, level) ? "1. " : "- ").Append(text).Append('\n');
            return;
        }
        if (text.Trim().Length == 0)
        {
            output.Append('\n');
            return;
        }
        var heading = style switch
        {
            "TITLE" => 1,
            "SUBTITLE" => 2,
            _ when style.StartsWith("HEADING_", StringComparison.Ordinal) && int.TryParse(style[8..], out var n) => Math.Min(6, n + 1),
            _ => 0,
        };
        if (heading > 0)
            output.Append('\n').Append(markdown ? new string('#', heading) + " " : "").Append(text.Trim()).Append("\n\n");
        else
            output.Append(text).Append("\n\n");
    }

    private static string Inline(JsonArray? elements, bool markdown)
    {
        var text = new StringBuilder();
        foreach (var element in elements ?? [])
        {
            var run = element?["textRun"];
            if (run?["content"]?.GetValue<string>() is not { } content)
                continue;
            if (!markdown)
            {
                text.Append(content);
                continue;
            }
            var style = run["textStyle"];
            var core = content.Trim();
            if (core.Length == 0)
            {
                text.Append(content);
                continue;
            }
            var lead = content[..content.IndexOf(core, StringComparison.Ordinal)];
            var trail = content[(lead.Length + core.Length)..];
            if (style?["bold"]?.GetValue<bool>() == true)
                core = $"**{core}**";
            if (style?["italic"]?.GetValue<bool>() == true)
                core = $"*{core}*";
            if (style?["link"]?["url"]?.GetValue<string>() is { } url)
                core = $"[{core}]({url})";
            text.Append(lead).Append(core).Append(trail);
        }
        return text.ToString();
    }

    private static void Table(JsonNode table, StringBuilder output, JsonObject? lists, bool markdown)
    {
        output.Append('\n');
        var first = true;
        foreach (var row in table["tableRows"]?.AsArray() ?? [])
        {
            var cells = (row?["tableCells"]?.AsArray() ?? [])
                .Select(cell =>
                {
                    var text = new StringBuilder();
                    foreach (var block in cell?["content"]?.AsArray() ?? [])
                        if (block?["paragraph"] is { } p)
                            text.Append(Inline(p["elements"]?.AsArray(), markdown).Replace('\n', ' '));
                    return text.ToString().Trim();
                })
                .ToList();
            if (!markdown)
            {
                output.Append(string.Join('\t', cells)).Append('\n');
                continue;
            }
            output.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Replace("|", "\\|")))).Append(" |\n");
            if (first)
                output.Append('|').Append(string.Concat(cells.Select(_ => " --- |"))).Append('\n');
            first = false;
        }
        output.Append('\n');
    }

    private static bool Ordered(JsonNode bullet, JsonObject? lists, int level)
    {
        var listId = bullet["listId"]?.GetValue<string>();
        var levels = listId is null ? null : lists?[listId]?["listProperties"]?["nestingLevels"] as JsonArray;
        var glyph = levels?.ElementAtOrDefault(level)?["glyphType"]?.GetValue<string>();
        return glyph is not null and not "GLYPH_TYPE_UNSPECIFIED" and not "NONE";
    }

    /// <summary>At most one blank line in a row; no blank lines at the ends.</summary>
    private static string Collapse(string text)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }
            if (result.Length > 0)
                result.Append(blank > 0 ? "\n\n" : "\n");
            result.Append(line.TrimEnd());
            blank = 0;
        }
        return result.ToString();
    }
}
