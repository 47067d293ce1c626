using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Agent;

/// <summary>
/// What in a question points at which built-in source: entity patterns ("ACME-123", "PR #12", "#general",
/// "order #1001", "s3://bucket") and words, each with a weight. Tuned on the question table in the tests;
/// a weight near 1 means "this names the source", 0.3–0.5 "this is the kind of thing it holds".
/// </summary>
public static partial class SourceSignals
{
    public sealed record Signal(string Source, double Weight, string Why);

    /// <summary>Each group of words and how much it points at a source; <c>Why</c> explains a match ({0} = the word).</summary>
    private static readonly (string Source, double Weight, string[] Words, string Why)[] Words =
    [
        ("slack", 0.9, ["slack"], "mentions \"{0}\""),
        ("slack", 0.5, ["channel", "channels", "thread", "threads", "dm", "dms", "said", "say", "says", "mention", "mentioned", "mentions",
            "discuss", "discussed", "discussion", "chat", "conversation", "posted", "announce", "announced", "announcement", "team"], "mentions \"{0}\""),
        ("slack", 0.3, ["message", "messages", "talking", "asked", "ping", "pinged", "standup", "incident", "outage"], "mentions \"{0}\""),
        // Broad "what is happening with X" questions: teams talk about bugs and incidents in chat first.
        ("slack", 0.3, ["bug", "bugs", "broken", "problem", "complaints", "complaining"], "mentions \"{0}\" (teams discuss those in chat first)"),
        ("slack", 0.3, ["going", "happening"], "asks what is happening (teams discuss that in chat first)"),
        ("jira", 0.9, ["jira", "jql"], "mentions \"{0}\""),
        ("jira", 0.55, ["ticket", "tickets", "sprint", "sprints", "epic", "epics", "story", "stories", "backlog", "assigned", "assignee", "blocker", "blockers", "task", "tasks"], "mentions \"{0}\""),
        ("jira", 0.4, ["bug", "bugs", "issue", "issues", "priority", "roadmap", "progress", "status", "incident"], "mentions \"{0}\""),
        ("github", 0.9, ["github", "pr", "prs"], "mentions \"{0}\""),
        ("github", 0.6, ["pull", "repo", "repos", "repository", "repositories", "commit", "commits", "branch", "branches", "merge", "merged",
            "ci", "workflow", "workflows", "build", "builds", "pipeline", "deploy", "deployed", "code", "review", "reviews", "release", "releases"], "mentions \"{0}\""),
        ("github", 0.3, ["bug", "bugs", "fix", "fixed", "failing", "failed", "test", "tests"], "mentions \"{0}\""),
        ("s3", 0.9, ["s3", "bucket", "buckets"], "mentions \"{0}\""),
        ("s3", 0.45, ["object", "objects", "file", "files", "folder", "upload", "uploaded", "csv", "backup", "backups", "archive", "postmortem", "runbook", "logo", "prefix"], "mentions \"{0}\""),
        ("mysql", 0.9, ["mysql", "sql", "database", "databases", "mariadb"], "mentions \"{0}\""),
        ("mysql", 0.55, ["table", "tables", "rows", "schema", "column", "columns", "query", "records"], "mentions \"{0}\""),
        ("mysql", 0.3, ["customers", "payments", "support", "revenue", "count", "average", "total"], "mentions \"{0}\""),
        ("shopify", 0.9, ["shopify", "store", "storefront's", "shop"], "mentions \"{0}\""),
        ("shopify", 0.6, ["order", "orders", "product", "products", "inventory", "stock", "sku", "skus", "refund", "refunded", "refunds",
            "fulfilment", "fulfillment", "fulfilled", "shipped", "discount", "sales", "sold", "catalogue", "catalog", "variant", "variants"], "mentions \"{0}\""),
        ("shopify", 0.3, ["customer", "customers", "charged", "charge", "price", "prices", "revenue"], "mentions \"{0}\""),
        ("google_workspace", 0.9, ["gmail", "calendar", "drive", "google"], "mentions \"{0}\""),
        ("google_workspace", 0.6, ["email", "emails", "e-mail", "mail", "inbox", "meeting", "meetings", "event", "events", "schedule", "agenda",
            "invite", "doc", "docs", "document", "documents", "sheet", "sheets", "spreadsheet", "spreadsheets", "slides", "memo", "plan", "forecast", "unread"], "mentions \"{0}\""),
        ("google_workspace", 0.3, ["today", "tomorrow", "week", "launch", "deadline", "sync", "1:1"], "mentions \"{0}\""),
    ];

