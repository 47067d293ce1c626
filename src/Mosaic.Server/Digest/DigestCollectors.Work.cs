using System.Globalization;
using System.Text.Json;
using static Mosaic.Server.Digest.DigestContext;

namespace Mosaic.Server.Digest;

/// <summary>
/// What changed in each built-in source since a time, read through the connectors' own tools (names and
/// arguments as in src/Mosaic.Connectors.*/Tools). Custom sources have no digest: their tools are unknown.
/// </summary>
public static partial class DigestCollectors
{
    public static readonly IReadOnlyDictionary<string, Func<DigestContext, Task<List<DigestItem>>>> BySource =
        new Dictionary<string, Func<DigestContext, Task<List<DigestItem>>>>
        {
            ["slack"] = SlackAsync, ["jira"] = JiraAsync, ["github"] = GitHubAsync, ["google_workspace"] = GoogleAsync,
            ["shopify"] = ShopifyAsync, ["s3"] = S3Async, ["mysql"] = MySqlAsync,
        };

    /// <summary>Direct messages and mentions of the user (actionable), then channels with several new messages.</summary>
    private static async Task<List<DigestItem>> SlackAsync(DigestContext c)
    {
        var direct = SlackDirectMessagesAsync(c);
        var channels = Array(await c.CallAsync("list_channels", new { limit = 100 }), "channels")
            .Where(ch => ch.TryGetProperty("is_member", out var m) && m.ValueKind == JsonValueKind.True).Take(10).ToList();
        var reads = channels.Select(async ch =>
        {
            var name = Str(ch, "name")!;
            var messages = Array(await c.CallAsync("read_messages", new { channel = Str(ch, "id") ?? "#" + name, oldest = c.SinceIso, limit = 100 }), "messages").ToList();
            return (name, messages);
        });
        var items = new List<DigestItem>();
        foreach (var (name, messages) in await Task.WhenAll(reads))
        {
            foreach (var m in messages.Where(m => Str(m, "text") is { } t && c.Me.Any(me => t.Contains("@" + me, StringComparison.OrdinalIgnoreCase))))
                items.Add(new($"slack-{Str(m, "ts")}", $"{Str(m, "user")} mentioned you in #{name}", Str(m, "permalink"), "slack", "mention",
                    true, "high", Str(m, "time"), Clip(Str(m, "text")), Str(m, "user")));
            if (messages.Count >= 3)
                items.Add(new($"slack-busy-{name}", $"#{name}: {messages.Count} new messages", Str(messages[0], "permalink"), "slack", "busy_channel",
                    false, "medium", Str(messages[0], "time"), $"Latest from {Str(messages[0], "user")}: {Clip(Str(messages[0], "text"), 160)}"));
        }
        items.InsertRange(0, await direct);
        return items;
    }

    /// <summary>
    /// One item per DM conversation where someone else wrote since the window began (the user's own replies do not
    /// count). A person's DM needs an answer; an app's (bots: reminders, notifications) is listed but not actionable.
    /// </summary>
    private static async Task<List<DigestItem>> SlackDirectMessagesAsync(DigestContext c)
    {
        var recent = Array(await c.CallAsync("list_dms", new { limit = 50 }), "dms")
            .Where(d => Time(d, "last_time") is { } t && t >= c.Since).ToList();
        if (recent.Count == 0) return [];
        var bots = Array(await c.CallAsync("list_users", new { limit = 200 }), "users")
            .Where(u => Str(u, "is_bot") == "true").Select(u => Str(u, "id")).OfType<string>().ToHashSet();
        var reads = recent.Select(async dm =>
        {
            var messages = Array(await c.CallAsync("read_messages", new { channel = Str(dm, "id"), oldest = c.SinceIso, limit = 50 }), "messages")
                .Where(m => !c.IsMe(Str(m, "user"))).ToList();
            return (dm, messages);
        });
        var items = new List<DigestItem>();
        foreach (var (dm, messages) in await Task.WhenAll(reads))
        {
            if (messages.Count == 0) continue;
            var who = Str(dm, "user") ?? Str(messages[0], "user") ?? "Someone";
            var person = !bots.Contains(Str(dm, "user_id") ?? "");
            var title = messages.Count == 1 ? $"{who} sent you a direct message" : $"{who} sent you {messages.Count} direct messages";
            items.Add(new($"slack-dm-{Str(dm, "id")}", title, Str(messages[0], "permalink") ?? Str(dm, "permalink"), "slack",
                person ? "direct_message" : "app_message", person, person ? "high" : "low", Str(messages[0], "time"), Clip(Str(messages[0], "text")), who));
        }
        return items;
    }

