namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Tuning for <see cref="McpHub"/>. Bound from configuration section "McpHub"; the spec's env var
/// CONNECTION_IDLE_TIMEOUT (seconds) overrides <see cref="IdleTimeout"/>, MCP_CALL_TIMEOUT <see cref="CallTimeout"/>,
/// MCP_MAX_SESSIONS and MCP_MAX_SESSIONS_PER_USER the caps.
/// </summary>
public sealed class McpHubOptions
{
    /// <summary>A session unused for this long is closed (spec §9: 300 s).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How often idle sessions are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Live sessions (= child processes) allowed at once; the least recently used idle one closes first.</summary>
    public int MaxSessions { get; set; } = 64;

    /// <summary>Live sessions one user may have at once; only that user's idle ones close to make room.</summary>
    public int MaxSessionsPerUser { get; set; } = 10;

    /// <summary>Every tool call and tool listing gives up after this long (and is cancelled through MCP).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Starting a process and completing the MCP handshake must finish within this.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive failures (start failures, dead processes, timeouts) that open the breaker.</summary>
    public int BreakerFailureThreshold { get; set; } = 3;

    /// <summary>How long an open breaker refuses calls before letting one trial call through.</summary>
    public TimeSpan BreakerCooldown { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ToolListCacheTtl { get; set; } = TimeSpan.FromSeconds(300);
    public TimeSpan ResultCacheTtl { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan SchemaCacheTtl { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// Extra host environment variables a connector process may inherit, on top of the built-in
    /// allow-list (see <see cref="ChildEnvironment"/>). Never put secrets here: every connector sees them.
    /// </summary>
    public List<string> InheritedVariables { get; set; } = [];
}
