using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

[McpServerToolType]
public sealed class DocsTools(GoogleClient google, GoogleSettings settings)
{
    [McpServerTool(Name = "get_document", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("Read a Google Doc as Markdown (headings, lists, bold, links, tables) or plain text.")]
    public async Task<CallToolResult> GetDocument(
        [Description("The document's id or its link (from search_drive_files).")] string document_id,
        [Description("\"markdown\" (default) or \"text\".")] string? format = null,
        [Description("Maximum characters of content to return (default 20000, max 100000); longer documents are cut with a marker.")]
            int? max_chars = null,
        CancellationToken cancellationToken = default
    )
    {
        var id = GoogleIds.FileId(document_id, "document_id");
        var markdown = (format ?? "markdown").Trim().ToLowerInvariant() switch
        {
            "markdown" or "md" => true,
            "text" or "plain" => false,
            _ => throw new ToolInputException($"format must be markdown or text (got \"{format}\")."),
        };
        var limit =
            max_chars is null or 0 ? 20_000
            : max_chars < 0 ? throw new ToolInputException("max_chars must be positive.")
            : Math.Min(max_chars.Value, 100_000);

        var doc = await google.GetAsync(
            "Google Docs",
            $"{settings.Endpoints.Docs}/documents/{Uri.EscapeDataString(id)}",
            cancellationToken
        );
        var content = DocsMarkdown.Render(doc, markdown);
        var clipped = TextClip.Clip(content, limit)!;
        var title = doc["title"]?.GetValue<string>() ?? "";
        var result = new JsonObject
        {
            ["document_id"] = id,
            ["title"] = title,
            ["format"] = markdown ? "markdown" : "text",
            ["chars"] = content.Length,
            ["truncated"] = clipped.Length != content.Length,
            ["link"] = settings.Endpoints.DocLink(id),
            ["content"] = clipped,
        };
        return ToolResults.Object(
            result,
            $"\"{title}\" ({content.Length} chars{(clipped.Length != content.Length ? $", cut to {limit}" : "")})"
        );
    }
}
