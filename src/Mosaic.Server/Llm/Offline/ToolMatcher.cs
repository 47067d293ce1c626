using System.Text.RegularExpressions;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// Matches a message to a tool by the words in the tool's name ("list the tables" → list_tables), with a
/// few verb synonyms. Used when no model is available, and by the direct tier for literal tool names.
/// Untrusted tools (<see cref="Connectors.Hub.McpToolInfo.Trusted"/>) are matched by their name only.
/// </summary>
public static partial class ToolMatcher
{
    private static readonly Dictionary<string, string[]> VerbSynonyms = new()
    {
        ["list"] = ["list", "show", "what", "which", "all", "see", "display", "get"],
        ["get"] = ["get", "show", "fetch", "detail", "details", "read", "open", "describe"],
        ["read"] = ["read", "show", "fetch", "see", "open", "get", "latest", "recent"],
        ["search"] = ["search", "find", "look", "lookup", "about", "mention", "mentioning"],
        ["query"] = ["query", "run", "select", "jql", "sql"],
        ["execute"] = ["execute", "run", "select", "sql"],
        ["describe"] = ["describe", "schema", "column", "structure"],
        ["send"] = ["send", "post", "say", "tell"],
        ["write"] = ["write", "save", "put", "store"],
        ["create"] = ["create", "new", "add", "open", "file"],
    };

    public sealed record Match(McpToolDeclaration Tool, Dictionary<string, object?> Arguments, double Score);

    /// <summary>The best-scoring tool, or null when no tool's name shares a meaningful word with the message.</summary>
    public static Match? Best(string message, IEnumerable<McpToolDeclaration> tools)
    {
        var words = Tokens(message).ToHashSet();
        var lower = message.ToLowerInvariant();
        Match? best = null;
        foreach (var tool in tools)
        {
            // A custom source's tool the operator did not vouch for may do anything: only a question naming it picks it.
            if (!tool.Info.Trusted && !NamesTool(lower, tool.Name))
                continue;
            var score = Score(lower, words, tool.Name);
            if (score <= 0)
                continue;
            var args = ArgumentExtractor.Extract(message, tool.Schema);
            var missing = tool.Schema.Required.Count(p => !args.ContainsKey(p.Name));
            score += 0.3 * args.Count - 0.5 * missing + (tool.Info.ReadOnly ? 0.2 : 0);
            if (best is null || score > best.Score)
                best = new Match(tool, args, score);
        }
        return best;
    }

    /// <summary>True when the message names the tool literally ("list_tables") or as a phrase ("list tables").</summary>
    public static bool NamesTool(string message, string toolName)
    {
        var lower = message.ToLowerInvariant();
        var name = toolName.ToLowerInvariant();
        return Regex.IsMatch(lower, $@"\b{Regex.Escape(name)}\b")
            || Regex.IsMatch(lower, $@"\b{Regex.Escape(name.Replace('_', ' ').Replace('-', ' '))}\b");
    }

    private static double Score(string lower, HashSet<string> words, string toolName)
    {
        if (NamesTool(lower, toolName))
            return 10;
        var parts = Tokens(toolName).ToList();
        double score = 0;
        var nounHits = 0;
        foreach (var part in parts)
        {
            if (VerbSynonyms.TryGetValue(part, out var synonyms))
            {
                if (synonyms.Any(words.Contains))
                    score += 1;
            }
            else if (words.Contains(part))
            {
                score += 2;
                nounHits++;
            }
        }
        // A verb alone ("list") says nothing about which list; single-word tools ("echo") are the exception.
        return nounHits > 0 || (parts.Count == 1 && score > 0) ? score : 0;
    }

    /// <summary>Lower-case words with a crude plural stem, so "channels" meets "channel".</summary>
    public static IEnumerable<string> Tokens(string text) =>
        WordSplit().Split(text.ToLowerInvariant()).Where(w => w.Length > 0).Select(Stem);

    private static string Stem(string w) =>
        w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y"
        : w.Length > 4 && (w.EndsWith("ses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)) ? w[..^2]
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1]
        : w;

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex WordSplit();
}
