using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;
using Octokit;
using static Mosaic.Connectors.GitHub.Tools.GitHubInputs;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>One issue or pull request in depth: body, latest comments, reviews and CI checks.</summary>
[McpServerToolType]
public sealed class GitHubDetailTools(GitHubRestClient github)
{
    private const int BodyChars = 4000;

    [McpServerTool(Name = "get_issue", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("Get one issue: title, state, author, assignees, labels, milestone, body and its most recent comments.")]
    public async Task<CallToolResult> GetIssue(
        [Description("Repository as \"owner/name\", e.g. \"acme/storefront\".")] string repo,
        [Description("Issue number, e.g. 87.")] int number,
        [Description("How many of the latest comments to include (default 5, max 30; 0 for none).")] int? comments = null,
        CancellationToken cancellationToken = default
    )
    {
        var (owner, name, path) = Repo(repo);
        Positive(number);
        var want = comments is 0 ? 0 : Paging.Limit(comments, 5, 30);
        var issue = await github.GetAsync<Issue>($"{path}/issues/{number}", $"Issue #{number} in {owner}/{name}", cancellationToken);

        var recent = Array.Empty<CommentItem>();
        if (want > 0 && issue.Comments > 0)
        {
            // Comments come oldest first: read the last page that holds the newest ones.
            var perPage = 100;
            var lastPage = Math.Max(1, (issue.Comments + perPage - 1) / perPage);
            var (page, _) = await github.GetPageAsync<IssueComment>(
                $"{path}/issues/{number}/comments",
                new Dictionary<string, string> { ["per_page"] = "100", ["page"] = lastPage.ToString() },
                $"Comments of #{number}",
                cancellationToken
            );
            recent = [.. page.TakeLast(want).Select(GitHubMapping.Comment)];
        }
        var detail = new IssueDetail(
            GitHubMapping.Issue(issue, markPulls: true),
            TextClip.Clip(issue.Body, BodyChars),
            issue.ClosedBy?.Login,
            issue.Comments,
            recent,
            issue.PullRequest is null ? null : "This is a pull request: get_pull_request shows its reviews and checks."
        );
        return ToolResults.Object(
            detail,
            GitHubJsonContext.Default.IssueDetail,
            $"{owner}/{name}#{issue.Number} \"{issue.Title}\" is {issue.State.StringValue}, by {issue.User?.Login}, {issue.Comments} "
                + $"comments"
        );
    }

    [McpServerTool(Name = "get_pull_request", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Get one pull request with its review state (decision, latest review per reviewer, pending requested reviewers) and CI "
            + "checks on its head commit (check runs and commit statuses, with failing ones named)."
    )]
    public async Task<CallToolResult> GetPullRequest(
        [Description("Repository as \"owner/name\", e.g. \"acme/storefront\".")] string repo,
        [Description("Pull request number, e.g. 91.")] int number,
        CancellationToken cancellationToken = default
    )
    {
        var (owner, name, path) = Repo(repo);
        Positive(number);
        var pr = await github.GetAsync<PullRequest>(
            $"{path}/pulls/{number}",
            $"Pull request #{number} in {owner}/{name}",
            cancellationToken
        );
        var headSha = pr.Head?.Sha
            ?? throw new UpstreamException(GitHubRestClient.Service, null, null, $"pull request #{number} has no head commit");
        var all = new Dictionary<string, string> { ["per_page"] = "100" };
        var reviews = github.GetPageAsync<PullRequestReview>(
            $"{path}/pulls/{number}/reviews",
            all,
            $"Reviews of #{number}",
            cancellationToken
        );
        var checks = ChecksAsync(path, headSha, all, cancellationToken);
        await Task.WhenAll(reviews, checks);

        var reviewSummary = GitHubReviewState.Summarize((await reviews).Items, pr.RequestedReviewers);
        var checkSummary = await checks;
        var detail = new PullDetail(
            GitHubMapping.Pull(pr),
            TextClip.Clip(pr.Body, BodyChars),
            headSha,
            pr.Mergeable,
            pr.MergeableState?.StringValue,
            pr.MergedBy?.Login,
            pr.Commits,
            pr.Additions,
            pr.Deletions,
            pr.ChangedFiles,
            reviewSummary,
            checkSummary
        );
        var failing = checkSummary.Failing.Length > 0 ? $" ({string.Join(", ", checkSummary.Failing)} failing)" : "";
        return ToolResults.Object(
            detail,
            GitHubJsonContext.Default.PullDetail,
            $"{owner}/{name}#{pr.Number} \"{pr.Title}\" is {detail.PullRequest.State}{(pr.Draft ? " (draft)" : "")}, by {pr.User?.Login}; "
                + $"review: {reviewSummary.Decision}; checks: {checkSummary.State}{failing}"
        );
    }

    /// <summary>
    /// Check runs and commit statuses of the head commit. A token that may read pull requests but not
    /// checks (fine-grained tokens without "Checks: read") still gets the rest of the answer.
    /// </summary>
    private async Task<ChecksSummary> ChecksAsync(
        string path,
        string sha,
        Dictionary<string, string> query,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var runs = github.GetAsync<CheckRunsResponse>(
                $"{path}/commits/{sha}/check-runs",
                $"Checks of {sha[..7]}",
                cancellationToken,
                query
            );
            var statuses = github.GetAsync<CombinedCommitStatus>(
                $"{path}/commits/{sha}/status",
                $"Statuses of {sha[..7]}",
                cancellationToken,
                query
            );
            await Task.WhenAll(runs, statuses);
            return GitHubReviewState.Checks((await runs).CheckRuns ?? [], (await statuses).Statuses ?? []);
        }
        catch (UpstreamException ex) when (ex.Status is 403 or 404 or 422)
        {
            return new ChecksSummary("unknown", 0, [], [], [], [], $"Checks could not be read: {ex.Message}");
        }
    }

    private static void Positive(int number)
    {
        if (number < 1)
            throw new ToolInputException($"number must be a positive issue or pull request number (got {number}).");
    }
}
