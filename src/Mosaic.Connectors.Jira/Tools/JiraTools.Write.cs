using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Jira.JiraClient;
using static Mosaic.Connectors.Jira.Tools.JiraFields;

namespace Mosaic.Connectors.Jira.Tools;

public sealed partial class JiraTools
{
    [McpServerTool(Name = "create_issue", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description(
        "Create a Jira issue. Jira's own field errors (a missing summary, an unknown issue type) come back as they are, to correct "
            + "and retry."
    )]
    public async Task<CallToolResult> CreateIssue(
        [Description("Project key, e.g. ACME (list_projects shows them).")] string project,
        [Description("One-line summary (title) of the issue.")] string summary,
        [Description("Issue type name: Task (default), Bug, Story, Epic, …")] string? issue_type = null,
        [Description("Description as plain text (blank lines separate paragraphs).")] string? description = null,
        [Description("Assignee: an e-mail address, a display name, an account id, or \"me\".")] string? assignee = null,
        [Description("Priority name: Highest, High, Medium, Low or Lowest.")] string? priority = null,
        [Description("Labels, comma-separated (no spaces inside a label).")] string? labels = null,
        CancellationToken cancellationToken = default
    )
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = project?.Trim().ToUpperInvariant() },
            ["summary"] = summary,
            ["issuetype"] = new JsonObject { ["name"] = string.IsNullOrWhiteSpace(issue_type) ? "Task" : issue_type.Trim() },
        };
        if (!string.IsNullOrWhiteSpace(description))
            fields["description"] = AdfText.FromText(description);
        if (!string.IsNullOrWhiteSpace(assignee))
            fields["assignee"] = await AssigneeAsync(assignee, cancellationToken);
        if (!string.IsNullOrWhiteSpace(priority))
            fields["priority"] = new JsonObject { ["name"] = priority.Trim() };
        if (labels is not null)
            fields["labels"] = new JsonArray([.. Labels(labels).Select(l => (JsonNode)l)]);

        var created = await jira.WriteAsync(HttpMethod.Post, "issue", new JsonObject { ["fields"] = fields }, cancellationToken);
        var key = Str(created, "key") ?? throw new UpstreamException("Jira", null, null, "the issue was created but Jira returned no key");
        var result = new WriteResult(key, settings.BrowseUrl(key), ["created"], "To Do");
        return ToolResults.Object(result, JiraJson.Default.WriteResult, $"Created {key}: {summary}");
    }

    [McpServerTool(Name = "update_issue", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description(
        "Update a Jira issue: summary, description, assignee, priority, labels, a new comment, and/or its status (moved through the "
            + "workflow's transitions). Only the arguments given change."
    )]
    public async Task<CallToolResult> UpdateIssue(
        [Description("The issue key, e.g. ACME-142.")] string key,
        [Description("New summary.")] string? summary = null,
        [Description("New description as plain text (replaces the old one).")] string? description = null,
        [Description("New status name, e.g. \"In Review\" or \"Done\" (must be reachable by a transition).")] string? status = null,
        [Description("New assignee: an e-mail address, a display name, an account id, \"me\", or \"unassigned\".")] string? assignee = null,
        [Description("New priority name: Highest, High, Medium, Low or Lowest.")] string? priority = null,
        [Description("Replace all labels with these, comma-separated (empty string clears them).")] string? labels = null,
        [Description("Add these labels, comma-separated, keeping the existing ones.")] string? add_labels = null,
        [Description("A comment to add, as plain text.")] string? comment = null,
        CancellationToken cancellationToken = default
    )
    {
        var issueKey = IssueKey(key);
        var fields = new JsonObject();
        var update = new JsonObject();
        var changed = new List<string>();
        if (summary is not null)
        {
            fields["summary"] = summary;
            changed.Add("summary");
        }
        if (description is not null)
        {
            fields["description"] = string.IsNullOrWhiteSpace(description) ? null : AdfText.FromText(description);
            changed.Add("description");
        }
        if (!string.IsNullOrWhiteSpace(assignee))
        {
            fields["assignee"] = await AssigneeAsync(assignee, cancellationToken);
            changed.Add("assignee");
        }
        if (!string.IsNullOrWhiteSpace(priority))
        {
            fields["priority"] = new JsonObject { ["name"] = priority.Trim() };
            changed.Add("priority");
        }
        if (labels is not null)
        {
            fields["labels"] = new JsonArray([.. Labels(labels).Select(l => (JsonNode)l)]);
            changed.Add("labels");
        }
        if (!string.IsNullOrWhiteSpace(add_labels))
        {
            update["labels"] = new JsonArray([.. Labels(add_labels).Select(l => (JsonNode)new JsonObject { ["add"] = l })]);
            changed.Add("labels");
        }
        if (!string.IsNullOrWhiteSpace(comment))
        {
            update["comment"] = new JsonArray(new JsonObject { ["add"] = new JsonObject { ["body"] = AdfText.FromText(comment) } });
            changed.Add("comment");
        }
        if (changed.Count == 0 && string.IsNullOrWhiteSpace(status))
            throw new ToolInputException(
                "Nothing to update: give at least one of summary, description, status, assignee, priority, labels, add_labels or comment."
            );

        // Find the transition first, so an impossible status change fails before anything is written.
        (string Id, string To)? transition = string.IsNullOrWhiteSpace(status)
            ? null
            : await TransitionAsync(issueKey, status.Trim(), cancellationToken);
        if (fields.Count > 0 || update.Count > 0)
            await jira.WriteAsync(
                HttpMethod.Put,
                $"issue/{Q(issueKey)}",
                new JsonObject { ["fields"] = fields, ["update"] = update },
                cancellationToken
            );
        if (transition is { } t)
        {
            await jira.WriteAsync(
                HttpMethod.Post,
                $"issue/{Q(issueKey)}/transitions",
                new JsonObject { ["transition"] = new JsonObject { ["id"] = t.Id } },
                cancellationToken
            );
            changed.Add("status");
        }
        var result = new WriteResult(issueKey, settings.BrowseUrl(issueKey), [.. changed.Distinct()], transition?.To);
        return ToolResults.Object(result, JiraJson.Default.WriteResult, $"Updated {issueKey}: {string.Join(", ", result.Changed)}");
    }

    private async Task<(string Id, string To)> TransitionAsync(string key, string status, CancellationToken ct)
    {
        var body = await jira.GetAsync($"issue/{Q(key)}/transitions", ct);
        var options = body.GetProperty("transitions")
            .EnumerateArray()
            .Select(t => (Id: Str(t, "id")!, Name: Str(t, "name") ?? "", To: Name(t, "to") ?? Str(t, "name") ?? ""))
            .ToList();
        var match = options.FirstOrDefault(o => o.To.Equals(status, StringComparison.OrdinalIgnoreCase)) is { Id: not null } byTarget
            ? byTarget
            : options.FirstOrDefault(o => o.Name.Equals(status, StringComparison.OrdinalIgnoreCase));
        return match.Id is not null
            ? (match.Id, match.To)
            : throw new ToolInputException(
                $"{key} cannot move to \"{status}\" from its current status. Reachable now: "
                    + $"{string.Join(", ", options.Select(o => o.To).Distinct())}."
            );
    }

    /// <summary>Jira wants an account id; people say "bob@acme.test", "Bob Martinez" or "me".</summary>
    private async Task<JsonObject?> AssigneeAsync(string who, CancellationToken ct)
    {
        var value = who.Trim();
        if (value.ToLowerInvariant() is "unassigned" or "none" or "nobody")
            return null;
        if (value.Equals("me", StringComparison.OrdinalIgnoreCase))
            return new JsonObject { ["accountId"] = Str(await jira.GetAsync("myself", ct), "accountId") };
        var users = (await jira.GetAsync($"user/search?query={Q(value)}", ct)).EnumerateArray().ToList();
        var exact = users
            .Where(u =>
                Str(u, "accountId") == value
                || string.Equals(Str(u, "emailAddress"), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Str(u, "displayName"), value, StringComparison.OrdinalIgnoreCase)
            )
            .ToList();
        var pick =
            exact.Count == 1 ? exact[0]
            : users.Count == 1 ? users[0]
            : default;
        if (pick.ValueKind == System.Text.Json.JsonValueKind.Object)
            return new JsonObject { ["accountId"] = Str(pick, "accountId") };
        throw new ToolInputException(
            users.Count == 0
                ? $"No Jira user matches \"{value}\". Use their e-mail address or exact display name."
                : $"\"{value}\" matches several Jira users ({string.Join(", ", users.Take(5).Select(u => Str(u, "displayName")))}); "
                    + $"be more specific."
        );
    }
}
