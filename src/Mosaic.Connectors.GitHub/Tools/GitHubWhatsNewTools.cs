using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;
using Octokit;
using static Mosaic.Connectors.GitHub.Tools.GitHubInputs;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>What changed lately in the repositories the token's user works in (the digest's view of GitHub).</summary>
[McpServerToolType]
public sealed class GitHubWhatsNewTools(GitHubRestClient github)
{
    [McpServerTool(Name = WhatsNew.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "What is new on GitHub since a time, in the three most recently pushed repositories: pull requests waiting for "
            + "review (the user's need action), newly opened issues and failed workflow runs."
    )]
    public async Task<CallToolResult> WhatsNewAsync(
        [Description(WhatsNewWindow.SinceHelp)] string since,
        [Description(WhatsNewWindow.LimitHelp)] int? limit = null,
        [Description(WhatsNewWindow.MeHelp)] string? me = null,
        [Description(WhatsNewWindow.NowHelp)] string? now = null,
        CancellationToken cancellationToken = default
    )
    {
        var window = WhatsNewWindow.From(since, limit, me, now);
        var (repos, _) = await github.GetPageAsync<Repository>(
            "user/repos",
            Query(("sort", "pushed"), ("per_page", "10"), ("page", "1")),
            "Your repositories",
            cancellationToken
        );
        var recent = repos
            .Select(GitHubMapping.Repo)
            .Where(r => !r.Archived)
            .Where(r => r.PushedAt is not { } p || p >= window.Since.AddDays(-30))
            .Select(r => r.FullName)
            .Take(3)
            .ToList();
        var perRepo = await Task.WhenAll(recent.Select(repo => RepositoryAsync(repo, window, cancellationToken)));
        return WhatsNew.Result(perRepo.SelectMany(i => i).ToList(), window, "GitHub");
    }

    private async Task<List<WhatsNewItem>> RepositoryAsync(string repo, WhatsNewWindow window, CancellationToken ct)
    {
        var (_, _, path) = Repo(repo);
        var what = $"The repository {repo}";
        var items = new List<WhatsNewItem>();
        var (pulls, _) = await github.GetPageAsync<PullRequest>(
            $"{path}/pulls",
            Query(("state", "open"), ("per_page", "30"), ("page", "1")),
            what,
            ct
        );
        foreach (var pr in pulls.Select(GitHubMapping.Pull).Where(p => p.RequestedReviewers.Length > 0))
        {
            var mine = pr.RequestedReviewers.Any(window.IsMe);
            items.Add(
                new(
                    $"github-pr-{repo}-{pr.Number}",
                    "review_requested",
                    $"PR #{pr.Number} {pr.Title}",
                    $"{repo} · by {pr.Author} · review requested from {string.Join(", ", pr.RequestedReviewers)}",
                    pr.HtmlUrl,
                    pr.Author,
                    WhatsNewWindow.Iso(pr.UpdatedAt),
                    mine,
                    mine ? "high" : "low"
                )
            );
        }
        var (issues, _) = await github.GetPageAsync<Issue>(
            $"{path}/issues",
            Query(("state", "open"), ("since", window.SinceIso), ("per_page", "20"), ("page", "1")),
            what,
            ct
        );
        foreach (
            var issue in issues
                .Where(i => i.PullRequest is null)
                .Select(i => GitHubMapping.Issue(i, false))
                .Where(i => i.CreatedAt >= window.Since)
        )
            items.Add(
                new(
                    $"github-issue-{repo}-{issue.Number}",
                    "new_issue",
                    $"Issue #{issue.Number} {issue.Title}",
                    $"{repo} · opened by {issue.Author}",
                    issue.HtmlUrl,
                    issue.Author,
                    WhatsNewWindow.Iso(issue.CreatedAt),
                    false,
                    "low"
                )
            );
        // GitHub's created filter is by day; the runs of that day before the window began are dropped here.
        var created = ">=" + window.Since.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (runs, _) = await github.GetWithLinksAsync<WorkflowRunsResponse>(
            $"{path}/actions/runs",
            Query(("status", "failure"), ("created", created), ("per_page", "10"), ("page", "1")),
            what,
            ct
        );
        foreach (var run in (runs.WorkflowRuns ?? []).Select(GitHubMapping.Run).Where(r => r.CreatedAt >= window.Since))
            items.Add(
                new(
                    $"github-run-{run.Id}",
                    "failed_run",
                    $"{run.Workflow} failed on {run.Branch}",
                    $"{repo} · {run.Title} · by {run.Actor}",
                    run.HtmlUrl,
                    run.Actor,
                    WhatsNewWindow.Iso(run.CreatedAt),
                    true,
                    "medium"
                )
            );
        return items;
    }

    private static Dictionary<string, string> Query(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
