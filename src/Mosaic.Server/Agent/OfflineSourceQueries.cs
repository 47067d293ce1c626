using System.Text.RegularExpressions;

namespace Mosaic.Server.Agent;

/// <summary>
/// Offline mode has no model to turn a broad question into tool calls, so the agent rewrites it per source
/// into the plain commands the Offline client understands ("search messages "checkout charge"",
/// "get issue ACME-142", jql=…). With a model every source gets the question as asked.
/// </summary>
public static partial class OfflineSourceQueries
{
    // Words that say what kind of thing is wanted, not which: searching for them finds nothing useful.
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "whats", "what's", "who", "whom", "which", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been", "the", "a", "an",
        "of", "on", "in", "to", "for", "from", "with", "about", "and", "or", "any", "all", "our", "my", "me", "we", "us", "i", "you", "it", "its",
        "do", "does", "did", "done", "have", "has", "had", "there", "this", "that", "these", "those", "status", "latest", "recent", "update",
        "updates", "going", "happening", "happened", "know", "tell", "show", "give", "find", "get", "list", "summarize", "summary", "bug", "bugs",
        "issue", "issues", "problem", "problems", "thing", "things", "everything", "anything", "across", "sources", "everywhere", "can", "could",
        "should", "would", "please", "up", "at", "by", "so", "far", "now", "still", "fix", "fixed", "ticket", "tickets", "message", "messages",
        "slack", "jira", "github", "shopify", "gmail", "google", "s3", "mysql", "email", "emails", "said", "say", "people", "team", "current", "ongoing",
    };

    /// <summary>Up to three distinctive words of the question, for full-text searches.</summary>
    public static IReadOnlyList<string> Keywords(string query)
    {
        var stripped = SourceSignals.IssueKey().Replace(SourceSignals.PullRequest().Replace(query, " "), " ");
        stripped = SourceSignals.Channel().Replace(SourceSignals.OrderNumber().Replace(stripped, " "), " ");
        return Word().Matches(stripped.ToLowerInvariant())
            .SelectMany(m => m.Value.Split('-', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 2 && !Generic.Contains(w))
            .Distinct().Take(3).ToList();
    }

    /// <summary>The Offline-mode question for one built-in source; null: ask the question as it is.</summary>
    public static string? For(string source, string query, string? githubRepo)
    {
        var words = Keywords(query);
        var phrase = string.Join(' ', words);
        var key = SourceSignals.IssueKey().Match(query);
        var channel = SourceSignals.Channel().Match(query);
        var order = SourceSignals.OrderNumber().Match(query);
        var pr = SourceSignals.PullRequest().Match(query);
        var lower = query.ToLowerInvariant();
        return source switch
        {
            "slack" when channel.Success => $"read messages #{channel.Groups["c"].Value}",
            "slack" when phrase.Length > 0 => $"search messages \"{phrase}\"",
            "jira" when key.Success => $"get issue {key.Value}",
            "jira" when phrase.Length > 0 => $"query_jira jql=\"text ~ '{phrase}' ORDER BY updated DESC\"",
            "jira" => "query_jira jql=\"statusCategory != Done ORDER BY updated DESC\"",
            "github" when githubRepo is null => "list_repositories",
            "github" when pr.Success => $"get_pull_request repo={githubRepo} number={pr.Groups["n"].Value}",
            "github" when Regex.IsMatch(lower, @"\b(workflow|workflows|ci|build|builds|pipeline|deploy|actions)\b") => $"get_workflow_runs repo={githubRepo}",
            "github" => $"list_issues repo={githubRepo} state=all include_pull_requests=true limit=50",
            "shopify" when order.Success => $"get_order order=#{order.Groups["n"].Value}",
            "shopify" when lower.Contains("inventory") || lower.Contains("stock") => "get_inventory product=" + (phrase.Length > 0 ? $"\"{phrase}\"" : "\"\""),
            "shopify" when lower.Contains("product") => "list_products" + (phrase.Length > 0 ? $" query=\"{phrase}\"" : ""),
            "shopify" => "list_orders" + (phrase.Length > 0 && !lower.Contains("order") ? $" query=\"{phrase}\"" : ""),
            "google_workspace" when Regex.IsMatch(lower, @"\b(calendar|meeting|meetings|event|events|schedule|agenda|today|tomorrow)\b") => "get_events",
            "google_workspace" when Regex.IsMatch(lower, @"\b(doc|docs|document|drive|sheet|spreadsheet|plan|forecast)\b") =>
                "search_drive_files" + (phrase.Length > 0 ? $" query=\"{phrase}\"" : ""),
            "google_workspace" => "list_messages" + (phrase.Length > 0 ? $" query=\"{phrase}\"" : ""),
            "mysql" when TableName().Match(query) is { Success: true } t => $"execute_query sql=\"SELECT * FROM {t.Groups["t"].Value} LIMIT 20\"",
            "mysql" => "list_tables",
            "s3" when BucketName().Match(query) is { Success: true } b =>
                $"search_objects bucket={b.Groups["b"].Value}" + (phrase.Length > 0 ? $" contains=\"{words[0]}\"" : ""),
            "s3" => "list_buckets",
            _ => null,
        };
    }

    [GeneratedRegex(@"[a-z0-9][a-z0-9\-']*")]
    private static partial Regex Word();
    [GeneratedRegex(@"\btable\s+`?(?<t>[A-Za-z_]\w*)`?|\b(?<t>[A-Za-z_]\w*)\s+table\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();
    [GeneratedRegex(@"s3://(?<b>[a-z0-9][a-z0-9.\-]+)|\bbucket\s+(?<b>[a-z0-9][a-z0-9.\-]+)|\b(?<b>[a-z0-9][a-z0-9.\-]+)\s+bucket\b", RegexOptions.IgnoreCase)]
    private static partial Regex BucketName();
}
