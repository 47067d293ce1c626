using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Paging;
using Octokit;
using static Mosaic.Connectors.GitHub.Tools.GitHubInputs;
using static Mosaic.Connectors.GitHub.Tools.GitHubListTools;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>Commits, branches and CI (GitHub Actions workflow runs).</summary>
[McpServerToolType]
public sealed class GitHubCodeTools(GitHubRestClient github)
{
    private const string CursorHelp =
        "Cursor from a previous call's next_cursor (continues that listing; other arguments must stay the same).";
    private const string LimitHelp = "Items per page (default 30, max 100).";
    private const string PageHelp = "Page number to jump to (1-based) when not using a cursor.";

    [McpServerTool(Name = "list_commits", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "List commits of a repository, newest first: on the default branch, or from a branch, tag or SHA; filter by author, file "
            + "path and date range. Returns SHA, first line of the message, author, date and link."
    )]
    public async Task<CallToolResult> ListCommits(
        [Description("Repository as \"owner/name\", e.g. \"acme/storefront\".")] string repo,
        [Description("Branch name, tag or commit SHA to start from (default: the default branch).")] string? @ref = null,
        [Description("Author's GitHub login or e-mail address.")] string? author = null,
        [Description("Only commits touching this file or directory path.")] string? path = null,
        [Description("Only commits at or after this ISO 8601 time.")] string? since = null,
        [Description("Only commits at or before this ISO 8601 time.")] string? until = null,
        [Description(CursorHelp)] string? cursor = null,
        [Description(LimitHelp)] int? limit = null,
        [Description(PageHelp)] int? page = null,
        CancellationToken cancellationToken = default
    )
    {
        var (owner, name, apiPath) = Repo(repo);
        var query = new Dictionary<string, string>();
        query.Set("sha", Word("ref", @ref));
        query.Set("author", Word("author", author));
        query.Set("path", string.IsNullOrWhiteSpace(path) ? null : path.Trim());
        query.Set("since", Timestamp("since", since));
        query.Set("until", Timestamp("until", until));
        var paging = GitHubPage.From(
            Cursor.Scope(["commits", apiPath, .. query.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")]),
            cursor,
            page,
            limit
        );

        var what = @ref is null ? $"The repository {owner}/{name}" : $"The ref \"{@ref}\" in {owner}/{name}";
        var (commits, hasNext) = await github.GetPageAsync<GitHubCommit>(
            $"{apiPath}/commits",
            paging.Query(query),
            what,
            cancellationToken
        );
        return List(
            commits.Skip(paging.Skip).Select(GitHubMapping.Commit).ToList(),
            "commits",
            GitHubJsonContext.Default.CommitItem,
            paging,
            hasNext,
            null,
            n => $"{n} commits in {owner}/{name}{(@ref is null ? "" : $" from {@ref}")}"
        );
    }

    [McpServerTool(Name = "list_branches", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("List branches of a repository with their head commit SHA and whether they are protected.")]
    public async Task<CallToolResult> ListBranches(
        [Description("Repository as \"owner/name\", e.g. \"acme/storefront\".")] string repo,
        [Description("true: only protected branches; false: only unprotected; omit for all.")] bool? @protected = null,
        [Description(CursorHelp)] string? cursor = null,
        [Description(LimitHelp)] int? limit = null,
        [Description(PageHelp)] int? page = null,
        CancellationToken cancellationToken = default
    )
    {
        var (owner, name, apiPath) = Repo(repo);
        var query = new Dictionary<string, string>();
        query.Set("protected", @protected is { } p ? (p ? "true" : "false") : null);
        var paging = GitHubPage.From(Cursor.Scope("branches", apiPath, @protected?.ToString()), cursor, page, limit);
        var (branches, hasNext) = await github.GetPageAsync<Branch>(
            $"{apiPath}/branches",
            paging.Query(query),
            $"The repository {owner}/{name}",
            cancellationToken
        );
        return List(
            branches.Skip(paging.Skip).Select(GitHubMapping.Branch).ToList(),
            "branches",
            GitHubJsonContext.Default.BranchItem,
            paging,
            hasNext,
            null,
            n => $"{n} branches in {owner}/{name}"
        );
    }

    [McpServerTool(Name = "get_workflow_runs", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "CI/CD status: GitHub Actions workflow runs of a repository, newest first, with status and conclusion (success, failure, "
            + "...). Filter by workflow, branch, event, actor, status or conclusion, creation date, or commit SHA."
    )]
    public async Task<CallToolResult> GetWorkflowRuns(
        [Description("Repository as \"owner/name\", e.g. \"acme/storefront\".")] string repo,
        [Description("Only runs of this workflow: its file name (e.g. \"ci.yml\") or numeric id.")] string? workflow = null,
        [Description("Only runs on this branch.")] string? branch = null,
        [Description(
            "A status (queued, in_progress, completed, waiting, requested, pending) or a conclusion (success, failure, cancelled, "
                + "skipped, timed_out, action_required, neutral, stale)."
        )]
            string? status = null,
        [Description("Only runs triggered by this event, e.g. push, pull_request, schedule, workflow_dispatch.")] string? @event = null,
        [Description("Only runs started by this login.")] string? actor = null,
        [Description(
            "Creation date filter in GitHub's syntax: \">=2025-01-31\", \"<2025-02-01\", \"2025-01-01..2025-01-31\" or a single day."
        )]
            string? created = null,
        [Description("Only runs for this commit SHA.")] string? head_sha = null,
        [Description(CursorHelp)] string? cursor = null,
        [Description("Runs per page (default 30, max 100).")] int? limit = null,
        [Description(PageHelp)] int? page = null,
        CancellationToken cancellationToken = default
    )
    {
        var (owner, name, apiPath) = Repo(repo);
        var query = new Dictionary<string, string>();
        query.Set("branch", Word("branch", branch));
        query.Set(
            "status",
            OneOf(
                "status",
                status,
                "queued",
                "in_progress",
                "completed",
                "waiting",
                "requested",
                "pending",
                "success",
                "failure",
                "cancelled",
                "skipped",
                "timed_out",
                "action_required",
                "neutral",
                "stale"
            )
        );
        query.Set("event", Word("event", @event));
        query.Set("actor", Word("actor", actor));
        query.Set("created", Word("created", created));
        query.Set("head_sha", Word("head_sha", head_sha));
        var wf = Word("workflow", workflow);
        var paging = GitHubPage.From(
            Cursor.Scope(["runs", apiPath, wf, .. query.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")]),
            cursor,
            page,
            limit
        );

        var url = wf is null ? $"{apiPath}/actions/runs" : $"{apiPath}/actions/workflows/{Uri.EscapeDataString(wf)}/runs";
        var what = wf is null ? $"The repository {owner}/{name}" : $"The workflow \"{wf}\" in {owner}/{name}";
        var (response, hasNext) = await github.GetWithLinksAsync<WorkflowRunsResponse>(url, paging.Query(query), what, cancellationToken);
        var runs = (response.WorkflowRuns ?? []).Skip(paging.Skip).Select(GitHubMapping.Run).ToList();
        var failed = runs.Count(r => r.Conclusion is "failure" or "timed_out");
        return List(
            runs,
            "workflow_runs",
            GitHubJsonContext.Default.RunItem,
            paging,
            hasNext,
            null,
            n => $"{response.TotalCount} workflow runs in {owner}/{name}; showing {n}{(failed > 0 ? $", {failed} failed" : "")}",
            total: response.TotalCount
        );
    }
}