    /// <summary>Open issues assigned to the user that changed (actionable), issues they reported that changed, and new issues.</summary>
    private static async Task<List<DigestItem>> JiraAsync(DigestContext c)
    {
        // Relative minutes: Jira reads a date-time in the user's profile time zone, "-90m" means the same everywhere.
        var since = $"-{Math.Ceiling((c.Now - c.Since).TotalMinutes).ToString(CultureInfo.InvariantCulture)}m";
        var queries = new (string Kind, string Jql, bool Actionable)[]
        {
            ("assigned_issue", $"assignee = currentUser() AND statusCategory != Done AND updated >= \"{since}\" ORDER BY updated DESC", true),
            ("reported_issue", $"reporter = currentUser() AND updated >= \"{since}\" ORDER BY updated DESC", false),
            ("new_issue", $"created >= \"{since}\" ORDER BY created DESC", false),
        };
        var results = await Task.WhenAll(queries.Select(async q => (q, Array(await c.CallAsync("query_jira", new { jql = q.Jql, limit = 20 }), "issues").ToList())));
        var items = new List<DigestItem>();
        foreach (var (q, issues) in results)
            foreach (var i in issues)
            {
                var priority = Str(i, "priority") is "Highest" or "High" ? "high" : q.Actionable ? "medium" : "low";
                var verb = q.Kind switch { "assigned_issue" => "assigned to you", "reported_issue" => "reported by you", _ => "new" };
                items.Add(new($"jira-{Str(i, "key")}", $"{Str(i, "key")} {Str(i, "summary")}", Str(i, "url"), "jira", q.Kind,
                    q.Actionable, priority, Str(i, "updated"), $"{Str(i, "status")} · {verb} · {Str(i, "priority")} · {Str(i, "assignee") ?? "unassigned"}",
                    Str(i, "assignee")));
            }
        // An issue found by several queries appears once, under its most actionable reason (queries are in that order).
        return items.DistinctBy(i => i.Id).ToList();
    }

    /// <summary>In the most recently pushed repositories: pull requests waiting for the user's review, new issues, failed workflow runs.</summary>
    private static async Task<List<DigestItem>> GitHubAsync(DigestContext c)
    {
        var repos = Array(await c.CallAsync("list_repositories", new { sort = "pushed", limit = 10 }), "repositories")
            .Where(r => !(r.TryGetProperty("archived", out var a) && a.ValueKind == JsonValueKind.True))
            .Where(r => Time(r, "pushed_at") is not { } p || p >= c.Since.AddDays(-30)).Select(r => Str(r, "full_name")!).Take(3).ToList();
        var perRepo = await Task.WhenAll(repos.Select(async repo =>
        {
            var items = new List<DigestItem>();
            foreach (var pr in Array(await c.CallAsync("list_pull_requests", new { repo, state = "open", limit = 30 }), "pull_requests"))
            {
                var reviewers = pr.TryGetProperty("requested_reviewers", out var r) ? r.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
                if (reviewers.Count == 0) continue;
                var mine = reviewers.Any(c.IsMe);
                items.Add(new($"github-pr-{repo}-{Str(pr, "number")}", $"PR #{Str(pr, "number")} {Str(pr, "title")}", Str(pr, "html_url"), "github",
                    "review_requested", mine, mine ? "high" : "low", Str(pr, "updated_at"),
                    $"{repo} · by {Str(pr, "author")} · review requested from {string.Join(", ", reviewers)}", Str(pr, "author")));
            }
            foreach (var issue in Array(await c.CallAsync("list_issues", new { repo, state = "open", since = c.SinceIso, limit = 20 }), "issues")
                         .Where(i => Time(i, "created_at") >= c.Since))
                items.Add(new($"github-issue-{repo}-{Str(issue, "number")}", $"Issue #{Str(issue, "number")} {Str(issue, "title")}", Str(issue, "html_url"),
                    "github", "new_issue", false, "low", Str(issue, "created_at"), $"{repo} · opened by {Str(issue, "author")}", Str(issue, "author")));
            // GitHub's created filter is by day; the runs of that day before the window began are dropped here.
            var created = ">=" + c.Since.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var runs = Array(await c.CallAsync("get_workflow_runs", new { repo, status = "failure", created, limit = 10 }),
                "workflow_runs");
            foreach (var run in runs.Where(r => Time(r, "created_at") is not { } t || t >= c.Since))
                items.Add(new($"github-run-{Str(run, "id")}", $"{Str(run, "workflow")} failed on {Str(run, "branch")}", Str(run, "html_url"), "github",
                    "failed_run", true, "medium", Str(run, "created_at"), $"{repo} · {Str(run, "title")} · by {Str(run, "actor")}", Str(run, "actor")));
            return items;
        }));
        return perRepo.SelectMany(i => i).ToList();
    }

    internal static string? Clip(string? text, int max = 240) =>
        text is null ? null : text.Length <= max ? text : text[..(max - 1)] + "…";
}
