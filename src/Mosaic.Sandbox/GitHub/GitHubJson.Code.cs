using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.GitHub;

public static partial class GitHubJson
{
    public static JsonObject Commit(GhCommit c, GhUrls urls)
    {
        var full = $"{AcmeCompany.GitHubOrg}/{c.Repo}";
        var email =
            c.Author.Type == "Bot" ? $"{c.Author.Id}+{c.Author.Login}@users.noreply.github.com" : $"{c.Author.Login}@{AcmeCompany.Domain}";
        JsonObject Person() =>
            new()
            {
                ["name"] = c.Author.Name,
                ["email"] = email,
                ["date"] = Time(c.Date),
            };
        return new JsonObject
        {
            ["sha"] = c.Sha,
            ["node_id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Commit:{c.Sha}")),
            ["commit"] = new JsonObject
            {
                ["author"] = Person(),
                ["committer"] = Person(),
                ["message"] = c.Message,
                ["tree"] = new JsonObject
                {
                    ["sha"] = GitHubDataset.Sha($"tree/{c.Sha}"),
                    ["url"] = $"{urls.Api}/repos/{full}/git/trees/{GitHubDataset.Sha($"tree/{c.Sha}")}",
                },
                ["url"] = $"{urls.Api}/repos/{full}/git/commits/{c.Sha}",
                ["comment_count"] = 0,
                ["verification"] = new JsonObject
                {
                    ["verified"] = false,
                    ["reason"] = "unsigned",
                    ["signature"] = null,
                    ["payload"] = null,
                },
            },
            ["url"] = $"{urls.Api}/repos/{full}/commits/{c.Sha}",
            ["html_url"] = $"{urls.Html}/{full}/commit/{c.Sha}",
            ["comments_url"] = $"{urls.Api}/repos/{full}/commits/{c.Sha}/comments",
            ["author"] = User(c.Author, urls),
            ["committer"] = User(c.Author, urls),
            ["parents"] = c.ParentSha is null
                ? new JsonArray()
                : new JsonArray(
                    new JsonObject
                    {
                        ["sha"] = c.ParentSha,
                        ["url"] = $"{urls.Api}/repos/{full}/commits/{c.ParentSha}",
                        ["html_url"] = $"{urls.Html}/{full}/commit/{c.ParentSha}",
                    }
                ),
        };
    }

    public static JsonObject Branch(GhBranch b, GhUrls urls) =>
        new()
        {
            ["name"] = b.Name,
            ["commit"] = new JsonObject
            {
                ["sha"] = b.HeadSha,
                ["url"] = $"{urls.Api}/repos/{AcmeCompany.GitHubOrg}/{b.Repo}/commits/{b.HeadSha}",
            },
            ["protected"] = b.Protected,
        };

    public static JsonObject Workflow(GhWorkflow w, GhUrls urls) =>
        new()
        {
            ["id"] = w.Id,
            ["node_id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Workflow:{w.Id}")),
            ["name"] = w.Name,
            ["path"] = w.Path,
            ["state"] = "active",
            ["created_at"] = Time(GitHubDataset.Ago(300)),
            ["updated_at"] = Time(GitHubDataset.Ago(30)),
            ["url"] = $"{urls.Api}/repos/{AcmeCompany.GitHubOrg}/{w.Repo}/actions/workflows/{w.Id}",
            ["html_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}/{w.Repo}/blob/main/{w.Path}",
            ["badge_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}/{w.Repo}/workflows/{w.Name}/badge.svg",
        };

    public static JsonObject Run(GhRun r, GhRepo repo, int openIssues, GhCommit? head, GhUrls urls)
    {
        var full = repo.FullName;
        return new JsonObject
        {
            ["id"] = r.Id,
            ["name"] = r.Workflow.Name,
            ["node_id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"WorkflowRun:{r.Id}")),
            ["head_branch"] = r.Branch,
            ["head_sha"] = r.HeadSha,
            ["path"] = r.Workflow.Path,
            ["display_title"] = r.DisplayTitle,
            ["run_number"] = r.RunNumber,
            ["event"] = r.Event,
            ["status"] = r.Status,
            ["conclusion"] = r.Conclusion,
            ["workflow_id"] = r.Workflow.Id,
            ["check_suite_id"] = r.Id + 7,
            ["run_attempt"] = 1,
            ["url"] = $"{urls.Api}/repos/{full}/actions/runs/{r.Id}",
            ["html_url"] = $"{urls.Html}/{full}/actions/runs/{r.Id}",
            ["pull_requests"] = r.PullRequest is { } n
                ? new JsonArray(new JsonObject { ["number"] = n, ["url"] = $"{urls.Api}/repos/{full}/pulls/{n}" })
                : new JsonArray(),
            ["created_at"] = Time(r.CreatedAt),
            ["updated_at"] = Time(r.UpdatedAt),
            ["run_started_at"] = Time(r.CreatedAt),
            ["actor"] = User(r.Actor, urls),
            ["triggering_actor"] = User(r.Actor, urls),
            ["jobs_url"] = $"{urls.Api}/repos/{full}/actions/runs/{r.Id}/jobs",
            ["logs_url"] = $"{urls.Api}/repos/{full}/actions/runs/{r.Id}/logs",
            ["workflow_url"] = $"{urls.Api}/repos/{full}/actions/workflows/{r.Workflow.Id}",
            ["head_commit"] = head is null
                ? null
                : new JsonObject
                {
                    ["id"] = head.Sha,
                    ["tree_id"] = GitHubDataset.Sha($"tree/{head.Sha}"),
                    ["message"] = head.Message,
                    ["timestamp"] = Time(head.Date),
                    ["author"] = new JsonObject { ["name"] = head.Author.Name, ["email"] = $"{head.Author.Login}@{AcmeCompany.Domain}" },
                    ["committer"] = new JsonObject { ["name"] = head.Author.Name, ["email"] = $"{head.Author.Login}@{AcmeCompany.Domain}" },
                },
            ["repository"] = Repo(repo, openIssues, urls),
            ["head_repository"] = Repo(repo, openIssues, urls),
        };
    }
}
