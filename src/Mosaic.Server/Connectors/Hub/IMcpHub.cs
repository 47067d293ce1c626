using System.Text.Json;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The MCP hub (docs/architecture.md#mcphub): one live MCP session per (user, datasource), reused, restarted when it dies,
/// closed when idle, capped in number, guarded by a circuit breaker. Chat and the agent talk to
/// sources only through this.
/// </summary>
public interface IMcpHub
{
    /// <summary>The source's tools for this user (cached 300 s). Throws <see cref="McpHubException"/>.</summary>
    Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct);

    /// <summary>
    /// The admin's view: every tool the source declares as <see cref="ToolTrust"/> judged it, before the workspace's
    /// <see cref="ToolPolicy"/> (switched-off tools included, always-ask ones with their real read-only flag).
    /// </summary>
    Task<IReadOnlyList<McpToolInfo>> ListDeclaredToolsAsync(string userId, string datasource, CancellationToken ct) =>
        ListToolsAsync(userId, datasource, ct);

    /// <summary>
    /// Calls a tool in the user's session. Read-only results are cached 30 s per user. A tool error from
    /// the server comes back as <see cref="McpToolResult.IsError"/>; a dead process, timeout or open
    /// breaker throws <see cref="McpHubException"/>.
    /// </summary>
    Task<McpToolResult> CallToolAsync(
        string userId,
        string datasource,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    );

    /// <summary>Live sessions and breaker states, for health and the datasource list.</summary>
    McpHubStatus GetStatus();

    BreakerState GetBreakerState(string userId, string datasource);
}

/// <summary>A tool as the host treats it, decided by <see cref="ToolTrust"/> (never the server's word alone).</summary>
/// <param name="ReadOnly">Runs without approval and may be cached; anything else needs a person's approval. False also for
/// a read tool the admin put in always-ask (<see cref="ToolPolicy"/>).</param>
/// <param name="Trusted">False for a custom source's tool the operator did not vouch for: keyword routing only
/// picks it when the question names it.</param>
public sealed record McpToolInfo(string Name, string? Description, JsonElement InputSchema, bool ReadOnly, bool Destructive, bool Trusted);

/// <param name="Text">What the model reads.</param>
/// <param name="Structured">The structured content, for programs (may be null).</param>
public sealed record McpToolResult(bool IsError, string Text, JsonElement? Structured, TimeSpan Duration, bool FromCache);

public sealed record McpHubStatus(int LiveSessions, IReadOnlyList<McpSessionStatus> Sessions)
{
    /// <summary>Breakers that are not closed, including those of sources with no live session.</summary>
    public IReadOnlyList<McpBreakerStatus> Breakers { get; init; } = [];
}

public sealed record McpBreakerStatus(string UserId, string Datasource, BreakerState State);

public sealed record McpSessionStatus(string UserId, string Datasource, int? ProcessId, DateTimeOffset LastUsed, BreakerState Breaker)
{
    /// <summary>Calls running in the session now; a session with any is never closed to make room.</summary>
    public int InFlight { get; init; }

    /// <summary>A process of the source's shared pool (<see cref="UserId"/> then names the pool slot, not a user).</summary>
    public bool Shared { get; init; }
}

public enum BreakerState
{
    Closed,
    Open,
    HalfOpen,
}

/// <summary>
/// Why a source could not be reached. <see cref="AtCapacity"/>: no session could be started because every one
/// that would have to close has a call in flight; it is worth retrying after <see cref="McpHubException.RetryAfter"/>.
/// </summary>
public enum McpHubFailure
{
    NotConfigured,
    UnknownSource,
    StartFailed,
    ProcessDied,
    Timeout,
    BreakerOpen,
    Cancelled,
    AtCapacity,

    /// <summary>A remote MCP server wants the person's authorization (docs/oauth.md#remote-mcp-servers): only they can
    /// give it, with Connect. Says nothing about the server's health (no breaker failure).</summary>
    ConnectNeeded,
}

/// <summary>A failure to reach a source, with a message a person can act on.</summary>
public sealed class McpHubException(McpHubFailure failure, string datasource, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public McpHubFailure Failure { get; } = failure;
    public string Datasource { get; } = datasource;

    /// <summary>The source's display name, for <see cref="McpHubFailure.ConnectNeeded"/> (the chat's Connect prompt).</summary>
    public string? SourceName { get; init; }

    /// <summary>Set when trying again later can help (<see cref="McpHubFailure.AtCapacity"/>); sent as Retry-After.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
