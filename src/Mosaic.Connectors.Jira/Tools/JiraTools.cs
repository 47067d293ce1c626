using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Jira.JiraClient;
using static Mosaic.Connectors.Jira.Tools.JiraFields;

namespace Mosaic.Connectors.Jira.Tools;

/// <summary>The Jira tools: reads here, writes in JiraTools.Write.cs.</summary>
[McpServerToolType]
public sealed partial class JiraTools(JiraClient jira, JiraSettings settings)
{
    private const string ListFields = "summary,status,assignee,priority,issuetype,updated";

    [McpServerTool(Name = "list_projects", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("List the Jira projects these credentials can browse: key, name, lead and a link.")]
    public async Task<CallToolResult> ListProjects(
        [Description("Only projects whose key or name contains this text.")] string? query = null,
        [Description("The next_cursor of a previous call, to get the following page.")] string? cursor = null,
        [Description("Maximum projects to return (default 50, max 100).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var take = Paging.Limit(limit, 50, 100);
        var scope = Cursor.Scope("projects", query);
        var offset = Cursor.DecodeOffset(cursor, scope);
        var path =
            $"project/search?startAt={offset}&maxResults={take}&expand=lead"
            + (string.IsNullOrWhiteSpace(query) ? "" : $"&query={Q(query.Trim())}");
        var body = await jira.GetAsync(path, cancellationToken);
        var page = body.GetProperty("values")
            .EnumerateArray()
            .Select(p => new ProjectItem(
                Str(p, "key")!,
                Str(p, "name") ?? "",
                Str(p, "id") ?? "",
                Name(p, "lead", "displayName"),
                Str(p, "projectTypeKey"),
                settings.BrowseUrl(Str(p, "key")!)
            ))
            .ToList();
        var isLast = !body.TryGetProperty("isLast", out var last) || last.GetBoolean();
        return ToolResults.List(
            page,
            new ListShape<ProjectItem>
            {
                ItemsName = "projects",
                TypeInfo = JiraJson.Default.ProjectItem,
                Offset = offset,
                MoreUpstream = !isLast,
                Total = body.TryGetProperty("total", out var total) ? total.GetInt32() : null,
                NextCursor = kept => Cursor.EncodeOffset(scope, offset + kept),
            },
            $"{page.Count} Jira project(s) from #{offset + 1}"
        );
    }

    [McpServerTool(Name = "query_jira", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Find Jira issues with JQL, e.g. \"assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC\". Returns key, "
            + "summary, status, assignee, priority, type, last update and a link."
    )]
    public async Task<CallToolResult> QueryJira(
        [Description("A JQL query. Optional when project is given (then: that project's issues, most recently updated first).")]
            string? jql = null,
        [Description("Limit to this project key (added as \"project = KEY AND (...)\" unless the JQL already names a project).")]
            string? project = null,
        [Description("The next_cursor of a previous call, to get the following page.")] string? cursor = null,
        [Description("Maximum issues to return (default 20, max 100).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var query = Jql(jql, project);
        var take = Paging.Limit(limit, 20, 100);
        var scope = Cursor.Scope("issues", query);
        var (token, skip) = Decode(cursor, scope);
        var path =
            $"search/jql?jql={Q(query)}&maxResults={skip + take}&fields={ListFields}" + (token is null ? "" : $"&nextPageToken={Q(token)}");
        var body = await jira.GetAsync(path, cancellationToken);
        var page = body.GetProperty("issues").EnumerateArray().Skip(skip).Take(take).Select(Item).ToList();
        var next = body.TryGetProperty("nextPageToken", out var n) && n.GetString() is { Length: > 0 } t ? t : null;
        var isLast = body.TryGetProperty("isLast", out var last) ? last.GetBoolean() : next is null;
        return ToolResults.List(
            page,
            new ListShape<IssueItem>
            {
                ItemsName = "issues",
                TypeInfo = JiraJson.Default.IssueItem,
                MoreUpstream = !isLast,
                NextCursor = kept =>
                    kept < page.Count ? Cursor.Encode(scope, $"{skip + kept}|{token}")
                    : next is null ? null
                    : Cursor.Encode(scope, $"0|{next}"),
                Extra = new() { ["jql"] = query },
            },
            $"{page.Count} Jira issue(s) for: {query}"
        );
    }

    [McpServerTool(Name = "get_issue", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Get one Jira issue: summary, status, assignee, reporter, priority, labels, dates, description and comments as plain text, "
            + "and linked issues."
    )]
    public async Task<CallToolResult> GetIssue(
        [Description("The issue key, e.g. ACME-142.")] string key,
        [Description("How many of the newest comments to include (default 20, max 100).")] int? comments = null,
        CancellationToken cancellationToken = default
    )
    {
        var issueKey = IssueKey(key);
        var keep = Paging.Limit(comments, 20, 100);
        var body = await jira.GetAsync(
            $"issue/{Q(issueKey)}?fields=summary,status,assignee,reporter,priority,issuetype,labels,created,updated,"
                + "description,comment,issuelinks,project",
            cancellationToken
        );
        var detail = JiraIssueReader.Detail(body, keep, settings);
        return ToolResults.Object(detail, JiraJson.Default.IssueDetail, $"{detail.Key}: {detail.Summary} [{detail.Status}]");
    }

    private IssueItem Item(JsonElement issue)
    {
        var f = issue.GetProperty("fields");
        var key = Str(issue, "key")!;
        return new IssueItem(
            key,
            Str(f, "summary") ?? "",
            Name(f, "status"),
            Name(f, "assignee", "displayName"),
            Name(f, "priority"),
            Name(f, "issuetype"),
            Iso(Str(f, "updated")),
            settings.BrowseUrl(key)
        );
    }

    private static string Jql(string? jql, string? project)
    {
        var text = jql?.Trim() ?? "";
        var key = project?.Trim();
        if (string.IsNullOrEmpty(key))
            return text.Length > 0
                ? text
                : throw new ToolInputException("jql is required (e.g. \"project = ACME ORDER BY updated DESC\"), or give a project.");
        if (text.Length == 0)
            return $"project = \"{key}\" ORDER BY updated DESC";
        if (text.Contains("project", StringComparison.OrdinalIgnoreCase))
            return text;
        var order = text.IndexOf("ORDER BY", StringComparison.OrdinalIgnoreCase);
        return order == 0 ? $"project = \"{key}\" {text}"
            : order > 0 ? $"project = \"{key}\" AND ({text[..order].Trim()}) {text[order..]}"
            : $"project = \"{key}\" AND ({text})";
    }

    private static (string? Token, int Skip) Decode(string? cursor, string scope)
    {
        var value = Cursor.Decode(cursor, scope);
        if (value is null)
            return (null, 0);
        var bar = value.IndexOf('|');
        var skip = bar > 0 && int.TryParse(value[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var token = bar >= 0 ? value[(bar + 1)..] : value;
        return (token.Length > 0 ? token : null, skip);
    }
}
