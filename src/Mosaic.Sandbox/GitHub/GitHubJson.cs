using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.GitHub;

/// <summary>Where links point: the API root the request came through, and the Sandbox's browsable pages.</summary>
public sealed record GhUrls(string Api, string Html);

/// <summary>
/// Renders the model in GitHub REST v3 shapes: the fields clients read, with GitHub's names
/// (<c>html_url</c>, <c>user.login</c>, the <c>pull_request</c> key on issues that are PRs, ...).
/// </summary>
public static partial class GitHubJson
{
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static JsonNode? Time(DateTimeOffset? t) => t is { } v ? Time(v) : null;

    private static string Node(string kind, long id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{kind}:{id}"));

    public static JsonObject User(GhUser u, GhUrls urls) =>
        new()
        {
            ["login"] = u.Login,
            ["id"] = u.Id,
            ["node_id"] = Node("User", u.Id),
            ["avatar_url"] = $"{urls.Html}/avatars/{u.Login}",
            ["url"] = $"{urls.Api}/users/{u.Login}",
            ["html_url"] = $"{urls.Html}/{u.Login}",
            ["type"] = u.Type,
            ["site_admin"] = false,
        };

    public static JsonObject UserDetail(GhUser u, GhUrls urls, int member = 0)
    {
        var o = User(u, urls);
        o["name"] = u.Name + SandboxTokens.MemberSuffix(member);
        o["company"] = "Acme";
        o["email"] = u.Type == "User" ? $"{u.Login}@{AcmeCompany.Domain}" : null;
        return o;
    }

    private static JsonArray Users(IEnumerable<GhUser> users, GhUrls urls) => [.. users.Select(u => (JsonNode)User(u, urls))];

    public static JsonObject Repo(GhRepo r, int openIssues, GhUrls urls) =>
        new()
        {
            ["id"] = r.Id,
            ["node_id"] = Node("Repository", r.Id),
            ["name"] = r.Name,
            ["full_name"] = r.FullName,
            ["private"] = r.Private,
            ["owner"] = Org(urls),
            ["html_url"] = $"{urls.Html}/{r.FullName}",
            ["description"] = r.Description,
            ["fork"] = r.Fork,
            ["url"] = $"{urls.Api}/repos/{r.FullName}",
            ["created_at"] = Time(r.CreatedAt),
            ["updated_at"] = Time(r.PushedAt),
            ["pushed_at"] = Time(r.PushedAt),
            ["clone_url"] = $"{urls.Html}/{r.FullName}.git",
            ["homepage"] = null,
            ["size"] = 2048,
            ["stargazers_count"] = r.Stars,
            ["watchers_count"] = r.Stars,
            ["language"] = r.Language,
            ["forks_count"] = r.Forks,
            ["archived"] = r.Archived,
            ["disabled"] = false,
            ["open_issues_count"] = openIssues,
            ["topics"] = new JsonArray([.. r.Topics.Select(t => (JsonNode)t)]),
            ["visibility"] = r.Private ? "private" : "public",
            ["forks"] = r.Forks,
            ["open_issues"] = openIssues,
            ["watchers"] = r.Stars,
            ["default_branch"] = r.DefaultBranch,
            ["has_issues"] = true,
            ["has_wiki"] = false,
        };

    private static JsonObject Org(GhUrls urls) =>
        new()
        {
            ["login"] = AcmeCompany.GitHubOrg,
            ["id"] = 600001,
            ["node_id"] = Node("Organization", 600001),
            ["url"] = $"{urls.Api}/orgs/{AcmeCompany.GitHubOrg}",
            ["html_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}",
            ["avatar_url"] = $"{urls.Html}/avatars/{AcmeCompany.GitHubOrg}",
            ["type"] = "Organization",
            ["site_admin"] = false,
        };

    private static JsonObject Label(GhLabel l, GhUrls urls, string repo) =>
        new()
        {
            ["id"] = l.Id,
            ["node_id"] = Node("Label", l.Id),
            ["url"] = $"{urls.Api}/repos/{AcmeCompany.GitHubOrg}/{repo}/labels/{l.Name}",
            ["name"] = l.Name,
            ["color"] = l.Color,
            ["default"] = false,
            ["description"] = l.Description,
        };

    public static JsonObject Issue(GhIssue i, int comments, GhUrls urls)
    {
        var full = $"{AcmeCompany.GitHubOrg}/{i.Repo}";
        var id = IssueId(i);
        var o = new JsonObject
        {
            ["id"] = id,
            ["node_id"] = Node(i.IsPull ? "PullRequest" : "Issue", id),
            ["url"] = $"{urls.Api}/repos/{full}/issues/{i.Number}",
            ["repository_url"] = $"{urls.Api}/repos/{full}",
            ["html_url"] = $"{urls.Html}/{full}/{(i.IsPull ? "pull" : "issues")}/{i.Number}",
            ["number"] = i.Number,
            ["state"] = i.State,
            ["state_reason"] = i.StateReason,
            ["title"] = i.Title,
            ["body"] = i.Body,
            ["user"] = User(i.Author, urls),
            ["labels"] = new JsonArray([.. i.Labels.Select(l => (JsonNode)Label(l, urls, i.Repo))]),
            ["assignee"] = i.Assignees.Length > 0 ? User(i.Assignees[0], urls) : null,
            ["assignees"] = Users(i.Assignees, urls),
            ["milestone"] = Milestone(i, urls),
            ["locked"] = false,
            ["comments"] = comments,
            ["created_at"] = Time(i.CreatedAt),
            ["updated_at"] = Time(i.UpdatedAt),
            ["closed_at"] = Time(i.ClosedAt),
            ["author_association"] = i.Author.Type == "Bot" ? "NONE" : "MEMBER",
        };
        if (i.Pull is { } p)
            o["pull_request"] = new JsonObject
            {
                ["url"] = $"{urls.Api}/repos/{full}/pulls/{i.Number}",
                ["html_url"] = $"{urls.Html}/{full}/pull/{i.Number}",
                ["diff_url"] = $"{urls.Html}/{full}/pull/{i.Number}.diff",
                ["patch_url"] = $"{urls.Html}/{full}/pull/{i.Number}.patch",
                ["merged_at"] = Time(p.MergedAt),
            };
        if (i.IsPull)
            o["draft"] = i.Pull!.Draft;
        return o;
    }

    public static long IssueId(GhIssue i) =>
        2_000_000_000L + (i.Repo.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0xFFFF) * 10_000L + i.Number;

    private static JsonObject? Milestone(GhIssue i, GhUrls urls) =>
        i.Milestone is null
            ? null
            : new JsonObject
            {
                ["id"] = 3001,
                ["number"] = 1,
                ["title"] = i.Milestone,
                ["state"] = "open",
                ["url"] = $"{urls.Api}/repos/{AcmeCompany.GitHubOrg}/{i.Repo}/milestones/1",
                ["html_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}/{i.Repo}/milestone/1",
                ["due_on"] = Time(GitHubDataset.Ago(-10)),
                ["open_issues"] = 3,
                ["closed_issues"] = 1,
            };

    public static JsonObject Comment(GhComment c, GhUrls urls) =>
        new()
        {
            ["id"] = c.Id,
            ["node_id"] = Node("IssueComment", c.Id),
            ["user"] = User(c.User, urls),
            ["body"] = c.Body,
            ["url"] = $"{urls.Api}/repos/{AcmeCompany.GitHubOrg}/{c.Repo}/issues/comments/{c.Id}",
            ["html_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}/{c.Repo}/issues/{c.IssueNumber}#issuecomment-{c.Id}",
            ["created_at"] = Time(c.CreatedAt),
            ["updated_at"] = Time(c.CreatedAt),
            ["author_association"] = "MEMBER",
        };
}
