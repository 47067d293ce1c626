using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Sources.GitHub;

/// <summary>GitHub: repositories, issues, pull requests, commits and CI runs.</summary>
public sealed partial class GitHubSource : IBuiltInSource
{
    public const string Id = "github";

    public SourceDefinition Definition { get; } =
        new()
        {
            Id = Id,
            Name = "GitHub",
            Icon = "github",
            Assembly = "Mosaic.Connectors.GitHub",
            Description = "Repositories, issues, pull requests, commits and CI runs",
            CredentialFields =
            [
                new("token", "Personal Access Token", "password", true, "GITHUB_TOKEN") { Placeholder = "ghp_… or github_pat_…" },
                new("api_url", "API URL", "url", false, "GITHUB_API_URL") { Location = true, Help = "Only for GitHub Enterprise Server." },
            ],
            DirectRouting =
            [
                new(["pull request", "pull requests", "pr", "prs"], "list_pull_requests"),
                new(["issue", "issues"], "list_issues"),
                new(["commit", "commits"], "list_commits"),
                new(["branch", "branches"], "list_branches"),
                new(["workflow", "workflows", "ci", "build", "actions"], "get_workflow_runs"),
                new(["repo", "repos", "repository", "repositories"], "list_repositories"),
            ],
        };

    // zinc-800, and zinc-600 on a dark page, where zinc-800 would hardly stand out.
    public SourcePresentation Presentation { get; } =
        new(
            "oklch(27.4% 0.006 286.033)",
            "oklch(44.2% 0.017 285.786)",
            ["List open pull requests in acme/storefront", "Show open issues in acme/storefront", "Latest commits in acme/storefront"]
        );

    public IReadOnlyList<string> NameWords { get; } = ["github"];

    public IReadOnlyList<WordSignal> Words { get; } =
    [
        new(0.9, ["github", "pr", "prs"]),
        new(
            0.6,
            [
                "pull",
                "repo",
                "repos",
                "repository",
                "repositories",
                "commit",
                "commits",
                "branch",
                "branches",
                "merge",
                "merged",
                "ci",
                "workflow",
                "workflows",
                "build",
                "builds",
                "pipeline",
                "deploy",
                "deployed",
                "code",
                "review",
                "reviews",
                "release",
                "releases",
            ]
        ),
        new(0.3, ["bug", "bugs", "fix", "fixed", "failing", "failed", "test", "tests"]),
    ];

    public IReadOnlyList<Regex> NamedItems { get; } = [PullRequest()];

    public IEnumerable<Signal> Entities(string query)
    {
        foreach (Match m in PullRequest().Matches(query))
            yield return new(Id, 1.0, $"names pull request #{m.Groups["n"].Value}");
        foreach (Match m in OwnerRepo().Matches(query))
            yield return new(Id, 0.9, $"names the repository {m.Value}");
    }

    public Signal? Person(string name) => new(Id, 0.25, $"mentions {name}, who may have pull requests");

    public async ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct)
    {
        // The tools work per repository, so the plan needs one to look in.
        if (await GitHubRepoPicker.PickAsync(q, ct) is not { } repo)
            return new PlannedCall("list_repositories") { Fallback = true };
        if (PullRequest().Match(q.Query) is { Success: true } pr)
        {
            var number = int.Parse(pr.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return new("get_pull_request", new Dictionary<string, object?> { ["repo"] = repo, ["number"] = number });
        }
        if (Ci().IsMatch(q.Lower))
            return new("get_workflow_runs", new Dictionary<string, object?> { ["repo"] = repo });
        return new(
            "list_issues",
            new Dictionary<string, object?>
            {
                ["repo"] = repo,
                ["state"] = "all",
                ["include_pull_requests"] = true,
                ["limit"] = 50,
            }
        )
        {
            Fallback = true,
        };
    }

    /// <summary>"PR #12", "pull request 12".</summary>
    [GeneratedRegex(@"\b(?:PR|pull request|pull)\s*#?(?<n>\d+)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex PullRequest();

    /// <summary>"acme/storefront".</summary>
    [GeneratedRegex(@"(?<=^|\s)[A-Za-z0-9][\w.\-]*/[A-Za-z0-9][\w.\-]*(?=$|[\s,?!]|\.(?:\s|$))")]
    internal static partial Regex OwnerRepo();

    [GeneratedRegex(@"\b(workflow|workflows|ci|build|builds|pipeline|deploy|actions)\b")]
    private static partial Regex Ci();
}
