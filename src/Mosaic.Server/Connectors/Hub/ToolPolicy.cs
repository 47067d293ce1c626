namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The workspace's tool policy for one source (the admin's <c>source_settings</c>), applied by the hub to every tool
/// listing right after <see cref="ToolTrust"/>. It is the one place that decides what the host offers and what needs a
/// person's yes; ToolExecutor (approval), ToolRouter and DirectTier (the direct tier), Offline routing, the agent's
/// planned calls and McpHubCache (result caching) all read the <see cref="McpToolInfo"/> list it returns:
/// <list type="bullet">
/// <item>a tool switched off is not in the list at all, so it is never offered to a model, picked by a route or planned,
/// and a call to it is refused by the hub with <see cref="Refusal"/>;</item>
/// <item>on a shared connection with writes switched off, every tool that is not read-only is switched off;</item>
/// <item>an always-ask tool comes out with <c>ReadOnly = false</c>: it waits for approval, is never result-cached and
/// never run by the direct tier, exactly like a write;</item>
/// <item>on a shared connection every write asks anyway: nothing that is not read-only ever runs without approval.</item>
/// </list>
/// </summary>
public sealed class ToolPolicy(IReadOnlySet<string> disabled, IReadOnlySet<string> alwaysAsk, bool sharedConnection, bool writesDisabled)
{
    /// <summary>No workspace policy (tests, and sources the admin never touched).</summary>
    public static ToolPolicy None { get; } = new(new HashSet<string>(), new HashSet<string>(), false, false);

    /// <summary>What the host offers, from the tools as <see cref="ToolTrust"/> judged them.</summary>
    public IReadOnlyList<McpToolInfo> Apply(IEnumerable<McpToolInfo> judged) =>
        [.. judged.Where(t => Refusal(t) is null).Select(t => AlwaysAsks(t) && t.ReadOnly ? t with { ReadOnly = false } : t)];

    /// <summary>Why the host refuses this tool (as judged before the policy), or null when it is offered.</summary>
    public string? Refusal(McpToolInfo judged) =>
        disabled.Contains(judged.Name) ? $"Your admin switched off the tool '{judged.Name}'. Nothing was run."
        : WritesOff && !judged.ReadOnly
            ? $"'{judged.Name}' changes data, and your admin switched off writes on this shared connection. Nothing was run."
        : null;

    public bool IsDisabled(McpToolInfo judged) => Refusal(judged) is not null;

    public bool AlwaysAsks(McpToolInfo judged) => alwaysAsk.Contains(judged.Name) || (sharedConnection && !judged.ReadOnly);

    bool WritesOff => sharedConnection && writesDisabled;
}
