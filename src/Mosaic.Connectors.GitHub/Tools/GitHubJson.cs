using System.Text.Json.Serialization;

namespace Mosaic.Connectors.GitHub.Tools;

// Compact shapes: what a person needs (titles, states, people, dates, links), none of the API's URL noise.

public sealed record RepoItem(
    string FullName,
    string? Description,
    bool Private,
    bool Archived,
    bool Fork,
    string? Language,
    string DefaultBranch,
    int OpenIssues,
    int Stars,
    DateTimeOffset? PushedAt,
    string HtmlUrl
);

public sealed record IssueItem(
    int Number,
    string Title,
    string State,
    string? StateReason,
    string? Author,
    string[] Assignees,
    string[] Labels,
    int Comments,
    string? Milestone,
    bool? IsPullRequest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ClosedAt,
    string HtmlUrl
);

public sealed record PullItem(
    int Number,
    string Title,
    string State,
    bool Draft,
    string? Author,
    string Head,
    string Base,
    string[] RequestedReviewers,
    string[] Labels,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? MergedAt,
    string HtmlUrl
);

public sealed record CommitItem(string Sha, string Message, string? Author, DateTimeOffset? Date, string HtmlUrl);

public sealed record BranchItem(string Name, string Sha, bool Protected);

public sealed record RunItem(
    long Id,
    string Workflow,
    string? Title,
    string Branch,
    string Event,
    string Status,
    string? Conclusion,
    string? Actor,
    long RunNumber,
    int[] PullRequests,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string HtmlUrl
);

public sealed record CommentItem(string? Author, DateTimeOffset CreatedAt, string Body, string HtmlUrl);

public sealed record IssueDetail(
    IssueItem Issue,
    string? Body,
    string? ClosedBy,
    int CommentsTotal,
    CommentItem[] RecentComments,
    string? Note
);

public sealed record ReviewItem(string? Reviewer, string State, DateTimeOffset? SubmittedAt, string? Body);

public sealed record ReviewSummary(string Decision, ReviewItem[] Latest, string[] Requested);

public sealed record CheckItem(string Name, string Status, string? Conclusion, string? Summary, string? HtmlUrl);

public sealed record StatusItem(string Context, string State, string? Description, string? TargetUrl);

public sealed record ChecksSummary(
    string State,
    int Total,
    string[] Failing,
    string[] Pending,
    CheckItem[] CheckRuns,
    StatusItem[] Statuses,
    string? Note = null
);

public sealed record PullDetail(
    PullItem PullRequest,
    string? Body,
    string HeadSha,
    bool? Mergeable,
    string? MergeableState,
    string? MergedBy,
    int Commits,
    int Additions,
    int Deletions,
    int ChangedFiles,
    ReviewSummary Reviews,
    ChecksSummary Checks
);

/// <summary>Source-generated JSON for the tool results (no reflection for our own types).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(RepoItem))]
[JsonSerializable(typeof(IssueItem))]
[JsonSerializable(typeof(PullItem))]
[JsonSerializable(typeof(CommitItem))]
[JsonSerializable(typeof(BranchItem))]
[JsonSerializable(typeof(RunItem))]
[JsonSerializable(typeof(IssueDetail))]
[JsonSerializable(typeof(PullDetail))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
