using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Jira;

/// <summary>Builds Atlassian Document Format for the seed: paragraphs, bullets, code blocks and mentions.</summary>
public static class JiraAdf
{
    public static JsonObject Doc(params JsonNode[] content) =>
        new()
        {
            ["type"] = "doc",
            ["version"] = 1,
            ["content"] = new JsonArray(content),
        };

    public static JsonObject Paragraph(params JsonNode[] inline) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(inline) };

    public static JsonObject Text(string text, string? mark = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (mark is not null)
            node["marks"] = new JsonArray(new JsonObject { ["type"] = mark });
        return node;
    }

    public static JsonObject Mention(Acme.AcmePerson person) =>
        new()
        {
            ["type"] = "mention",
            ["attrs"] = new JsonObject { ["id"] = person.JiraAccountId, ["text"] = "@" + person.Name },
        };

    public static JsonObject Bullets(params string[] items) =>
        new()
        {
            ["type"] = "bulletList",
            ["content"] = new JsonArray([
                .. items.Select(i => (JsonNode)new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray(Paragraph(Text(i))) }),
            ]),
        };

    public static JsonObject Code(string code, string language) =>
        new()
        {
            ["type"] = "codeBlock",
            ["attrs"] = new JsonObject { ["language"] = language },
            ["content"] = new JsonArray(Text(code)),
        };

    /// <summary>Plain paragraphs, one per line break pair: what most seed descriptions need.</summary>
    public static JsonObject Plain(string text) => Doc([.. text.Split("\n\n").Select(p => (JsonNode)Paragraph(Text(p)))]);

    /// <summary>All text in a document, for the JQL <c>text ~</c> operator.</summary>
    public static string AllText(JsonNode? node) =>
        node switch
        {
            JsonObject o when o["text"] is JsonValue v => v.ToString(),
            JsonObject o when o["content"] is JsonArray a => string.Join(" ", a.Select(AllText)),
            _ => "",
        };
}
