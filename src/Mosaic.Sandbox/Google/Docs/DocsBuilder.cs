using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mosaic.Sandbox.Google.Docs;

/// <summary>
/// Builds a Docs API <c>body.content</c> from <see cref="DocsSeed"/> lines, with the real structure and UTF-16
/// indices: a leading sectionBreak, paragraphs of textRun elements (styled runs split out), headings via
/// <c>paragraphStyle.namedStyleType</c>, bullets referencing a list, and tables of cells holding paragraphs.
/// </summary>
public sealed partial class DocsBuilder
{
    public const string ListId = "kix.acmebullets01";
    private int _index = 1;
    private readonly JsonArray _content = [];

    public static JsonArray Build(IEnumerable<string> lines)
    {
        var builder = new DocsBuilder();
        builder._content.Add(
            new JsonObject
            {
                ["endIndex"] = 1,
                ["sectionBreak"] = new JsonObject
                {
                    ["sectionStyle"] = new JsonObject
                    {
                        ["columnSeparatorStyle"] = "NONE",
                        ["contentDirection"] = "LEFT_TO_RIGHT",
                        ["sectionType"] = "CONTINUOUS",
                    },
                },
            }
        );
        var table = new List<string[]>();
        foreach (var line in lines)
        {
            if (line.StartsWith('|'))
            {
                table.Add([.. line.Trim('|').Split('|').Select(c => c.Trim())]);
                continue;
            }
            if (table.Count > 0)
            {
                builder._content.Add(builder.Table(table));
                table = [];
            }
            builder._content.Add(builder.Line(line));
        }
        if (table.Count > 0)
            builder._content.Add(builder.Table(table));
        return builder._content;
    }

    public static string PlainText(IEnumerable<string> lines) =>
        string.Join(
            '\n',
            lines.Select(l => LinkPattern().Replace(l.TrimStart('=', '#', '-', ' ').Replace("**", ""), "$1").Replace("|", " "))
        );

    private JsonObject Line(string line)
    {
        var (style, text, bullet) = line switch
        {
            _ when line.StartsWith("= ") => ("TITLE", line[2..], false),
            _ when line.StartsWith("## ") => ("HEADING_2", line[3..], false),
            _ when line.StartsWith("# ") => ("HEADING_1", line[2..], false),
            _ when line.StartsWith("- ") => ("NORMAL_TEXT", line[2..], true),
            _ => ("NORMAL_TEXT", line, false),
        };
        return Paragraph(text, style, bullet);
    }

    private JsonObject Paragraph(string text, string style, bool bullet)
    {
        var start = _index;
        var elements = new JsonArray();
        var runs = Runs(text).ToList();
        runs[^1] = runs[^1] with { Text = runs[^1].Text + "\n" };
        foreach (var run in runs)
        {
            var textStyle = new JsonObject();
            if (run.Bold)
                textStyle["bold"] = true;
            if (run.Link is not null)
            {
                textStyle["link"] = new JsonObject { ["url"] = run.Link };
                textStyle["underline"] = true;
            }
            elements.Add(
                new JsonObject
                {
                    ["startIndex"] = _index,
                    ["endIndex"] = _index + run.Text.Length,
                    ["textRun"] = new JsonObject { ["content"] = run.Text, ["textStyle"] = textStyle },
                }
            );
            _index += run.Text.Length;
        }
        var paragraphStyle = new JsonObject { ["namedStyleType"] = style, ["direction"] = "LEFT_TO_RIGHT" };
        if (style.StartsWith("HEADING"))
            paragraphStyle["headingId"] = $"h.{Math.Abs(text.Length * 7919 + start)}";
        var paragraph = new JsonObject { ["elements"] = elements, ["paragraphStyle"] = paragraphStyle };
        if (bullet)
            paragraph["bullet"] = new JsonObject { ["listId"] = ListId, ["textStyle"] = new JsonObject() };
        return new JsonObject
        {
            ["startIndex"] = start,
            ["endIndex"] = _index,
            ["paragraph"] = paragraph,
        };
    }

    private JsonObject Table(List<string[]> rows)
    {
        var start = _index++;
        var columns = rows.Max(r => r.Length);
        var tableRows = new JsonArray();
        foreach (var row in rows)
        {
            var rowStart = _index++;
            var cells = new JsonArray();
            for (var c = 0; c < columns; c++)
            {
                var cellStart = _index++;
                var paragraph = Paragraph(c < row.Length ? row[c] : "", "NORMAL_TEXT", false);
                cells.Add(
                    new JsonObject
                    {
                        ["startIndex"] = cellStart,
                        ["endIndex"] = _index,
                        ["content"] = new JsonArray(paragraph),
                        ["tableCellStyle"] = new JsonObject { ["rowSpan"] = 1, ["columnSpan"] = 1 },
                    }
                );
            }
            tableRows.Add(
                new JsonObject
                {
                    ["startIndex"] = rowStart,
                    ["endIndex"] = _index,
                    ["tableCells"] = cells,
                    ["tableRowStyle"] = new JsonObject { ["minRowHeight"] = new JsonObject { ["unit"] = "PT" } },
                }
            );
        }
        _index++;
        return new JsonObject
        {
            ["startIndex"] = start,
            ["endIndex"] = _index,
            ["table"] = new JsonObject
            {
                ["rows"] = rows.Count,
                ["columns"] = columns,
                ["tableRows"] = tableRows,
                ["tableStyle"] = new JsonObject(),
            },
        };
    }

    private sealed record Run(string Text, bool Bold, string? Link);

    private static IEnumerable<Run> Runs(string text)
    {
        var position = 0;
        foreach (Match m in InlinePattern().Matches(text))
        {
            if (m.Index > position)
                yield return new Run(text[position..m.Index], false, null);
            yield return m.Groups["bold"].Success
                ? new Run(m.Groups["bold"].Value, true, null)
                : new Run(m.Groups["label"].Value, false, m.Groups["url"].Value);
            position = m.Index + m.Length;
        }
        if (position < text.Length || position == 0)
            yield return new Run(text[position..], false, null);
    }

    [GeneratedRegex(@"\*\*(?<bold>[^*]+)\*\*|\[(?<label>[^\]]+)\]\((?<url>[^)]+)\)")]
    private static partial Regex InlinePattern();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex LinkPattern();
}
