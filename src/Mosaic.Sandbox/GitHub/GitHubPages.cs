using System.Net;

namespace Mosaic.Sandbox.GitHub;

/// <summary>
/// Tiny browsable pages behind the simulator's html_url links, so a link shown in the demo UI opens
/// something (the real github.com has no such repositories). No auth: they are what a browser opens.
/// </summary>
public static class GitHubPages
{
    public static void MapGitHubPages(this IEndpointRouteBuilder app, GitHubDataset data)
    {
        app.MapGet(
            "/github/{owner}/{repo}/{kind:regex(^(issues|pull)$)}/{number:int}",
            (string owner, string repo, string kind, int number) =>
                data.Repo(owner, repo) is { } r && data.Issue(r.Name, number) is { } i && (kind == "pull") == i.IsPull
                    ? Page(
                        $"{r.FullName}#{i.Number}: {i.Title}",
                        $"<p>{(i.IsPull ? "Pull request" : "Issue")} · {i.State} · opened by {i.Author.Login} · "
                            + $"labels: {string.Join(", ", i.Labels.Select(l => l.Name))}</p><pre>{WebUtility.HtmlEncode(i.Body)}</pre>"
                    )
                    : Results.NotFound()
        );
        app.MapGet(
            "/github/{owner}/{repo}/{kind:regex(^(commit|tree|blob|actions|runs|previews|milestone)$)}/{**rest}",
            (string owner, string repo, string kind, string rest) =>
                data.Repo(owner, repo) is { } r
                    ? Page($"{r.FullName} · {kind}/{rest}", "<p>A page of the Mosaic Sandbox's simulated GitHub.</p>")
                    : Results.NotFound()
        );
        app.MapGet("/github/{owner}/{repo}", (string owner, string repo) =>
            data.Repo(owner, repo) is { } r ? Page(r.FullName, $"<p>{WebUtility.HtmlEncode(r.Description)}</p>") : Results.NotFound()
        );
    }

    private static IResult Page(string title, string body) =>
        Results.Content(
            $"<!doctype html><meta charset=utf-8><title>{WebUtility.HtmlEncode(title)}</title>"
                + $"<h1>{WebUtility.HtmlEncode(title)}</h1>{body}<p><small>Mosaic Sandbox (simulated data)</small></p>",
            "text/html; charset=utf-8"
        );
}
