using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.GitHub;

public static partial class GitHubJson
{
    public static JsonObject Pull(GhIssue i, GhRepo repo, int openIssues, int comments, GhUrls urls)
    {
        var p = i.Pull!;
        var full = repo.FullName;
        var o = Issue(i, comments, urls);
        o.Remove("pull_request");
        o.Remove("repository_url");
        o.Remove("state_reason");
        o["id"] = IssueId(i) + 1_000_000_000L;
        o["url"] = $"{urls.Api}/repos/{full}/pulls/{i.Number}";
        o["issue_url"] = $"{urls.Api}/repos/{full}/issues/{i.Number}";
        o["diff_url"] = $"{urls.Html}/{full}/pull/{i.Number}.diff";
        o["patch_url"] = $"{urls.Html}/{full}/pull/{i.Number}.patch";
        o["statuses_url"] = $"{urls.Api}/repos/{full}/statuses/{p.HeadSha}";
        o["requested_reviewers"] = new JsonArray([.. p.RequestedReviewers.Select(u => (JsonNode)User(u, urls))]);
        o["requested_teams"] = new JsonArray();
        o["head"] = Ref(p.HeadRef, p.HeadSha, repo, openIssues, urls);
        o["base"] = Ref(p.BaseRef, GitHubDataset.Sha($"{full}/base/{i.Number}"), repo, openIssues, urls);
        o["merged"] = p.MergedAt is not null;
        o["merged_at"] = Time(p.MergedAt);
        o["merged_by"] = p.MergedBy is null ? null : User(p.MergedBy, urls);
        o["merge_commit_sha"] = p.MergedAt is null ? null : GitHubDataset.Sha($"{full}/merge/{i.Number}");
        o["mergeable"] = i.State == "open" ? p.MergeableState is not "dirty" : null;
        o["mergeable_state"] = p.MergeableState;
        o["review_comments"] = p.Reviews.Length;
        o["commits"] = p.Commits;
        o["additions"] = p.Additions;
        o["deletions"] = p.Deletions;
        o["changed_files"] = p.ChangedFiles;
        o["maintainer_can_modify"] = false;
        return o;
    }

    private static JsonObject Ref(string name, string sha, GhRepo repo, int openIssues, GhUrls urls) =>
        new()
        {
            ["label"] = $"{AcmeCompany.GitHubOrg}:{name}",
            ["ref"] = name,
            ["sha"] = sha,
            ["user"] = User(new GhUser(AcmeCompany.GitHubOrg, 600001, "Acme", "Organization"), urls),
            ["repo"] = Repo(repo, openIssues, urls),
        };

    public static JsonObject Review(GhReview r, GhIssue pr, GhUrls urls) =>
        new()
        {
            ["id"] = r.Id,
            ["node_id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Review:{r.Id}")),
            ["user"] = User(r.User, urls),
            ["body"] = r.Body,
            ["state"] = r.State,
            ["commit_id"] = r.CommitId,
            ["html_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}/{pr.Repo}/pull/{pr.Number}#pullrequestreview-{r.Id}",
            ["pull_request_url"] = $"{urls.Api}/repos/{AcmeCompany.GitHubOrg}/{pr.Repo}/pulls/{pr.Number}",
            ["submitted_at"] = Time(r.SubmittedAt),
            ["author_association"] = "MEMBER",
        };

    public static JsonObject CheckRun(GhCheckRun c, GhUrls urls) =>
        new()
        {
            ["id"] = c.Id,
            ["head_sha"] = c.HeadSha,
            ["node_id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"CheckRun:{c.Id}")),
            ["external_id"] = "",
            ["url"] = $"{urls.Api}/repos/{AcmeCompany.GitHubOrg}/{c.Repo}/check-runs/{c.Id}",
            ["html_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}/{c.Repo}/runs/{c.Id}",
            ["details_url"] = $"{urls.Html}/{AcmeCompany.GitHubOrg}/{c.Repo}/runs/{c.Id}",
            ["status"] = c.Status,
            ["conclusion"] = c.Conclusion,
            ["started_at"] = Time(c.StartedAt),
            ["completed_at"] = Time(c.CompletedAt),
            ["name"] = c.Name,
            ["output"] = new JsonObject
            {
                ["title"] = c.Conclusion == "failure" ? $"{c.Name} failed" : c.Name,
                ["summary"] = c.Summary,
                ["text"] = null,
                ["annotations_count"] = 0,
            },
            ["app"] = new JsonObject
            {
                ["id"] = 15368,
                ["slug"] = "github-actions",
                ["name"] = "GitHub Actions",
                ["node_id"] = "MDM6QXBwMTUzNjg=",
            },
            ["pull_requests"] = new JsonArray(),
        };

    public static JsonObject CombinedStatus(string repoFull, string sha, IReadOnlyList<GhStatus> statuses, GhUrls urls)
    {
        var state =
            statuses.Count == 0 ? "pending"
            : statuses.Any(s => s.State is "failure" or "error") ? "failure"
            : statuses.All(s => s.State == "success") ? "success"
            : "pending";
        return new JsonObject
        {
            ["state"] = state,
            ["sha"] = sha,
            ["total_count"] = statuses.Count,
            ["statuses"] = new JsonArray([
                .. statuses.Select(s =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["id"] = s.Id,
                            ["state"] = s.State,
                            ["description"] = s.Description,
                            ["context"] = s.Context,
                            ["target_url"] = $"{urls.Html}/{repoFull}/previews/{sha[..7]}",
                            ["created_at"] = Time(s.CreatedAt),
                            ["updated_at"] = Time(s.CreatedAt),
                            ["url"] = $"{urls.Api}/repos/{repoFull}/statuses/{sha}",
                            ["avatar_url"] = null,
                        }
                ),
            ]),
            ["url"] = $"{urls.Api}/repos/{repoFull}/commits/{sha}/status",
            ["commit_url"] = $"{urls.Api}/repos/{repoFull}/commits/{sha}",
        };
    }
}
