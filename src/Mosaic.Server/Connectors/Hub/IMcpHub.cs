using System.Text.Json;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The spec's MCPService: one live MCP session per (user, datasource), reused, restarted when it dies,
/// closed when idle, capped in number, guarded by a circuit breaker. Chat and the agent talk to
/// sources only through this.
/// </summary>
public interface IMcpHub
{
    /// <summary>The source's tools for this user (cached 300 s). Throws <see cref="McpHubException"/>.</summary>
    Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct);

    /// <summary>
    /// Calls a tool in the user's session. Read-only results are cached 30 s per user. A tool error from
    /// the server comes back as <see cref="McpToolResult.IsError"/>; a dead process, timeout or open
    /// breaker throws <see cref="McpHubException"/>.
    /// </summary>
    Task<McpToolResult> CallToolAsync(string userId, string datasource, string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments, CancellationToken ct);

    /// <summary>Live sessions and breaker states, for health and the datasource list.</summary>
    McpHubStatus GetStatus();

    BreakerState GetBreakerState(string userId, string datasource);
}

/// <param name="ReadOnly">The server's readOnlyHint; anything not read-only needs a person's approval.</param>
public sealed record McpToolInfo(string Name, string? Description, JsonElement InputSchema, bool ReadOnly, bool Destructive);

/// <param name="Text">What the model reads.</param>
/// <param name="Structured">The structured content, for programs (may be null).</param>
public sealed record McpToolResult(bool IsError, string Text, JsonElement? Structured, TimeSpan Duration, bool FromCache);

public sealed record McpHubStatus(int LiveSessions, IReadOnlyList<McpSessionStatus> Sessions)
{
    /// <summary>Breakers that are not closed, including those of sources with no live session.</summary>
    public IReadOnlyList<McpBreakerStatus> Breakers { get; init; } = [];
}

public sealed record McpBreakerStatus(string UserId, string Datasource, BreakerState State);

public sealed record McpSessionStatus(string UserId, string Datasource, int? ProcessId, DateTimeOffset LastUsed, BreakerState Breaker);

public enum BreakerState { Closed, Open, HalfOpen }

public enum McpHubFailure { NotConfigured, UnknownSource, StartFailed, ProcessDied, Timeout, BreakerOpen, Cancelled }

/// <summary>A failure to reach a source, with a message a person can act on.</summary>
public sealed class McpHubException(McpHubFailure failure, string datasource, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public McpHubFailure Failure { get; } = failure;
    public string Datasource { get; } = datasource;
}
