using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.Common.Hosting;

/// <summary>
/// READ_ONLY=true hides every tool not annotated ReadOnly; TOOLS=a,b,c keeps only the named ones.
/// Both are applied to the server's tool collection before it starts serving, so hidden tools can
/// neither be listed nor called.
/// </summary>
public sealed record ToolSelection(bool ReadOnly, IReadOnlySet<string>? Only)
{
    public static ToolSelection FromEnv(EnvConfig env)
    {
        var readOnly = env.Flag("READ_ONLY");
        var names = env.Optional("TOOLS")
            ?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        return new ToolSelection(readOnly, names is { Count: > 0 } ? names : null);
    }

    /// <summary>Removes hidden tools; throws naming any TOOLS entry that is not a tool of this connector.</summary>
    public void Apply(McpServerPrimitiveCollection<McpServerTool> tools)
    {
        var all = tools.ToArray();
        if (Only is not null)
        {
            var known = all.Select(t => t.ProtocolTool.Name).ToHashSet(StringComparer.Ordinal);
            var unknown = Only.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                throw new ConnectorConfigException(
                    $"TOOLS names unknown tool{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}. "
                        + $"Available: {string.Join(", ", known.Order(StringComparer.Ordinal))}"
                );
        }

        foreach (var tool in all)
        {
            var name = tool.ProtocolTool.Name;
            var isReadOnly = tool.ProtocolTool.Annotations?.ReadOnlyHint == true;
            if ((ReadOnly && !isReadOnly) || (Only is not null && !Only.Contains(name)))
                tools.Remove(tool);
        }
    }
}
