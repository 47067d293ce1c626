using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;
using Octokit;
using static Mosaic.Connectors.GitHub.Tools.GitHubInputs;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>The GitHub connector's listing tools. Each returns one page; next_cursor fetches the next.</summary>
[McpServerToolType]
public sealed class GitHubListTools(GitHubRestClient github)
{
    private const string CursorHelp =
        "Cursor from a previous call's next_cursor (continues that listing; other arguments must stay the same).";
    private const string LimitHelp = "Items per page (default 30, max 100).";
    private const string PageHelp = "Page number to jump to (1-based) when not using a cursor.";

    [McpServerTool(Name = "list_repositories", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "List GitHub repositories: an organization's or user's (owner), or else every repository the token can access. Returns full "
            + "name, description, visibility, language, default branch, open issue count, last push and link."
    )]
    public async Task<CallToolResult> ListRepositories(
        [Description("Organization or user login, e.g. \"acme\". Omit for the repositories the token's user can access.")]
            string? owner = null,
        [Description("Which repositories: all (default), public, private, forks, sources, member.")] string? type = null,
        [Description("Sort by: created, updated, pushed or full_name (default: full_name without owner, created with owner).")]
            string? sort = null,
        [Description("asc or desc (GitHub's default: asc for full_name, otherwise desc).")] string? direction = null,
        [Description(CursorHelp)] string? cursor = null,
        [Description(LimitHelp)] int? limit = null,
        [Description(PageHelp)] int? page = null,
        CancellationToken cancellationToken = default
    )
    {
        var who = Word("owner", owner);
        var query = new Dictionary<string, string>();
        query.Set("type", OneOf("type", type, "all", "public", "private", "forks", "sources", "member"));
        query.Set("sort", OneOf("sort", sort, "created", "updated", "pushed", "full_name"));
        query.Set("direction", OneOf("direction", direction, "asc", "desc"));
        var paging = GitHubPage.From(
            Cursor.Scope(
                "repos",
                who,
                query.GetValueOrDefault("type"),
                query.GetValueOrDefault("sort"),
                query.GetValueOrDefault("direction")
            ),
            cursor,
            page,
            limit
        );

        IReadOnlyList<Repository> repos;
        bool hasNext;
        if (who is null)
            (repos, hasNext) = await github.GetPageAsync<Repository>(
                "user/repos",
                paging.Query(query),
                "Your repositories",
                cancellationToken
            );
        else
        {
            // An owner is an organization (whose private repositories only /orgs lists) or else a user.
            try
            {
                (repos, hasNext) = await github.GetPageAsync<Repository>(
                    $"orgs/{Uri.EscapeDataString(who)}/repos",
                    paging.Query(query),
                    $"The organization \"{who}\"",
                    cancellationToken
                );
            }
            catch (UpstreamException ex) when (ex.Status == 404)
            {
                (repos, hasNext) = await github.GetPageAsync<Repository>(
                    $"users/{Uri.EscapeDataString(who)}/repos",
                    paging.Query(query),
                    $"No organization or user \"{who}\"",
                    cancellationToken
                );
            }
        }
        return List(
            repos.Skip(paging.Skip).Select(GitHubMapping.Repo).ToList(),
            "repositories",
            GitHubJsonContext.Default.RepoItem,
            paging,
            hasNext,
            null,
            n => $"{n} repositories{(who is null ? "" : $" of {who}")}"
        );
    }

