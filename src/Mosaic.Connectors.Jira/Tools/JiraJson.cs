using System.Text.Json.Serialization;

namespace Mosaic.Connectors.Jira.Tools;

public sealed record ProjectItem(string Key, string Name, string Id, string? Lead, string? Type, string Url);

public sealed record IssueItem(
    string Key,
    string Summary,
    string? Status,
    string? Assignee,
    string? Priority,
    string? Type,
    string? Updated,
    string Url
);

public sealed record CommentItem(string? Author, string? Created, string Body);

public sealed record LinkItem(string Relation, string Key, string? Summary, string? Status, string Url);

public sealed record IssueDetail
{
    public required string Key { get; init; }
    public required string Url { get; init; }
    public required string Summary { get; init; }
    public string? Status { get; init; }
    public string? StatusCategory { get; init; }
    public string? Type { get; init; }
    public string? Priority { get; init; }
    public string? Project { get; init; }
    public string? Assignee { get; init; }
    public string? AssigneeEmail { get; init; }
    public string? Reporter { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? Created { get; init; }
    public string? Updated { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<LinkItem> Links { get; init; } = [];
    public int CommentsTotal { get; init; }
    public IReadOnlyList<CommentItem> Comments { get; init; } = [];
    public string? Note { get; init; }
}

public sealed record WriteResult(string Key, string Url, IReadOnlyList<string> Changed, string? Status);

/// <summary>Source-generated JSON for the tool results (no reflection: Native AOT friendly).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(ProjectItem))]
[JsonSerializable(typeof(IssueItem))]
[JsonSerializable(typeof(IssueDetail))]
[JsonSerializable(typeof(WriteResult))]
internal sealed partial class JiraJson : JsonSerializerContext;
