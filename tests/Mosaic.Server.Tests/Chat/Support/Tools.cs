using System.Text.Json;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>Tool declarations written the way connectors publish them, for routing and extraction tests.</summary>
public static class Tools
{
    /// <param name="trusted">False: a custom source's tool nobody vouched for (see ToolTrust).</param>
    public static McpToolDeclaration Make(
        string name,
        string schemaJson,
        bool readOnly = true,
        string? description = null,
        bool trusted = true
    ) =>
        new(
            new McpToolInfo(
                name,
                description ?? name.Replace('_', ' '),
                JsonDocument.Parse(schemaJson).RootElement.Clone(),
                readOnly,
                !readOnly,
                trusted
            )
        );

    public static McpToolDeclaration NoArgs(string name, bool readOnly = true) =>
        Make(name, """{"type":"object","properties":{}}""", readOnly);

    public static McpToolDeclaration Props(string name, string required, params string[] props)
    {
        var properties = string.Join(
            ",",
            props.Select(p => p.Split(':') is [var n, var t] ? $"\"{n}\":{{\"type\":\"{t}\"}}" : $"\"{p}\":{{\"type\":\"string\"}}")
        );
        var req = string.Join(",", required.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => $"\"{r}\""));
        return Make(name, $$"""{"type":"object","properties":{{{properties}}},"required":[{{req}}]}""");
    }

    /// <summary>The Slack connector's read tools, as the router sees them.</summary>
    public static IReadOnlyList<McpToolDeclaration> Slack =>
        [
            Props("list_channels", "", "limit:integer", "cursor"),
            Props("list_users", "", "limit:integer"),
            Props("read_messages", "channel", "channel", "limit:integer"),
            Props("search_messages", "query", "query", "limit:integer"),
            Make(
                "send_message",
                """{"type":"object","properties":{"channel":{"type":"string"},"text":{"type":"string"}},"required":["channel","text"]}""",
                readOnly: false
            ),
        ];
}
