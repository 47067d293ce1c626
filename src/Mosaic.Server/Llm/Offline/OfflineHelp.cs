using System.Text;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Server.Llm.Offline;

/// <summary>What Offline mode says when it cannot act: honest about the mode, concrete about what works.</summary>
public static class OfflineHelp
{
    public static string NotUnderstood(string question, IReadOnlyList<McpToolDeclaration> tools)
    {
        var sb = new StringBuilder();
        sb.AppendLine("I'm running in **Offline mode** (no language model is configured), so I match questions to tools by their words.");
        sb.AppendLine($"I couldn't tell which tool fits \"{Short(question)}\".");
        sb.AppendLine();
        if (tools.Count == 0)
        {
            sb.AppendLine("This source offers no tools right now.");
            return sb.ToString();
        }
        sb.AppendLine("Here is what I can do:");
        sb.AppendLine();
        sb.AppendLine("| tool | what it does |");
        sb.AppendLine("| --- | --- |");
        foreach (var t in tools.OrderBy(t => t.Name, StringComparer.Ordinal))
            sb.AppendLine($"| `{t.Name}` | {Short(FirstLine(t.Description)).Replace("|", "\\|")} |");
        sb.AppendLine();
        var example = tools.FirstOrDefault(t => t.Info.ReadOnly) ?? tools[0];
        sb.Append($"Ask with the tool's words, for example \"{example.Name.Replace('_', ' ')}\", ");
        sb.Append("and give details as `key=value` (for example `limit=5`), `#channel`, `owner/repo` or \"quoted text\".");
        return sb.ToString();
    }

    public static string MissingArguments(McpToolDeclaration tool, IReadOnlyList<ToolParameter> missing)
    {
        var names = string.Join(", ", missing.Select(p => $"`{p.Name}`"));
        var example = string.Join(" ", missing.Select(p => $"{p.Name}={(p.IsNumeric ? "10" : "...")}"));
        return $"I'd use `{tool.Name}` for that (Offline mode), but it needs {names}. "
            + $"Add {(missing.Count == 1 ? "it" : "them")} to your question, for example: `{tool.Name.Replace('_', ' ')} {example}`.";
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();

    private static string Short(string s) => TextClip.Ellipsize(s, 118);
}
