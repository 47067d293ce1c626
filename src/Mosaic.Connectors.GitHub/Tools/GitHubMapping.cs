using Mosaic.Connectors.Common.Results;
using Octokit;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>Octokit models → the compact result shapes.</summary>
internal static class GitHubMapping
{
    public static RepoItem Repo(Repository r) =>
        new(
            r.FullName,
            TextClip.Clip(r.Description, 200),
            r.Private,
            r.Archived,
            r.Fork,
            r.Language,
            r.DefaultBranch,
            r.OpenIssuesCount,
            r.StargazersCount,
            r.PushedAt,
            r.HtmlUrl
        );

    public static IssueItem Issue(Issue i, bool markPulls) =>
        new(
            i.Number,
            i.Title,
            i.State.StringValue,
            i.StateReason?.StringValue,
            i.User?.Login,
            Logins(i.Assignees),
            Labels(i.Labels),
            i.Comments,
            i.Milestone?.Title,
            markPulls ? i.PullRequest is not null : null,
            i.CreatedAt,
            i.UpdatedAt,
            i.ClosedAt,
            i.HtmlUrl
        );

    public static PullItem Pull(PullRequest p) =>
        new(
            p.Number,
            p.Title,
            p.Merged || p.MergedAt is not null ? "merged" : p.State.StringValue,
            p.Draft,
            p.User?.Login,
            p.Head?.Ref ?? "",
            p.Base?.Ref ?? "",
            Logins(p.RequestedReviewers),
            Labels(p.Labels),
            p.CreatedAt,
            p.UpdatedAt,
            p.MergedAt,
            p.HtmlUrl
        );

    public static CommitItem Commit(GitHubCommit c)
    {
        var message = c.Commit?.Message ?? "";
        var firstLine = message.Split('\n', 2)[0].TrimEnd('\r');
        return new CommitItem(
            c.Sha,
            TextClip.Clip(firstLine, 200)!,
            c.Author?.Login ?? c.Commit?.Author?.Name,
            c.Commit?.Author?.Date,
            c.HtmlUrl
        );
    }

    public static BranchItem Branch(Branch b) => new(b.Name, b.Commit?.Sha ?? "", b.Protected);

    public static RunItem Run(WorkflowRun r) =>
        new(
            r.Id,
            r.Name,
            r.DisplayTitle,
            r.HeadBranch,
            r.Event,
            r.Status.StringValue,
            r.Conclusion?.StringValue,
            r.Actor?.Login,
            r.RunNumber,
            [.. (r.PullRequests ?? []).Select(p => p.Number)],
            r.CreatedAt,
            r.UpdatedAt,
            r.HtmlUrl
        );

    public static CommentItem Comment(IssueComment c) => new(c.User?.Login, c.CreatedAt, TextClip.Clip(c.Body, 600) ?? "", c.HtmlUrl);

    private static string[] Logins(IEnumerable<User>? users) => [.. (users ?? []).Select(u => u.Login)];

    private static string[] Labels(IEnumerable<Label>? labels) => [.. (labels ?? []).Select(l => l.Name)];
}
