using System.Text.Json.Nodes;
using static Mosaic.Sandbox.GitHub.GitHubHttp;

namespace Mosaic.Sandbox.GitHub;

/// <summary>Issues (which include pull requests, as on GitHub), comments, pull requests and their reviews.</summary>
public static class GitHubIssueEndpoints
{
    public static void MapGitHubIssues(this RouteGroupBuilder api, GitHubDataset data)
    {
        var repos = api.MapGroup("/repos/{owner}/{repo}");

        repos.MapGet(
            "/issues",
            (
                HttpContext http,
                string owner,
                string repo,
                string? state,
                string? labels,
                string? assignee,
                string? creator,
                string? mentioned,
                string? milestone,
                string? sort,
                string? direction,
                string? since
            ) =>
            {
                if (data.Repo(owner, repo) is not { } r)
                    return NotFound();
                if (!TryTime(since, out var sinceTime))
                    return Validation("since", since!);
                var issues = data.Issues.Where(i => i.Repo == r.Name && MatchesState(i.State, state ?? "open"));
                if (!string.IsNullOrEmpty(labels))
                {
                    var wanted = labels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    issues = issues.Where(i => wanted.All(w => i.Labels.Any(l => l.Name.Equals(w, StringComparison.OrdinalIgnoreCase))));
                }
                issues = assignee switch
                {
                    null or "" => issues,
                    "none" => issues.Where(i => i.Assignees.Length == 0),
                    "*" => issues.Where(i => i.Assignees.Length > 0),
                    _ => issues.Where(i => i.Assignees.Any(a => a.Login.Equals(assignee, StringComparison.OrdinalIgnoreCase))),
                };
                if (!string.IsNullOrEmpty(creator))
                    issues = issues.Where(i => i.Author.Login.Equals(creator, StringComparison.OrdinalIgnoreCase));
                if (!string.IsNullOrEmpty(mentioned))
                    issues = issues.Where(i => i.Body.Contains($"@{mentioned}", StringComparison.OrdinalIgnoreCase));
                issues = milestone switch
                {
                    null or "" => issues,
                    "none" => issues.Where(i => i.Milestone is null),
                    "*" => issues.Where(i => i.Milestone is not null),
                    _ => issues.Where(i => i.Milestone is not null && milestone == "1"),
                };
                if (sinceTime is { } s)
                    issues = issues.Where(i => i.UpdatedAt >= s);
                issues = sort switch
                {
                    "updated" => Order(issues, i => i.UpdatedAt, direction, true),
                    "comments" => Order(issues, i => CommentCount(data, i), direction, true),
                    _ => Order(issues, i => i.CreatedAt, direction, true),
                };
                var urls = Urls(http);
                return Results.Json(Page(http, issues.ToList(), i => GitHubJson.Issue(i, CommentCount(data, i), urls)));
            }
        );

        repos.MapGet("/issues/{number:int}", (HttpContext http, string owner, string repo, int number) =>
            data.Repo(owner, repo) is { } r && data.Issue(r.Name, number) is { } i
                ? Results.Json(GitHubJson.Issue(i, CommentCount(data, i), Urls(http)))
                : NotFound()
        );

        repos.MapGet("/issues/{number:int}/comments", (HttpContext http, string owner, string repo, int number, string? since) =>
        {
            if (data.Repo(owner, repo) is not { } r || data.Issue(r.Name, number) is null)
                return NotFound();
            if (!TryTime(since, out var sinceTime))
                return Validation("since", since!);
            var comments = data
                .Comments.Where(c => c.Repo == r.Name && c.IssueNumber == number && (sinceTime is null || c.CreatedAt >= sinceTime))
                .OrderBy(c => c.CreatedAt)
                .ToList();
            var urls = Urls(http);
            return Results.Json(Page(http, comments, c => GitHubJson.Comment(c, urls)));
        });

        repos.MapGet(
            "/pulls",
            (HttpContext http, string owner, string repo, string? state, string? head, string? @base, string? sort, string? direction) =>
            {
                if (data.Repo(owner, repo) is not { } r)
                    return NotFound();
                var pulls = data.Issues.Where(i => i.Repo == r.Name && i.IsPull && MatchesState(i.State, state ?? "open"));
                if (!string.IsNullOrEmpty(head))
                    pulls = pulls.Where(i =>
                        $"acme:{i.Pull!.HeadRef}".Equals(head, StringComparison.OrdinalIgnoreCase) || i.Pull!.HeadRef == head
                    );
                if (!string.IsNullOrEmpty(@base))
                    pulls = pulls.Where(i => i.Pull!.BaseRef == @base);
                // GitHub's default direction is desc for created (or no sort), asc otherwise.
                pulls = sort switch
                {
                    "updated" => Order(pulls, i => i.UpdatedAt, direction, false),
                    "popularity" => Order(pulls, i => CommentCount(data, i), direction, false),
                    "long-running" => Order(pulls, i => i.CreatedAt, direction, false),
                    _ => Order(pulls, i => i.CreatedAt, direction, true),
                };
                var urls = Urls(http);
                var open = GitHubSimulator.OpenIssues(data, r.Name);
                return Results.Json(Page(http, pulls.ToList(), i => GitHubJson.Pull(i, r, open, CommentCount(data, i), urls)));
            }
        );

        repos.MapGet("/pulls/{number:int}", (HttpContext http, string owner, string repo, int number) =>
            data.Repo(owner, repo) is { } r && data.Issue(r.Name, number) is { IsPull: true } i
                ? Results.Json(GitHubJson.Pull(i, r, GitHubSimulator.OpenIssues(data, r.Name), CommentCount(data, i), Urls(http)))
                : NotFound()
        );

        repos.MapGet("/pulls/{number:int}/reviews", (HttpContext http, string owner, string repo, int number) =>
        {
            if (data.Repo(owner, repo) is not { } r || data.Issue(r.Name, number) is not { IsPull: true } pr)
                return NotFound();
            var urls = Urls(http);
            return Results.Json(Page(http, pr.Pull!.Reviews.OrderBy(v => v.SubmittedAt).ToList(), v => GitHubJson.Review(v, pr, urls)));
        });

        repos.MapGet("/pulls/{number:int}/requested_reviewers", (HttpContext http, string owner, string repo, int number) =>
        {
            if (data.Repo(owner, repo) is not { } r || data.Issue(r.Name, number) is not { IsPull: true } pr)
                return NotFound();
            var urls = Urls(http);
            return Results.Json(
                new JsonObject
                {
                    ["users"] = new JsonArray([.. pr.Pull!.RequestedReviewers.Select(u => (JsonNode)GitHubJson.User(u, urls))]),
                    ["teams"] = new JsonArray(),
                }
            );
        });
    }

    private static bool MatchesState(string actual, string wanted) => wanted == "all" || actual == wanted;

    private static int CommentCount(GitHubDataset data, GhIssue i) =>
        data.Comments.Count(c => c.Repo == i.Repo && c.IssueNumber == i.Number);
}
