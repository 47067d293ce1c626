using System.Text;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Agent;

/// <summary>
/// Offline synthesis: per source, the items of its answer that share words with the question (all of
/// them when none do), how many there were, and their links; then the sources that failed. Extractive on
/// purpose: without a model nothing is paraphrased, so nothing can be misattributed.
/// </summary>
public static partial class ExtractiveSummary
{
    private const int MaxItems = 8;

    public static string Build(string query, IReadOnlyList<SourceResult> results)
    {
        var words = SourceKeywords.Of(query).Select(Stem).ToHashSet();
        var answered = results.Where(r => r.Success).ToList();
        var sb = new StringBuilder();
        // The facts each source led with come first, attributed: that is the answer; the sections below back it.
        var leads = answered.Select(r => (r.Name, Lead: AnswerRenderer.LeadOf(r.Response))).Where(l => l.Lead is not null).ToList();
        foreach (var (name, lead) in leads)
            sb.AppendLine($"- {lead} _(source: {name})_");
        if (leads.Count > 0)
            sb.AppendLine();
        sb.AppendLine($"**{answered.Count} of {results.Count} sources answered** ({string.Join(", ", answered.Select(r => r.Name))}).");
        foreach (var r in answered)
        {
            // A source that led with a fact already chose the items that back it: they are not narrowed again, and
            // one record's fields (which its lead sums up) give way to its text and its parts (links, comments).
            var planned = AnswerRenderer.LeadOf(r.Response) is not null;
            var items = Items(r.Response, record: planned);
            // Items sharing the most words with the question first; ones that share only a word or two fewer are kept.
            var scored = planned ? [] : items.Select(i => (Item: i, Score: Score(i, words))).Where(x => x.Score > 0).ToList();
            var best = scored.Count > 0 ? scored.Max(x => x.Score) : 0;
            var relevant = scored.Where(x => x.Score >= Math.Max(1, best - 1)).OrderByDescending(x => x.Score).Select(x => x.Item).ToList();
            var shown = (relevant.Count > 0 ? relevant : items).Take(MaxItems).ToList();
            var count =
                relevant.Count > 0 ? $"{relevant.Count} of {items.Count} items match"
                : items.Count > 0 ? $"{items.Count} items"
                : "answer";
            sb.AppendLine().AppendLine($"### {r.Name} — {count}");
            if (shown.Count == 0 && AnswerRenderer.LeadOf(r.Response) is null)
                sb.AppendLine(Quote(r.Response));
            foreach (var item in shown)
                sb.AppendLine($"- {item} _(source: {r.Name})_");
            if (items.Count > shown.Count && relevant.Count == 0)
                sb.AppendLine($"- …and {items.Count - shown.Count} more in {r.Name}.");
        }
        var failed = results.Where(r => !r.Success).ToList();
        if (failed.Count > 0)
        {
            sb.AppendLine().AppendLine("### Not answered");
            foreach (var r in failed)
                sb.AppendLine($"- **{r.Name}**: {r.Error}");
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Table rows and list items of a markdown answer, as one line each.</summary>
    /// <param name="record">Read one record's parts: its "**field**: value" lines are left out, its text's first line kept.</param>
    internal static List<string> Items(string markdown, bool record = false)
    {
        var items = new List<string>();
        string[]? header = null;
        var quoted = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (record && line.StartsWith('>'))
            {
                if (!quoted && line.TrimStart('>', ' ') is { Length: > 0 } first)
                    items.Add(first);
                quoted = true;
                continue;
            }
            quoted = false;
            if (record && FieldLine().IsMatch(line))
                continue;
            if (line.StartsWith('|'))
            {
                var cells = line.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
                if (cells.All(c => c.Trim('-', ' ', ':').Length == 0))
                    continue; // the separator row
                if (header is null)
                {
                    header = cells;
                    continue;
                }
                var row = header;
                items.Add(string.Join(" · ", cells.Select((c, i) => Labelled(i < row.Length ? row[i] : "", c)).Where(c => c.Length > 0)));
            }
            else
            {
                header = null;
                if (Bullet().Match(line) is { Success: true } m)
                    items.Add(m.Groups["t"].Value);
            }
        }
        return items;
    }

    /// <summary>
    /// A cell as it reads outside its table: numbers and flags mean nothing without their column
    /// ("comments: 4", "draft" rather than "4", "true"); false flags are left out.
    /// </summary>
    private static string Labelled(string column, string cell)
    {
        var name = column.Replace('_', ' ').Trim();
        if (name.Length == 0)
            return cell;
        if (cell == "false")
            return "";
        if (cell == "true")
            return name;
        if (name == "number" && Number().IsMatch(cell))
            return "#" + cell;
        return Number().IsMatch(cell) ? $"{name}: {cell}" : cell;
    }

    private static int Score(string item, HashSet<string> words) =>
        words.Count == 0 ? 0 : Word().Matches(item.ToLowerInvariant()).Select(m => Stem(m.Value)).Distinct().Count(words.Contains);

    private static string Stem(string w) => w.Length > 4 && w.EndsWith('s') ? w[..^1] : w;

    private static string Quote(string text)
    {
        var t = TextClip.Ellipsize(text.Trim(), 1501);
        return string.Join("\n", t.Split('\n').Select(l => "> " + l));
    }

    [GeneratedRegex(@"^(?:[-*•]|\d+\.)\s+(?<t>.+)$")]
    private static partial Regex Bullet();

    /// <summary>"- **status**: In Progress": one field of a record.</summary>
    [GeneratedRegex(@"^- \*\*[\w .-]+\*\*: ")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Word();
}
