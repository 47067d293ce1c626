using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Jira;

/// <summary>GET/PUT issue/{key}, POST issue, issue/{key}/transitions and issue/{key}/comment. Writes are recorded.</summary>
public static class JiraIssueEndpoints
{
    public static void Map(RouteGroupBuilder api, JiraStore store)
    {
        api.MapGet("/issue/{key}", (HttpRequest r, string key, string? fields) =>
            store.Find(key) is { } issue
                ? Results.Json(
                    new JiraJson(JiraJson.BaseUrl(r), store).Issue(
                        issue,
                        fields?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    )
                )
                : JiraErrors.IssueNotFound()
        );

        api.MapPost("/issue", async (HttpRequest r, SandboxState state, CancellationToken ct) =>
        {
            if (await ReadBody(r, ct) is not JsonObject body)
                return BadJson();
            var fields = body["fields"] as JsonObject;
            var errors = new Dictionary<string, string>();
            var projectRef = fields?["project"] as JsonObject;
            var project = store.Project((string?)projectRef?["key"] ?? (string?)projectRef?["id"] ?? "");
            if (project is null)
                errors["project"] = "Specify a valid project ID or key";
            var typeRef = fields?["issuetype"] as JsonObject;
            var typeName = (string?)typeRef?["name"] ?? JiraCatalog.IssueTypes.FirstOrDefault(t => t.Value == (string?)typeRef?["id"]).Key;
            var issueType = typeName is null
                ? null
                : JiraCatalog.IssueTypes.Keys.FirstOrDefault(t => t.Equals(typeName, StringComparison.OrdinalIgnoreCase));
            if (issueType is null)
                errors["issuetype"] = typeRef is null ? "Specify an issue type" : "Specify a valid issue type";
            if (project is { Editable: false })
                return JiraErrors.Messages(403, "You do not have permission to create issues in this project.");

            var now = store.Now;
            var draft = new JiraIssue
            {
                Id = "",
                Key = "",
                ProjectKey = project?.Key ?? "",
                Summary = "",
                Status = "To Do",
                IssueType = issueType ?? "Task",
                ReporterId = JiraStore.Me.JiraAccountId,
                Created = now,
                Updated = now,
            };
            var editor = new JiraFieldEditor(draft, creating: true);
            editor.ApplyFields(fields);
            foreach (var (k, v) in editor.Errors)
                errors[k] = v;
            if (errors.Count > 0)
                return JiraErrors.Fields(errors);

            state.Record("jira", r, body);
            var created = store.Create(project!, (id, key) => editor.Issue with { Id = id, Key = key });
            return Results.Json(
                new JsonObject
                {
                    ["id"] = created.Id,
                    ["key"] = created.Key,
                    ["self"] = $"{JiraJson.BaseUrl(r)}/rest/api/3/issue/{created.Id}",
                },
                statusCode: 201
            );
        });

        api.MapPut("/issue/{key}", async (HttpRequest r, string key, SandboxState state, CancellationToken ct) =>
        {
            if (store.Find(key) is not { } issue)
                return JiraErrors.IssueNotFound();
            if (await ReadBody(r, ct) is not JsonObject body)
                return BadJson();
            if (store.Project(issue.ProjectKey) is { Editable: false })
                return JiraErrors.Messages(403, "You do not have permission to edit issues in this project.");
            var editor = new JiraFieldEditor(issue, creating: false);
            editor.ApplyFields(body["fields"] as JsonObject);
            editor.ApplyUpdate(body["update"] as JsonObject);
            if (editor.Errors.Count > 0)
                return JiraErrors.Fields(editor.Errors);

            state.Record("jira", r, body);
            store.Save(editor.Issue);
            foreach (var comment in editor.NewComments)
                store.AddComment(issue.Key, comment);
            return Results.NoContent();
        });

        api.MapGet("/issue/{key}/transitions", (HttpRequest r, string key) =>
        {
            if (store.Find(key) is not { } issue)
                return JiraErrors.IssueNotFound();
            var json = new JiraJson(JiraJson.BaseUrl(r), store);
            var transitions = JiraCatalog
                .TransitionIds.Where(t => t.Value != issue.Status)
                .Select(t =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["id"] = t.Key,
                            ["name"] = t.Value,
                            ["to"] = json.Status(t.Value),
                            ["hasScreen"] = false,
                            ["isGlobal"] = true,
                            ["isInitial"] = false,
                            ["isAvailable"] = true,
                            ["isConditional"] = false,
                            ["isLooped"] = false,
                        }
                );
            return Results.Json(new JsonObject { ["expand"] = "transitions", ["transitions"] = new JsonArray([.. transitions]) });
        });

        api.MapPost("/issue/{key}/transitions", async (HttpRequest r, string key, SandboxState state, CancellationToken ct) =>
        {
            if (store.Find(key) is not { } issue)
                return JiraErrors.IssueNotFound();
            if (await ReadBody(r, ct) is not JsonObject body)
                return BadJson();
            var id = (string?)body["transition"]?["id"];
            if (id is null || !JiraCatalog.TransitionIds.TryGetValue(id, out var to) || to == issue.Status)
                return JiraErrors.Messages(400, $"Transition id '{id}' is not valid for this issue.");
            if (store.Project(issue.ProjectKey) is { Editable: false })
                return JiraErrors.Messages(403, "You do not have permission to transition this issue.");
            state.Record("jira", r, body);
            store.Save(issue with { Status = to });
            return Results.NoContent();
        });

        api.MapPost("/issue/{key}/comment", async (HttpRequest r, string key, SandboxState state, CancellationToken ct) =>
        {
            if (store.Find(key) is not { } issue)
                return JiraErrors.IssueNotFound();
            if (await ReadBody(r, ct) is not JsonObject body)
                return BadJson();
            if (body["body"] is not JsonObject doc || (string?)doc["type"] != "doc")
                return JiraErrors.Fields(new() { ["comment"] = "Comment body can not be empty!" });
            state.Record("jira", r, body);
            var comment = store.AddComment(issue.Key, doc);
            return Results.Json(new JiraJson(JiraJson.BaseUrl(r), store).Comment(comment, issue.Id), statusCode: 201);
        });
    }

    private static async Task<JsonNode?> ReadBody(HttpRequest r, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(r.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult BadJson() => JiraErrors.Messages(400, "Unexpected character in the request body: it must be a JSON object.");
}
