using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>Turns SDK types into the hub's own records, which chat and the caches work with.</summary>
internal static class McpResultMapper
{
    /// <summary>What the server says about a tool; whether to believe it is <see cref="ToolTrust"/>'s call.</summary>
    public static DeclaredTool ToDeclared(McpClientTool tool)
    {
        var t = tool.ProtocolTool;
        return new DeclaredTool(t.Name, t.Description, t.InputSchema.Clone(), t.Annotations?.ReadOnlyHint, t.Annotations?.DestructiveHint);
    }

    public static CachedToolResult ToResult(CallToolResult result)
    {
        var text = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (text.Length > 0)
                text.Append('\n');
            text.Append(
                block switch
                {
                    TextContentBlock t => t.Text,
                    ImageContentBlock i => $"[image {i.MimeType}]",
                    AudioContentBlock a => $"[audio {a.MimeType}]",
                    ResourceLinkBlock l => $"[{l.Name}]({l.Uri})",
                    EmbeddedResourceBlock { Resource: TextResourceContents r } => r.Text,
                    EmbeddedResourceBlock e => $"[resource {e.Resource.Uri}]",
                    _ => $"[{block.Type}]",
                }
            );
        }
        JsonElement? structured = result.StructuredContent?.Clone();
        if (text.Length == 0 && structured is { } st)
            text.Append(st.GetRawText());
        var isError = result.IsError ?? false;
        return new CachedToolResult(isError, text.ToString(), structured)
        {
            AuthRejected =
                isError
                && result.Meta?[ToolErrors.AuthMetaKey] is System.Text.Json.Nodes.JsonValue v
                && v.TryGetValue<string>(out var said)
                && said == ToolErrors.AuthRejected,
        };
    }
}
