using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using static Mosaic.Sandbox.GitHub.GitHubHttp;

namespace Mosaic.Sandbox.GitHub;

/// <summary>Commits, branches, check runs and commit statuses.</summary>
public static class GitHubCodeEndpoints
{
    public static void MapGitHubCode(this RouteGroupBuilder api, GitHubDataset data)
    {
        var repos = api.MapGroup("/repos/{owner}/{repo}");

        repos.MapGet(
            "/commits",
            (HttpContext http, string owner, string repo, string? sha, string? author, string? committer, string? since, string? until) =>
            {
                if (data.Repo(owner, repo) is not { } r)
                    return NotFound();
                if (!TryTime(since, out var from))
                    return Validation("since", since!);
                if (!TryTime(until, out var to))
                    return Validation("until", until!);
                // GitHub answers an unknown branch or SHA with 404 here.
                if (data.HistoryFrom(r.Name, string.IsNullOrEmpty(sha) ? r.DefaultBranch : sha) is not { } history)
                    return NotFound();
                IEnumerable<GhCommit> commits = history;
                foreach (var who in new[] { author, committer }.Where(w => !string.IsNullOrEmpty(w)))
                    commits = commits.Where(c =>
                        c.Author.Login.Equals(who, StringComparison.OrdinalIgnoreCase)
                        || $"{c.Author.Login}@{AcmeCompany.Domain}".Equals(who, StringComparison.OrdinalIgnoreCase)
                    );
                if (from is { } f)
                    commits = commits.Where(c => c.Date >= f);
                if (to is { } t)
                    commits = commits.Where(c => c.Date <= t);
                var urls = Urls(http);
                return Results.Json(Page(http, commits.ToList(), c => GitHubJson.Commit(c, urls)));
            }
        );

        repos.MapGet("/commits/{reference}", (HttpContext http, string owner, string repo, string reference) =>
        {
            if (data.Repo(owner, repo) is not { } r)
                return NotFound();
            return data.Commit(r.Name, reference) is { } c
                ? Results.Json(GitHubJson.Commit(c, Urls(http)))
                : Error(422, $"No commit found for SHA: {reference}");
        });

        repos.MapGet(
            "/commits/{reference}/check-runs",
            (HttpContext http, string owner, string repo, string reference, string? check_name, string? status) =>
            {
                if (data.Repo(owner, repo) is not { } r)
                    return NotFound();
                if (data.Commit(r.Name, reference) is not { } c)
                    return Error(422, $"No commit found for SHA: {reference}");
                var runs = data
                    .CheckRuns.Where(x =>
                        x.Repo == r.Name
                        && x.HeadSha == c.Sha
                        && (check_name is null || x.Name == check_name)
                        && (status is null || x.Status == status)
                    )
                    .ToList();
                var urls = Urls(http);
                var page = Page(http, runs, x => GitHubJson.CheckRun(x, urls), out var total);
                return Results.Json(new JsonObject { ["total_count"] = total, ["check_runs"] = page });
            }
        );

        repos.MapGet("/commits/{reference}/status", (HttpContext http, string owner, string repo, string reference) =>
        {
            if (data.Repo(owner, repo) is not { } r)
                return NotFound();
            if (data.Commit(r.Name, reference) is not { } c)
                return Error(422, $"No commit found for SHA: {reference}");
            var statuses = data.Statuses.Where(s => s.Repo == r.Name && s.Sha == c.Sha).ToList();
            return Results.Json(GitHubJson.CombinedStatus(r.FullName, c.Sha, statuses, Urls(http)));
        });

        repos.MapGet("/branches", (HttpContext http, string owner, string repo, bool? @protected) =>
        {
            if (data.Repo(owner, repo) is not { } r)
                return NotFound();
            var branches = data
                .Branches.Where(b => b.Repo == r.Name && (@protected is null || b.Protected == @protected))
                .OrderBy(b => b.Name, StringComparer.Ordinal)
                .ToList();
            var urls = Urls(http);
            return Results.Json(Page(http, branches, b => GitHubJson.Branch(b, urls)));
        });

        repos.MapGet("/branches/{**branch}", (HttpContext http, string owner, string repo, string branch) =>
        {
            if (data.Repo(owner, repo) is not { } r || data.Branch(r.Name, branch) is not { } b)
                return Error(404, "Branch not found");
            var urls = Urls(http);
            var o = GitHubJson.Branch(b, urls);
            o["commit"] = GitHubJson.Commit(b.History[0], urls);
            o["_links"] = new JsonObject
            {
                ["self"] = $"{urls.Api}/repos/{r.FullName}/branches/{b.Name}",
                ["html"] = $"{urls.Html}/{r.FullName}/tree/{b.Name}",
            };
            return Results.Json(o);
        });
    }
}
