using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// Renders a planned call's result the way its <see cref="OfflineAnswer"/> says: the fact first, then the items that
/// back it (with their links), then the footnote. Nothing found is said as such, naming what was searched, so an
/// empty table never passes for an answer.
/// </summary>
public static partial class AnswerRenderer
{
    public static string Render(string tool, OfflineAnswer answer, bool isError, string text, JsonElement? structured)
    {
        if (isError)
            return NotFound().IsMatch(text)
                ? $"Nothing found: I searched {answer.Searched}. The source said: {TextClip.Ellipsize(text.Trim(), 300)}"
                : MarkdownRenderer.Render(tool, true, text, structured);
        var json = structured ?? MarkdownRenderer.TryParse(text);
        var output = new ToolOutput(text, json);
        var shown = answer.Shown(output);
        var sb = new StringBuilder();
        if (shown.Count == 0 && json is not null)
            sb.AppendLine($"Nothing found: I searched {answer.Searched}.");
        else
        {
            if (Lead(answer, output) is { Length: > 0 } lead)
                sb.AppendLine(lead).AppendLine();
            sb.AppendLine(Body(tool, text, json, output, shown, answer));
        }
        if (answer.Footnote is { Length: > 0 } footnote)
            sb.AppendLine().AppendLine(footnote);
        return sb.ToString().TrimEnd();
    }

    /// <summary>The first line of an Offline answer when it is a lead sentence (not a table, list, label or notice).</summary>
    public static string? LeadOf(string markdown)
    {
        var first = markdown.TrimStart().Split('\n', 2)[0].Trim();
        return
            first.Length == 0
            || "|>#`_".Contains(first[0])
            || ListOrLabel().IsMatch(first)
            || first.StartsWith("Nothing found", StringComparison.Ordinal)
            ? null
            : first;
    }

    private static string? Lead(OfflineAnswer answer, ToolOutput output)
    {
        try
        {
            return answer.Lead?.Invoke(output);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            return null; // a lead that cannot read this result leaves the items to speak for themselves
        }
    }

    /// <summary>All items as the result has them; when only some are shown, a result of just those, saying how many matched.</summary>
    private static string Body(
        string tool,
        string text,
        JsonElement? json,
        ToolOutput output,
        IReadOnlyList<JsonElement> shown,
        OfflineAnswer answer
    )
    {
        if (json is not { ValueKind: JsonValueKind.Object } root || output.ItemsName is not { } name || shown.Count == output.Items.Count)
            return MarkdownRenderer.Render(tool, false, text, json);
        var narrowed = new Dictionary<string, JsonElement> { [name] = JsonSerializer.SerializeToElement(shown) };
        foreach (var p in root.EnumerateObject())
            if (p.Name != name && p.Value.ValueKind != JsonValueKind.Array && !ResultShape.PagingKeys.Contains(p.Name))
                narrowed.TryAdd(p.Name, p.Value);
        var body = MarkdownRenderer.Render(tool, false, text, JsonSerializer.SerializeToElement(narrowed));
        var of = output.Total ?? output.Items.Count;
        var noun = name.Replace('_', ' ');
        return answer.Focus.Count > 0 ? $"{body}\n\n_{shown.Count} of the {of} {noun} I looked at match._" : body;
    }

    /// <summary>A list item ("- x", "* x", "1. x") or a tool's label ("**list_orders**").</summary>
    [GeneratedRegex(@"^(?:[-*•]\s|\d+\.\s|\*\*[\w.-]+\*\*$)")]
    private static partial Regex ListOrLabel();

    [GeneratedRegex(@"\b(not found|does not exist|doesn't exist|no such|unknown|404)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotFound();
}
