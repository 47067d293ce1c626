using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources;

/// <summary>The distinctive words of a question, for full-text searches (Offline plans) and for ranking extracts.</summary>
public static partial class SourceKeywords
{
    // Words that say what kind of thing is wanted, not which: searching for them finds nothing useful.
    private static readonly HashSet<string> Generic = new(
        [
            "what",
            "whats",
            "what's",
            "who",
            "whom",
            "which",
            "when",
            "where",
            "why",
            "how",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "the",
            "a",
            "an",
            "of",
            "on",
            "in",
            "to",
            "for",
            "from",
            "with",
            "about",
            "and",
            "or",
            "any",
            "all",
            "our",
            "my",
            "me",
            "we",
            "us",
            "i",
            "you",
            "it",
            "its",
            "do",
            "does",
            "did",
            "done",
            "have",
            "has",
            "had",
            "there",
            "this",
            "that",
            "these",
            "those",
            "status",
            "latest",
            "recent",
            "update",
            "updates",
            "going",
            "happening",
            "happened",
            "know",
            "tell",
            "show",
            "give",
            "find",
            "get",
            "list",
            "summarize",
            "summary",
            "bug",
            "bugs",
            "issue",
            "issues",
            "problem",
            "problems",
            "thing",
            "things",
            "everything",
            "anything",
            "across",
            "sources",
            "everywhere",
            "can",
            "could",
            "should",
            "would",
            "please",
            "up",
            "at",
            "by",
            "so",
            "far",
            "now",
            "still",
            "fix",
            "fixed",
            "ticket",
            "tickets",
            "message",
            "messages",
            "email",
            "emails",
            "said",
            "say",
            "people",
            "team",
            "current",
            "ongoing",
            .. BuiltInSources.All.SelectMany(s => s.NameWords),
        ],
        StringComparer.OrdinalIgnoreCase
    );

    private static readonly Regex[] NamedItems = [.. BuiltInSources.All.SelectMany(s => s.NamedItems)];

    /// <summary>Up to three distinctive words of the question; items it names (issue keys, channels…) are left out.</summary>
    public static IReadOnlyList<string> Of(string query)
    {
        var stripped = NamedItems.Aggregate(query, (text, pattern) => pattern.Replace(text, " "));
        return Word()
            .Matches(stripped.ToLowerInvariant())
            .SelectMany(m => m.Value.Split('-', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 2 && !Generic.Contains(w))
            .Distinct()
            .Take(3)
            .ToList();
    }

    [GeneratedRegex(@"[a-z0-9][a-z0-9\-']*")]
    private static partial Regex Word();
}
