using System.Text.Json;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The one place that decides which of a source's tools the host treats as read-only. Approval
/// (Chat/ToolExecutor), result caching (McpHubCache) and Offline routing (ToolRouter, ToolMatcher) all read
/// the <see cref="McpToolInfo"/> made here and nothing else.
/// <list type="bullet">
/// <item>Built-in connectors: their annotations are ours, so <c>readOnlyHint</c> is believed.</item>
/// <item>Custom sources: the MCP specification says annotations from untrusted servers must not be relied
/// on, so a tool is read-only only when connectors.json lists it in <c>read_only_tools</c> — the operator's
/// word wins over the server's, either way. Every other tool needs approval, is never result-cached and is
/// never chosen by keyword routing unless the question names it.</item>
/// </list>
/// Applied to every listing, also one served from the cache, so a tool that appears later (list_changed,
/// or a fresh listing after the TTL) is judged like the first ones.
/// </summary>
public sealed class ToolTrust
{
    readonly IReadOnlySet<string>? _readOnly;

    ToolTrust(IReadOnlySet<string>? readOnly) => _readOnly = readOnly;

    /// <summary>The server's annotations decide (built-in connectors).</summary>
    public static ToolTrust Annotations { get; } = new(null);

    /// <summary>Only the listed tools are read-only; the server's annotations are ignored.</summary>
    public static ToolTrust OnlyListed(IEnumerable<string> readOnlyTools) => new(readOnlyTools.ToHashSet(StringComparer.Ordinal));

    public static ToolTrust For(SourceDefinition source) => source.IsBuiltIn ? Annotations : OnlyListed(source.ReadOnlyTools);

    public McpToolInfo Apply(DeclaredTool tool)
    {
        if (_readOnly is null)
        {
            // MCP's defaults: a tool is not read-only and is destructive unless it says otherwise.
            var readOnly = tool.ReadOnlyHint ?? false;
            return new McpToolInfo(
                tool.Name,
                tool.Description,
                tool.InputSchema,
                readOnly,
                tool.DestructiveHint ?? !readOnly,
                Trusted: true
            );
        }
        return _readOnly.Contains(tool.Name)
            ? new McpToolInfo(tool.Name, tool.Description, tool.InputSchema, ReadOnly: true, Destructive: false, Trusted: true)
            : new McpToolInfo(tool.Name, tool.Description, tool.InputSchema, ReadOnly: false, Destructive: true, Trusted: false);
    }

    /// <summary>What the operator should hear about a fresh listing: listed names it lacks, listed tools it calls writes.</summary>
    public IEnumerable<string> Review(IReadOnlyList<DeclaredTool> tools)
    {
        if (_readOnly is null)
            yield break;
        foreach (var name in _readOnly.Order(StringComparer.Ordinal))
        {
            var tool = tools.FirstOrDefault(t => t.Name == name);
            if (tool is null)
                yield return $"read_only_tools lists {name}, which the server does not offer (ignored)";
            else if (tool.ReadOnlyHint != true || tool.DestructiveHint == true)
                yield return $"read_only_tools lists {name}, which the server does not call read-only; treated as read-only as configured";
        }
    }
}

/// <summary>A tool as its server described it, annotations unjudged. This is what the tool-list cache holds.</summary>
public sealed record DeclaredTool(string Name, string? Description, JsonElement InputSchema, bool? ReadOnlyHint, bool? DestructiveHint);