    /// <summary>Every signal the question carries, possibly several per source.</summary>
    public static IEnumerable<Signal> Find(string query)
    {
        foreach (Match m in PullRequest().Matches(query)) yield return new("github", 1.0, $"names pull request #{m.Groups["n"].Value}");
        foreach (Match m in OwnerRepo().Matches(query)) yield return new("github", 0.9, $"names the repository {m.Value}");
        foreach (Match m in IssueKey().Matches(query)) yield return new("jira", 1.0, $"names the Jira issue {m.Value}");
        foreach (Match m in OrderNumber().Matches(query))
        {
            yield return new("shopify", 0.9, $"names order #{m.Groups["n"].Value}");
            yield return new("mysql", 0.35, $"order #{m.Groups["n"].Value} may also be in the orders table");
        }
        foreach (Match m in Channel().Matches(query)) yield return new("slack", 1.0, $"names the channel #{m.Groups["c"].Value}");
        foreach (Match m in S3Uri().Matches(query)) yield return new("s3", 1.0, $"names {m.Value}");
        foreach (Match m in FileName().Matches(query)) yield return new("s3", 0.5, $"names the file {m.Value}");
        foreach (Match m in Email().Matches(query)) yield return new("google_workspace", 0.5, $"names the address {m.Value}");
        if (Date().IsMatch(query)) yield return new("google_workspace", 0.35, "mentions a date (calendar)");

        var words = Tokenize(query);
        foreach (var (source, weight, list, why) in Words)
            foreach (var w in list.Where(words.Contains).Take(2))
                yield return new(source, weight, string.Format(CultureInfo.InvariantCulture, why, w));
    }

    public static HashSet<string> Tokenize(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet();

    /// <summary>Combines independent signals: 1 − Π(1 − w), so two weak hints beat one, and nothing reaches 1.</summary>
    public static double Combine(IEnumerable<double> weights) =>
        Math.Round(Math.Min(0.99, 1 - weights.Aggregate(1.0, (acc, w) => acc * (1 - Math.Clamp(w, 0, 0.99)))), 2);

    [GeneratedRegex(@"\b(?:PR|pull request|pull)\s*#?(?<n>\d+)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex PullRequest();
    [GeneratedRegex(@"(?<=^|\s)[A-Za-z0-9][\w.\-]*/[A-Za-z0-9][\w.\-]*(?=$|[\s,?!]|\.(?:\s|$))")]
    private static partial Regex OwnerRepo();
    [GeneratedRegex(@"\b[A-Z][A-Z0-9]{1,9}-\d+\b")]
    internal static partial Regex IssueKey();
    [GeneratedRegex(@"(?<!(?:PR|pull request|pull|issue)\s*)#(?<n>\d{3,})\b", RegexOptions.IgnoreCase)]
    internal static partial Regex OrderNumber();
    [GeneratedRegex(@"(?<=^|[\s(])#(?<c>[a-z][\w\-]*)", RegexOptions.IgnoreCase)]
    internal static partial Regex Channel();
    [GeneratedRegex(@"s3://[a-z0-9][a-z0-9.\-]+\S*")]
    private static partial Regex S3Uri();
    [GeneratedRegex(@"\b[\w\-]+\.(?:csv|json|pdf|png|jpg|md|txt|parquet|zip|gz|log)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();
    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+")]
    private static partial Regex Email();
    [GeneratedRegex(@"\b(?:today|tomorrow|yesterday|tonight|this week|next week|monday|tuesday|wednesday|thursday|friday|\d{4}-\d{2}-\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();
    [GeneratedRegex(@"[a-z0-9][a-z0-9'\-:]*")]
    private static partial Regex WordPattern();
}
