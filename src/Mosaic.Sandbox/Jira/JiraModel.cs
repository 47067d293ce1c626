using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Jira;

/// <summary>A project. <see cref="Editable"/> false means the Sandbox user may browse but not create or edit (403).</summary>
public sealed record JiraProject(string Id, string Key, string Name, string LeadAccountId, string Description, bool Editable = true);

public sealed record JiraStatus(string Id, string Name, string CategoryKey, string CategoryName, string Color);

public sealed record JiraComment(string Id, string AuthorId, JsonNode Body, DateTimeOffset Created);

/// <summary>"From &lt;outward&gt; To", e.g. ACME-142 blocks BREW-12.</summary>
public sealed record JiraLink(string Id, string Type, string FromKey, string ToKey);

/// <summary>An issue as stored. Description and comment bodies are Atlassian Document Format, as Jira keeps them.</summary>
public sealed record JiraIssue
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string ProjectKey { get; init; }
    public required string Summary { get; init; }
    public required string Status { get; init; }
    public required string IssueType { get; init; }
    public string Priority { get; init; } = "Medium";
    public string? AssigneeId { get; init; }
    public required string ReporterId { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public JsonNode? Description { get; init; }
    public IReadOnlyList<JiraComment> Comments { get; init; } = [];
}

/// <summary>The fixed vocabularies of the Acme Jira site.</summary>
public static class JiraCatalog
{
    public static readonly JiraStatus[] Statuses =
    [
        new("10000", "To Do", "new", "To Do", "blue-gray"),
        new("3", "In Progress", "indeterminate", "In Progress", "yellow"),
        new("10001", "In Review", "indeterminate", "In Progress", "yellow"),
        new("10002", "Done", "done", "Done", "green"),
    ];

    /// <summary>Transition ids: every status can move to every other (a simplified workflow).</summary>
    public static readonly Dictionary<string, string> TransitionIds = new()
    {
        ["11"] = "To Do",
        ["21"] = "In Progress",
        ["31"] = "In Review",
        ["41"] = "Done",
    };

    public static readonly Dictionary<string, string> IssueTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bug"] = "10004",
        ["Story"] = "10001",
        ["Task"] = "10002",
        ["Epic"] = "10000",
    };

    public static readonly string[] Priorities = ["Highest", "High", "Medium", "Low", "Lowest"];

    public static readonly (string Name, string Outward, string Inward)[] LinkTypes =
    [
        ("Blocks", "blocks", "is blocked by"),
        ("Relates", "relates to", "relates to"),
        ("Duplicate", "duplicates", "is duplicated by"),
    ];

    public static JiraStatus Status(string name) => Statuses.First(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
