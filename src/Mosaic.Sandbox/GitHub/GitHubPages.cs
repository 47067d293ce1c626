using System.Net;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;

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
                    ? SandboxPages.Html(
                        $"{r.FullName}#{i.Number}: {i.Title}",
                        $"<p>{(i.IsPull ? "Pull request" : "Issue")} · {i.State} · opened by {i.Author.Login} · "
                            + $"labels: {string.Join(", ", i.Labels.Select(l => l.Name))}</p><pre>{WebUtility.HtmlEncode(i.Body)}</pre>"
                    )
                    : Results.NotFound()
        );
        app.MapGet("/github/{owner}/{repo}/commit/{sha}", (string owner, string repo, string sha) =>
            data.Repo(owner, repo) is { } r && data.Commit(r.Name, sha) is { } c && c.Sha == sha
                ? SandboxPages.Page($"{r.FullName} · {c.Message}", $"Commit {c.Sha} by {c.Author.Login}")
                : Results.NotFound()
        );
        app.MapGet("/github/{owner}/{repo}/actions/runs/{id:long}", (string owner, string repo, long id) =>
            data.Repo(owner, repo) is { } r && data.Runs.FirstOrDefault(x => x.Id == id && x.Workflow.Repo == r.Name) is { } run
                ? SandboxPages.Page($"{run.Workflow.Name} #{run.RunNumber}: {run.DisplayTitle}", run.Conclusion ?? run.Status)
                : Results.NotFound()
        );
        app.MapGet(
            "/github/{owner}/{repo}/{kind:regex(^(tree|blob|actions|runs|previews|milestone)$)}/{**rest}",
            (string owner, string repo, string kind, string rest) =>
                data.Repo(owner, repo) is { } r
                    ? SandboxPages.Page($"{r.FullName} · {kind}/{rest}", "A page of the Mosaic Sandbox's simulated GitHub.")
                    : Results.NotFound()
        );
        app.MapGet("/github/{login}", (string login) => login.Equals(AcmeCompany.GitHubOrg, StringComparison.OrdinalIgnoreCase)
                ? SandboxPages.Page(AcmeCompany.GitHubOrg, "The Acme organization.")
            : data.User(login) is { } u ? SandboxPages.Page(u.Login, u.Name)
            : Results.NotFound());
        app.MapGet("/github/{owner}/{repo}", (string owner, string repo) =>
            data.Repo(owner, repo) is { } r ? SandboxPages.Page(r.FullName, r.Description) : Results.NotFound()
        );
    }
}
