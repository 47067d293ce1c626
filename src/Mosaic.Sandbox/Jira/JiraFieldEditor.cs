using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Jira;

/// <summary>
/// Applies the <c>fields</c> and <c>update</c> parts of a create or edit body, collecting the per-field
/// errors Jira would answer with (400 {"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue."}}).
/// </summary>
public sealed class JiraFieldEditor(JiraIssue issue, bool creating)
{
    public JiraIssue Issue { get; private set; } = issue;
    public Dictionary<string, string> Errors { get; } = [];
    public List<JsonNode> NewComments { get; } = [];

    public void ApplyFields(JsonObject? fields)
    {
        foreach (var (name, value) in fields ?? [])
        {
            switch (name)
            {
                case "project" or "issuetype" when creating:
                    break; // handled by the create endpoint
                case "summary":
                    SetSummary(value);
                    break;
                case "description":
                    if (value is null)
                        Issue = Issue with { Description = null };
                    else if (value is JsonObject doc && (string?)doc["type"] == "doc")
                        Issue = Issue with { Description = doc.DeepClone() };
                    else
                        Errors[name] = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
                    break;
                case "assignee" or "reporter":
                    var accountId = value is JsonObject u ? (string?)u["accountId"] ?? (string?)u["id"] : null;
                    if (value is null && name == "assignee")
                    {
                        Issue = Issue with { AssigneeId = null };
                        break;
                    }
                    if (JiraStore.Person(accountId) is null)
                    {
                        Errors[name] = "Specified user does not exist or you do not have required permissions";
                        break;
                    }
                    Issue = name == "assignee" ? Issue with { AssigneeId = accountId } : Issue with { ReporterId = accountId! };
                    break;
                case "priority":
                    var priority = value is JsonObject p ? (string?)p["name"] ?? IdToPriority((string?)p["id"]) : null;
                    if (JiraCatalog.Priorities.FirstOrDefault(x => x.Equals(priority, StringComparison.OrdinalIgnoreCase)) is { } found)
                        Issue = Issue with { Priority = found };
                    else
                        Errors[name] = $"Priority name '{priority}' is not valid";
                    break;
                case "labels":
                    if (value is JsonArray labels && Labels(labels) is { } list)
                        Issue = Issue with { Labels = list };
                    break;
                default:
                    Errors[name] = $"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown.";
                    break;
            }
        }
        if (creating && string.IsNullOrWhiteSpace(Issue.Summary) && !Errors.ContainsKey("summary"))
            Errors["summary"] = "You must specify a summary of the issue.";
    }

    public void ApplyUpdate(JsonObject? update)
    {
        foreach (var (name, ops) in update ?? [])
        {
            foreach (var op in (ops as JsonArray ?? []).OfType<JsonObject>())
            {
                switch (name)
                {
                    case "labels":
                        var labels = Issue.Labels.ToList();
                        if (op["add"] is JsonValue add)
                            labels.Add(add.ToString());
                        if (op["remove"] is JsonValue remove)
                            labels.Remove(remove.ToString());
                        if (op["set"] is JsonArray set && Labels(set) is { } setList)
                            labels = [.. setList];
                        if (Labels(new JsonArray([.. labels.Select(l => (JsonNode)l)])) is { } valid)
                            Issue = Issue with { Labels = valid.Distinct().ToList() };
                        break;
                    case "comment" when (op["add"]?["body"]) is JsonObject body:
                        NewComments.Add(body.DeepClone());
                        break;
                    case "summary" when op.ContainsKey("set"):
                        SetSummary(op["set"]);
                        break;
                    default:
                        Errors[name] = $"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown.";
                        break;
                }
            }
        }
    }

    private void SetSummary(JsonNode? value)
    {
        var text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(text))
            Errors["summary"] = "You must specify a summary of the issue.";
        else if (text.Length > 255)
            Errors["summary"] = "Summary must be less than 255 characters.";
        else
            Issue = Issue with { Summary = text.Trim() };
    }

    private List<string>? Labels(JsonArray labels)
    {
        var list = labels.Select(l => l?.ToString() ?? "").ToList();
        if (list.FirstOrDefault(l => l.Contains(' ')) is { } bad)
        {
            Errors["labels"] = $"The label '{bad}' contains spaces which is invalid.";
            return null;
        }
        return list;
    }

    private static string? IdToPriority(string? id) =>
        int.TryParse(id, out var n) && n >= 1 && n <= JiraCatalog.Priorities.Length ? JiraCatalog.Priorities[n - 1] : id;
}