    [McpServerTool(Name = "list_issues", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "List issues of a repository, newest first by default, with GitHub's filters (state, labels, assignee, author, milestone, "
            + "updated since). Pull requests are left out unless include_pull_requests is true. Use get_issue for the body and comments."
    )]
    public async Task<CallToolResult> ListIssues(
        [Description("Repository as \"owner/name\", e.g. \"acme/storefront\".")] string repo,
        [Description("open (default), closed or all.")] string? state = null,
        [Description("Comma-separated label names; issues must have all of them, e.g. \"bug,p1\".")] string? labels = null,
        [Description("Assignee login, \"none\" for unassigned, or \"*\" for any assignee.")] string? assignee = null,
        [Description("Login of the issue's author.")] string? creator = null,
        [Description("Login of a user mentioned in the issue.")] string? mentioned = null,
        [Description("Milestone number, \"none\" or \"*\".")] string? milestone = null,
        [Description("Only issues updated at or after this ISO 8601 time, e.g. 2025-01-31 or 2025-01-31T09:00:00Z.")] string? since = null,
        [Description("Sort by created (default), updated or comments.")] string? sort = null,
        [Description("asc or desc (default desc).")] string? direction = null,
        [Description("Also list pull requests (GitHub counts them as issues). Default false.")] bool include_pull_requests = false,
        [Description(CursorHelp)] string? cursor = null,
        [Description(LimitHelp)] int? limit = null,
        [Description(PageHelp)] int? page = null,
        CancellationToken cancellationToken = default
    )
    {
        var (owner, name, path) = Repo(repo);
        var query = new Dictionary<string, string>();
        query.Set("state", OneOf("state", state, "open", "closed", "all"));
        query.Set(
            "labels",
            string.IsNullOrWhiteSpace(labels)
                ? null
                : string.Join(',', labels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        );
        query.Set("assignee", Word("assignee", assignee));
        query.Set("creator", Word("creator", creator));
        query.Set("mentioned", Word("mentioned", mentioned));
        query.Set("milestone", Word("milestone", milestone));
        query.Set("since", Timestamp("since", since));
        query.Set("sort", OneOf("sort", sort, "created", "updated", "comments"));
        query.Set("direction", OneOf("direction", direction, "asc", "desc"));
        var paging = GitHubPage.From(
            Cursor.Scope([
                "issues",
                path,
                include_pull_requests.ToString(),
                .. query.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"),
            ]),
            cursor,
            page,
            limit
        );

        var (issues, hasNext) = await github.GetPageAsync<Issue>(
            $"{path}/issues",
            paging.Query(query),
            $"The repository {owner}/{name}",
            cancellationToken
        );
        // Keep each shown item's index on the GitHub page, so a cut page resumes at the right issue.
        var shown = issues
            .Select((issue, index) => (issue, index))
            .Skip(paging.Skip)
            .Where(x => include_pull_requests || x.issue.PullRequest is null)
            .ToList();
        return List(
            shown.Select(x => GitHubMapping.Issue(x.issue, include_pull_requests)).ToList(),
            "issues",
            GitHubJsonContext.Default.IssueItem,
            paging,
            hasNext,
            k => shown[k].index,
            n => $"{n} {(include_pull_requests ? "issues and pull requests" : "issues")} in {owner}/{name}",
            exactOffset: include_pull_requests
        );
    }

    [McpServerTool(Name = "list_pull_requests", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "List pull requests of a repository (state open/closed/all, head or base branch). State \"merged\" in the result means "
            + "closed by merging. Use get_pull_request for reviews and CI checks."
    )]
    public async Task<CallToolResult> ListPullRequests(
        [Description("Repository as \"owner/name\", e.g. \"acme/storefront\".")] string repo,
        [Description("open (default), closed or all.")] string? state = null,
        [Description("Head branch, as \"branch\" or \"owner:branch\".")] string? head = null,
        [Description("Base branch the pull requests target, e.g. \"main\".")] string? @base = null,
        [Description("Sort by created (default), updated, popularity or long-running.")] string? sort = null,
        [Description("asc or desc (GitHub's default: desc for created, asc otherwise).")] string? direction = null,
        [Description(CursorHelp)] string? cursor = null,
        [Description(LimitHelp)] int? limit = null,
        [Description(PageHelp)] int? page = null,
        CancellationToken cancellationToken = default
    )
    {
        var (owner, name, path) = Repo(repo);
        var query = new Dictionary<string, string>();
        query.Set("state", OneOf("state", state, "open", "closed", "all"));
        var headRef = Word("head", head);
        query.Set(
            "head",
            headRef is null ? null
                : headRef.Contains(':') ? headRef
                : $"{owner}:{headRef}"
        );
        query.Set("base", Word("base", @base));
        query.Set("sort", OneOf("sort", sort, "created", "updated", "popularity", "long-running"));
        query.Set("direction", OneOf("direction", direction, "asc", "desc"));
        var paging = GitHubPage.From(
            Cursor.Scope(["pulls", path, .. query.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")]),
            cursor,
            page,
            limit
        );

        var (pulls, hasNext) = await github.GetPageAsync<PullRequest>(
            $"{path}/pulls",
            paging.Query(query),
            $"The repository {owner}/{name}",
            cancellationToken
        );
        return List(
            pulls.Skip(paging.Skip).Select(GitHubMapping.Pull).ToList(),
            "pull_requests",
            GitHubJsonContext.Default.PullItem,
            paging,
            hasNext,
            null,
            n => $"{n} pull requests in {owner}/{name}"
        );
    }

    /// <summary>Shapes one page with the kit's budget; Offset/Total are left out where GitHub gives no total.</summary>
    internal static CallToolResult List<T>(
        IReadOnlyList<T> items,
        string itemsName,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        GitHubPage paging,
        bool hasNext,
        Func<int, int>? rawIndex,
        Func<int, string> summary,
        int? total = null,
        bool exactOffset = true
    ) =>
        ToolResults.List(
            items,
            new ListShape<T>
            {
                ItemsName = itemsName,
                TypeInfo = type,
                Total = total,
                Offset = exactOffset ? paging.Offset : 0,
                MoreUpstream = hasNext,
                NextCursor = kept => paging.Next(kept, items.Count, hasNext, rawIndex),
                Extra = new System.Text.Json.Nodes.JsonObject { ["page"] = paging.Page, ["per_page"] = paging.PerPage },
            },
            $"{summary(items.Count)} (page {paging.Page}{(hasNext ? ", more pages follow" : "")})"
        );
}
