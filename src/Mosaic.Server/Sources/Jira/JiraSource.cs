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

    public ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct) => ValueTask.FromResult<PlannedCall?>(Plan(q));

    private static PlannedCall Plan(OfflineQuestion q)
    {
        if (IssueKey().Match(q.Query) is { Success: true } key)
            return new("get_issue", new Dictionary<string, object?> { ["key"] = key.Value }) { Label = $"get issue {key.Value}" };
        var jql = q.Phrase.Length > 0 ? $"text ~ '{q.Phrase}' ORDER BY updated DESC" : "statusCategory != Done ORDER BY updated DESC";
        return new("query_jira", new Dictionary<string, object?> { ["jql"] = jql }) { Fallback = true };
    }

    /// <summary>"ACME-142": an issue key.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Z0-9]{1,9}-\d+\b")]
    internal static partial Regex IssueKey();
}
