using System.Text.Json;
using Microsoft.Extensions.AI;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Llm;

/// <summary>
/// An MCP tool offered to the model as a declaration only: the model may ask for it, but the chat loop
/// (not M.E.AI) runs it, so approvals, parameter injection and events stay in one place.
/// </summary>
public sealed class McpToolDeclaration(McpToolInfo info) : AIFunctionDeclaration
{
    public McpToolInfo Info { get; } = info;
    public override string Name => Info.Name;
    public override string Description => Info.Description ?? "";
    public override JsonElement JsonSchema => Info.InputSchema;
    public ToolSchema Schema { get; } = ToolSchema.Parse(info.InputSchema);
}

/// <summary>The parts of a tool's JSON schema the host reasons about: property names, types, enums, required.</summary>
public sealed record ToolSchema(IReadOnlyList<ToolParameter> Parameters)
{
    public ToolParameter? Find(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ToolParameter> Required => Parameters.Where(p => p.Required);

    public static ToolSchema Parse(JsonElement schema)
    {
        var list = new List<ToolParameter>();
        if (
            schema.ValueKind != JsonValueKind.Object
            || !schema.TryGetProperty("properties", out var props)
            || props.ValueKind != JsonValueKind.Object
        )
            return new ToolSchema(list);
        var required =
            schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
                ? req.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToHashSet()
                : [];
        foreach (var p in props.EnumerateObject())
        {
            var type = TypeOf(p.Value);
            var enumValues =
                p.Value.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
                    ? e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
                    : [];
            list.Add(new ToolParameter(p.Name, type, enumValues, required.Contains(p.Name)));
        }
        return new ToolSchema(list);
    }

    private static string TypeOf(JsonElement prop)
    {
        if (!prop.TryGetProperty("type", out var t))
            return "string";
        if (t.ValueKind == JsonValueKind.String)
            return t.GetString()!;
        // ["integer", "null"] style unions: the first non-null type is the one that matters.
        if (t.ValueKind == JsonValueKind.Array)
            return t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x is not null and not "null") ?? "string";
        return "string";
    }
}

/// <param name="Type">JSON schema type: string, integer, number, boolean, array, object.</param>
public sealed record ToolParameter(string Name, string Type, IReadOnlyList<string> Enum, bool Required)
{
    public bool IsNumeric => Type is "integer" or "number";
}
