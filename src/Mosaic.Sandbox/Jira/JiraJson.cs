using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Jira;

/// <summary>Jira Cloud's JSON shapes (camelCase, self links, dates like 2024-01-15T10:30:00.000+0000).</summary>
public sealed class JiraJson(string baseUrl, JiraStore store)
{
    /// <summary>The site's base as the request reached it: /jira, or the gateway's /atlassian/ex/jira/{cloudId}.</summary>
    public static string BaseUrl(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var rest = path.IndexOf("/rest/api/", StringComparison.Ordinal);
        return $"{request.Scheme}://{request.Host}{(rest > 0 ? path[..rest] : "/jira")}";
    }

    public static string Date(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "+0000";

    public JsonObject? User(string? accountId) => JiraStore.Person(accountId) is { } p ? User(p) : null;

    public JsonObject User(AcmePerson p) =>
        new()
        {
            ["self"] = $"{baseUrl}/rest/api/3/user?accountId={p.JiraAccountId}",
            ["accountId"] = p.JiraAccountId,
            ["accountType"] = "atlassian",
            ["emailAddress"] = p.Email,
            ["displayName"] = p.Name,
            ["active"] = true,
            ["timeZone"] = "America/Los_Angeles",
            ["avatarUrls"] = new JsonObject { ["48x48"] = $"https://avatars.acme.test/{p.SlackHandle}_48.png" },
        };

    /// <summary>GET myself: the user, plus what Cloud adds for the caller (locale, groups and roles, collapsed).</summary>
    public JsonObject Myself(AcmePerson p, int member = 0)
    {
        var me = User(p);
        me["displayName"] = me["displayName"]?.GetValue<string>() + SandboxTokens.MemberSuffix(member);
        me["locale"] = "en_US";
        me["groups"] = new JsonObject { ["size"] = 2, ["items"] = new JsonArray() };
        me["applicationRoles"] = new JsonObject { ["size"] = 1, ["items"] = new JsonArray() };
        me["expand"] = "groups,applicationRoles";
        return me;
    }

    public JsonObject Project(JiraProject p) =>
        new()
        {
            ["self"] = $"{baseUrl}/rest/api/3/project/{p.Id}",
            ["id"] = p.Id,
            ["key"] = p.Key,
            ["name"] = p.Name,
            ["description"] = p.Description,
            ["projectTypeKey"] = "software",
            ["simplified"] = false,
            ["style"] = "classic",
            ["isPrivate"] = false,
            ["lead"] = User(p.LeadAccountId),
        };

    public JsonObject Status(string name)
    {
        var s = JiraCatalog.Status(name);
        return new()
        {
            ["self"] = $"{baseUrl}/rest/api/3/status/{s.Id}",
            ["name"] = s.Name,
            ["id"] = s.Id,
            ["statusCategory"] = new JsonObject
            {
                ["id"] = s.CategoryKey switch
                {
                    "new" => 2,
                    "done" => 3,
                    _ => 4,
                },
                ["key"] = s.CategoryKey,
                ["colorName"] = s.Color,
                ["name"] = s.CategoryName,
            },
        };
    }

    public JsonObject Comment(JiraComment c, string issueId) =>
        new()
        {
            ["self"] = $"{baseUrl}/rest/api/3/issue/{issueId}/comment/{c.Id}",
            ["id"] = c.Id,
            ["author"] = User(c.AuthorId),
            ["body"] = c.Body.DeepClone(),
            ["created"] = Date(c.Created),
            ["updated"] = Date(c.Created),
            ["jsdPublic"] = true,
        };

    /// <summary>An issue with the requested fields: null or "*all"/"*navigable" for all, "-name" to drop one.</summary>
    public JsonObject Issue(JiraIssue i, IReadOnlyCollection<string>? wanted)
    {
        var all = new Dictionary<string, Func<JsonNode?>>
        {
            ["summary"] = () => i.Summary,
            ["status"] = () => Status(i.Status),
            ["assignee"] = () => User(i.AssigneeId),
            ["reporter"] = () => User(i.ReporterId),
            ["creator"] = () => User(i.ReporterId),
            ["priority"] = () =>
                new JsonObject
                {
                    ["self"] = $"{baseUrl}/rest/api/3/priority/{Array.IndexOf(JiraCatalog.Priorities, i.Priority) + 1}",
                    ["name"] = i.Priority,
                    ["id"] = (Array.IndexOf(JiraCatalog.Priorities, i.Priority) + 1).ToString(),
                },
            ["issuetype"] = () =>
                new JsonObject
                {
                    ["id"] = JiraCatalog.IssueTypes[i.IssueType],
                    ["name"] = i.IssueType,
                    ["subtask"] = false,
                    ["hierarchyLevel"] = i.IssueType == "Epic" ? 1 : 0,
                },
            ["project"] = () =>
                store.Project(i.ProjectKey) is { } p
                    ? new JsonObject
                    {
                        ["self"] = $"{baseUrl}/rest/api/3/project/{p.Id}",
                        ["id"] = p.Id,
                        ["key"] = p.Key,
                        ["name"] = p.Name,
                    }
                    : null,
            ["labels"] = () => new JsonArray([.. i.Labels.Select(l => (JsonNode)l)]),
            ["created"] = () => Date(i.Created),
            ["updated"] = () => Date(i.Updated),
            ["description"] = () => i.Description?.DeepClone(),
            ["comment"] = () =>
                new JsonObject
                {
                    ["comments"] = new JsonArray([.. i.Comments.Select(c => (JsonNode)Comment(c, i.Id))]),
                    ["self"] = $"{baseUrl}/rest/api/3/issue/{i.Id}/comment",
                    ["maxResults"] = i.Comments.Count,
                    ["total"] = i.Comments.Count,
                    ["startAt"] = 0,
                },
            ["issuelinks"] = () =>
                new JsonArray([.. store.Links.Where(l => l.FromKey == i.Key || l.ToKey == i.Key).Select(l => (JsonNode)Link(l, i.Key))]),
        };
        var everything = wanted is null || wanted.Contains("*all") || wanted.Contains("*navigable");
        var fields = new JsonObject();
        foreach (var (name, make) in all)
            if ((everything || wanted!.Contains(name)) && wanted?.Contains("-" + name) != true)
                fields[name] = make();
        return new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = i.Id,
            ["self"] = $"{baseUrl}/rest/api/3/issue/{i.Id}",
            ["key"] = i.Key,
            ["fields"] = fields,
        };
    }

    private JsonObject Link(JiraLink l, string fromPerspectiveOf)
    {
        var type = JiraCatalog.LinkTypes.First(t => t.Name == l.Type);
        var outward = l.FromKey == fromPerspectiveOf;
        var other = store.Find(outward ? l.ToKey : l.FromKey);
        var otherJson = other is null
            ? null
            : new JsonObject
            {
                ["id"] = other.Id,
                ["key"] = other.Key,
                ["self"] = $"{baseUrl}/rest/api/3/issue/{other.Id}",
                ["fields"] = new JsonObject { ["summary"] = other.Summary, ["status"] = Status(other.Status) },
            };
        return new JsonObject
        {
            ["id"] = l.Id,
            ["self"] = $"{baseUrl}/rest/api/3/issueLink/{l.Id}",
            ["type"] = new JsonObject
            {
                ["name"] = type.Name,
                ["inward"] = type.Inward,
                ["outward"] = type.Outward,
            },
            [outward ? "outwardIssue" : "inwardIssue"] = otherJson,
        };
    }
}
