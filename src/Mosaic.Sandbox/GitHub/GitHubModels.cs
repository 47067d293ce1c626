namespace Mosaic.Sandbox.GitHub;

// The simulator's own model of Acme's GitHub org. GitHubJson renders it in the REST v3 shapes.

public sealed record GhUser(string Login, long Id, string Name, string Type = "User");

public sealed record GhLabel(long Id, string Name, string Color, string Description);

public sealed record GhRepo
{
    public required string Name { get; init; }
    public required long Id { get; init; }
    public required string Description { get; init; }
    public string? Language { get; init; }
    public bool Private { get; init; }
    public bool Archived { get; init; }
    public bool Fork { get; init; }
    public string DefaultBranch { get; init; } = "main";
    public string[] Topics { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset PushedAt { get; init; }
    public int Stars { get; init; }
    public int Forks { get; init; }
    public string FullName => $"{Acme.AcmeCompany.GitHubOrg}/{Name}";
}

public sealed record GhReview(long Id, GhUser User, string State, string Body, DateTimeOffset SubmittedAt, string CommitId);

/// <summary>The pull-request half of an issue that is a PR (GitHub numbers both from one sequence).</summary>
public sealed record GhPull
{
    public required string HeadRef { get; init; }
    public required string HeadSha { get; init; }
    public string BaseRef { get; init; } = "main";
    public bool Draft { get; init; }
    public DateTimeOffset? MergedAt { get; init; }
    public GhUser? MergedBy { get; init; }
    public GhUser[] RequestedReviewers { get; init; } = [];
    public GhReview[] Reviews { get; init; } = [];
    public int Additions { get; init; }
    public int Deletions { get; init; }
    public int ChangedFiles { get; init; }
    public int Commits { get; init; } = 1;
    public string MergeableState { get; init; } = "clean";
}

public sealed record GhIssue
{
    public required string Repo { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public string Body { get; init; } = "";
    public required GhUser Author { get; init; }
    public string State { get; init; } = "open";
    public string? StateReason { get; init; }
    public GhLabel[] Labels { get; init; } = [];
    public GhUser[] Assignees { get; init; } = [];
    public string? Milestone { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public GhPull? Pull { get; init; }
    public bool IsPull => Pull is not null;
}

public sealed record GhComment(long Id, string Repo, int IssueNumber, GhUser User, string Body, DateTimeOffset CreatedAt);

public sealed record GhCommit(string Repo, string Sha, string Message, GhUser Author, DateTimeOffset Date, string? ParentSha);

/// <summary>A branch: its own commits (newest first) on top of another branch at a fork point.</summary>
public sealed record GhBranch(string Repo, string Name, bool Protected, IReadOnlyList<GhCommit> History)
{
    public string HeadSha => History[0].Sha;
}

public sealed record GhCheckRun(
    long Id,
    string Repo,
    string HeadSha,
    string Name,
    string Status,
    string? Conclusion,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string Summary
);

public sealed record GhStatus(long Id, string Repo, string Sha, string Context, string State, string Description, DateTimeOffset CreatedAt);

public sealed record GhWorkflow(long Id, string Repo, string Name, string Path);

public sealed record GhRun
{
    public required long Id { get; init; }
    public required GhWorkflow Workflow { get; init; }
    public required int RunNumber { get; init; }
    public required string Branch { get; init; }
    public required string HeadSha { get; init; }
    public required string Event { get; init; }
    public required string Status { get; init; }
    public string? Conclusion { get; init; }
    public required GhUser Actor { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string DisplayTitle { get; init; }
    public int? PullRequest { get; init; }
}
