using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;
using static Mosaic.Sandbox.GitHub.GitHubHttp;

namespace Mosaic.Sandbox.GitHub;

/// <summary>
/// GitHub REST v3 for Acme's org. Mounted at /github (what GITHUB_API_URL points to) and at /api/v3,
/// where GitHub Enterprise serves it and where Octokit goes when given only a host.
/// </summary>
public static class GitHubSimulator
{
    public static readonly string[] Prefixes = ["/github", "/api/v3"];

    public static IEndpointRouteBuilder MapGitHubSimulator(this IEndpointRouteBuilder app)
    {
        var data = GitHubDataset.Build();
        app.ServiceProvider.GetRequiredService<SandboxState>().OnReset(ResetRateLimit);
        foreach (var prefix in Prefixes)
        {
            var api = app.MapGroup(prefix).AddEndpointFilter(Guard);
            api.MapGitHubAccounts(data);
            api.MapGitHubIssues(data);
            api.MapGitHubCode(data);
            api.MapGitHubActions(data);
            api.Map("{**rest}", () => NotFound());
        }
        app.MapGitHubPages(data);
        new OAuth.GitHubOAuth(app.ServiceProvider.GetRequiredService<OAuth.SandboxOAuth>().GitHub).Map(app); // user tokens, revocation
        return app;
    }

    private static void MapGitHubAccounts(this RouteGroupBuilder api, GitHubDataset data)
    {
        api.MapGet("/user", (HttpContext http) => Results.Json(GitHubJson.UserDetail(data.Viewer, Urls(http), GitHubHttp.Member(http))));
        api.MapGet("/users/{login}", (HttpContext http, string login) =>
            data.User(login) is { } u ? Results.Json(GitHubJson.UserDetail(u, Urls(http))) : NotFound()
        );
        api.MapGet("/rate_limit", () => Results.Json(
                new JsonObject
                {
                    ["resources"] = new JsonObject
                    {
                        ["core"] = new JsonObject
                        {
                            ["limit"] = HourlyLimit,
                            ["remaining"] = HourlyLimit,
                            ["used"] = 0,
                        },
                    },
                }
            ));

        api.MapGet("/orgs/{org}/repos", (HttpContext http, string org, string? type, string? sort, string? direction) =>
            org.Equals(AcmeCompany.GitHubOrg, StringComparison.OrdinalIgnoreCase)
                ? RepoList(http, data, type, sort ?? "created", direction)
                : NotFound()
        );
        api.MapGet("/users/{login}/repos", (HttpContext http, string login, string? type, string? sort, string? direction) => login.Equals(
                AcmeCompany.GitHubOrg,
                StringComparison.OrdinalIgnoreCase
            )
                ? RepoList(http, data, type, sort ?? "full_name", direction)
            : data.User(login) is not null ? Results.Json(new JsonArray())
            : NotFound());
        // The token's owner (Alice) is a member of every Acme repository.
        api.MapGet("/user/repos", (HttpContext http, string? visibility, string? type, string? sort, string? direction) =>
            RepoList(http, data, visibility is "public" or "private" ? visibility : type, sort ?? "full_name", direction)
        );

        api.MapGet("/repos/{owner}/{repo}", (HttpContext http, string owner, string repo) =>
            data.Repo(owner, repo) is { } r ? Results.Json(GitHubJson.Repo(r, OpenIssues(data, r.Name), Urls(http))) : NotFound()
        );
    }

    public static int OpenIssues(GitHubDataset data, string repo) => data.Issues.Count(i => i.Repo == repo && i.State == "open");

    private static IResult RepoList(HttpContext http, GitHubDataset data, string? type, string sort, string? direction)
    {
        IEnumerable<GhRepo> repos = (type ?? "all") switch
        {
            "public" => data.Repos.Where(r => !r.Private),
            "private" => data.Repos.Where(r => r.Private),
            "forks" => data.Repos.Where(r => r.Fork),
            "sources" => data.Repos.Where(r => !r.Fork),
            _ => data.Repos,
        };
        repos = sort switch
        {
            "full_name" => Order(repos, r => r.FullName, direction, descendingByDefault: false),
            "updated" or "pushed" => Order(repos, r => r.PushedAt, direction, descendingByDefault: true),
            _ => Order(repos, r => r.CreatedAt, direction, descendingByDefault: true),
        };
        var urls = Urls(http);
        return Results.Json(Page(http, repos.ToList(), r => GitHubJson.Repo(r, OpenIssues(data, r.Name), urls)));
    }
}
