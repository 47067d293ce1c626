using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Sources.Jira;

/// <summary>Jira: issues, projects, sprints.</summary>
public sealed partial class JiraSource : IBuiltInSource
{
    public const string Id = "jira";

    public SourceDefinition Definition { get; } =
        new()
        {
            Id = Id,
            Name = "Jira",
            Icon = "jira",
            Assembly = "Mosaic.Connectors.Jira",
            Description = "Search, read, create and update issues",
            CredentialFields =
            [
                new("url", "Jira URL", "url", true, "JIRA_URL") { Location = true, Placeholder = "https://your-company.atlassian.net" },
                new("email", "Email", "text", false, "JIRA_EMAIL") { Help = "The account that owns the API token (Jira Cloud)." },
                new("api_token", "API Token", "password", true, "JIRA_API_TOKEN"),
                new("default_project", "Default project", "text", false, null) { Placeholder = "ACME" },
            ],
            DirectRouting =
            [
                new(["project", "projects"], "list_projects"),
                new(["issue", "issues", "ticket", "tickets", "bug", "bugs", "jql"], "query_jira"),
            ],
        };

    public SourcePresentation Presentation { get; } =
        new("oklch(54.6% 0.245 262.881)", null, ["Show ticket ACME-142", "List open issues in project ACME", "Which projects are there?"]);

    public IReadOnlyList<string> NameWords { get; } = ["jira"];

    public IReadOnlyList<WordSignal> Words { get; } =
    [
        new(0.9, ["jira", "jql"]),
        new(
            0.55,
            [
                "ticket",
                "tickets",
                "sprint",
                "sprints",
                "epic",
                "epics",
                "story",
                "stories",
                "backlog",
                "assigned",
                "assignee",
                "blocker",
                "blocking",
                "blocked",
                "blockers",
                "task",
                "tasks",
            ]
        ),
        new(0.4, ["bug", "bugs", "issue", "issues", "priority", "roadmap", "progress", "status", "incident"]),
    ];

    public IReadOnlyList<Regex> NamedItems { get; } = [IssueKey()];

    public IEnumerable<Signal> Entities(string query) =>
        IssueKey().Matches(query).Select(m => new Signal(Id, 1.0, $"names the Jira issue {m.Value}"));

    public Signal? Person(string name) => new(Id, 0.3, $"mentions {name}, who may have Jira issues");

    public async ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct)
    {
        var plan = JiraOfflinePlan.Plan(q);
        if (!plan.Fallback || q.Keywords.Count == 0)
            return plan;
        // "What's going on with the checkout bug?": when one issue's summary fits the words best, that issue answers,
        // in full (its description, comments and links), rather than a list of every issue the words touch.
        var found = new ToolOutput("", await QuestionShapes.PeekAsync(q, Id, plan.Tool, plan.Arguments, ct));
        // Nothing has every word ("What is blocking the Acme Brew Pro launch?": no issue says "blocking"): one word
        // fewer, each left out in turn; the first search that finds something is the answer.
        for (var i = 0; found.Items.Count == 0 && q.Keywords.Count > 1 && i < q.Keywords.Count; i++)
        {
            var relaxed = JiraOfflinePlan.TextSearch(string.Join(' ', q.Keywords.Where((_, j) => j != i)));
            found = new ToolOutput("", await QuestionShapes.PeekAsync(q, Id, relaxed.Tool, relaxed.Arguments, ct));
            if (found.Items.Count > 0)
                plan = relaxed;
        }
        var ranked = found
            .Items.Select(i => (Key: ToolOutput.Field(i, "key"), Score: q.Keywords.Count(k => Mentions(ToolOutput.Field(i, "summary"), k))))
            .OrderByDescending(x => x.Score)
            .ToList();
        return ranked is [var best, ..] && best.Score > 0 && best.Key is { } key && (ranked.Count == 1 || ranked[1].Score < best.Score)
            ? JiraOfflinePlan.Issue(key)
            : plan;
    }

    private static bool Mentions(string? text, string word) => text?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>"ACME-142": an issue key.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Z0-9]{1,9}-\d+\b")]
    internal static partial Regex IssueKey();
}
