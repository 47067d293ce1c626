using System.ComponentModel.DataAnnotations;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Tuning for <see cref="McpHub"/>, each value set by the environment variable named on it (seconds where the
/// name says so, and for CONNECTION_IDLE_TIMEOUT and MCP_CALL_TIMEOUT); see docs/configuration.md.
/// </summary>
public sealed class McpHubOptions
{
    /// <summary>A session unused for this long is closed (the original service's 300 s).</summary>
    [ConfigurationKeyName("CONNECTION_IDLE_TIMEOUT"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double IdleTimeoutSeconds { get; set; } = 300;

    public TimeSpan IdleTimeout
    {
        get => TimeSpan.FromSeconds(IdleTimeoutSeconds);
        set => IdleTimeoutSeconds = value.TotalSeconds;
    }

    /// <summary>How often idle sessions are looked for.</summary>
    [ConfigurationKeyName("MCP_IDLE_SWEEP_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double SweepIntervalSeconds { get; set; } = 30;

    public TimeSpan SweepInterval
    {
        get => TimeSpan.FromSeconds(SweepIntervalSeconds);
        set => SweepIntervalSeconds = value.TotalSeconds;
    }

    /// <summary>Live sessions (= child processes) allowed at once; the least recently used idle one closes first.</summary>
    [ConfigurationKeyName("MCP_MAX_SESSIONS"), Range(1, int.MaxValue)]
    public int MaxSessions { get; set; } = 64;

    /// <summary>Live sessions one user may have at once; only that user's idle ones close to make room.</summary>
    [ConfigurationKeyName("MCP_MAX_SESSIONS_PER_USER"), Range(1, int.MaxValue)]
    public int MaxSessionsPerUser { get; set; } = 10;

    /// <summary>Every tool call and tool listing gives up after this long (and is cancelled through MCP).</summary>
    [ConfigurationKeyName("MCP_CALL_TIMEOUT"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double CallTimeoutSeconds { get; set; } = 30;

    public TimeSpan CallTimeout
    {
        get => TimeSpan.FromSeconds(CallTimeoutSeconds);
        set => CallTimeoutSeconds = value.TotalSeconds;
    }

    /// <summary>Starting a process and completing the MCP handshake must finish within this.</summary>
    [ConfigurationKeyName("MCP_START_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double StartTimeoutSeconds { get; set; } = 30;

    public TimeSpan StartTimeout
    {
        get => TimeSpan.FromSeconds(StartTimeoutSeconds);
        set => StartTimeoutSeconds = value.TotalSeconds;
    }

    /// <summary>Consecutive failures (start failures, dead processes, timeouts) that open the breaker.</summary>
    [ConfigurationKeyName("MCP_BREAKER_FAILURES"), Range(1, int.MaxValue)]
    public int BreakerFailureThreshold { get; set; } = 3;

    /// <summary>How long an open breaker refuses calls before letting one trial call through.</summary>
    [ConfigurationKeyName("MCP_BREAKER_COOLDOWN_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double BreakerCooldownSeconds { get; set; } = 30;

    public TimeSpan BreakerCooldown
    {
        get => TimeSpan.FromSeconds(BreakerCooldownSeconds);
        set => BreakerCooldownSeconds = value.TotalSeconds;
    }

    [ConfigurationKeyName("MCP_TOOL_CACHE_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double ToolListCacheSeconds { get; set; } = 300;

    public TimeSpan ToolListCacheTtl
    {
        get => TimeSpan.FromSeconds(ToolListCacheSeconds);
        set => ToolListCacheSeconds = value.TotalSeconds;
    }

    [ConfigurationKeyName("MCP_RESULT_CACHE_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double ResultCacheSeconds { get; set; } = 30;

    public TimeSpan ResultCacheTtl
    {
        get => TimeSpan.FromSeconds(ResultCacheSeconds);
        set => ResultCacheSeconds = value.TotalSeconds;
    }

    [ConfigurationKeyName("MCP_SCHEMA_CACHE_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double SchemaCacheSeconds { get; set; } = 600;

    public TimeSpan SchemaCacheTtl
    {
        get => TimeSpan.FromSeconds(SchemaCacheSeconds);
        set => SchemaCacheSeconds = value.TotalSeconds;
    }

    /// <summary>When a busy hub (every session that could close has a call in flight) says to try again.</summary>
    [ConfigurationKeyName("MCP_BUSY_RETRY_AFTER_SECONDS"), Range(1, int.MaxValue)]
    public int BusyRetryAfterSeconds { get; set; } = 5;

    public TimeSpan BusyRetryAfter => TimeSpan.FromSeconds(BusyRetryAfterSeconds);

    /// <summary>
    /// Extra host environment variables (comma-separated names) a connector process may inherit, on top of the
    /// built-in allow-list (see <see cref="ChildEnvironment"/>). Never put secrets here: every connector sees them.
    /// </summary>
    [ConfigurationKeyName("MCP_INHERITED_VARIABLES")]
    public string? InheritedVariableList { get; set; }

    public List<string> InheritedVariables
    {
        get => [.. (InheritedVariableList ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        set => InheritedVariableList = string.Join(',', value);
    }

    /// <summary>
    /// How built-in connectors are run (docs/deploy.md#connector-isolation): <c>shared</c>, a small pool of processes per
    /// source serving every user, each call carrying its caller's credentials; or <c>process</c>, one process per (user,
    /// source) holding that user's credentials in its environment. Custom stdio sources are always per user.
    /// </summary>
    [ConfigurationKeyName("MOSAIC_CONNECTOR_ISOLATION")]
    [AllowedValues("shared", "process", ErrorMessage = "MOSAIC_CONNECTOR_ISOLATION must be shared or process.")]
    public string Isolation
    {
        get;
        set => field = string.IsNullOrWhiteSpace(value) ? DefaultIsolation : value.Trim().ToLowerInvariant();
    } = DefaultIsolation;

    // A blank value (an empty line in .env) means the default, like a blank number does.
    const string DefaultIsolation = "shared";

    public bool SharedProcesses => Isolation == "shared";

    /// <summary>In shared isolation, at most this many processes per source; more start only while every one is busy.</summary>
    [ConfigurationKeyName("MCP_POOL_MAX_PER_SOURCE"), Range(1, 64)]
    public int PoolMaxPerSource { get; set; } = 4;

    /// <summary>
    /// The key a connector service (<c>MOSAIC_CONNECTOR_URL_&lt;SOURCE&gt;</c>) expects as a bearer token; required when any
    /// such URL is set. Never sent anywhere else.
    /// </summary>
    [ConfigurationKeyName("MOSAIC_CONNECTOR_KEY")]
    public string? ConnectorKey { get; set; }

    /// <summary>
    /// Connector services by source id, from <c>MOSAIC_CONNECTOR_URL_&lt;SOURCE&gt;</c> (the id upper-cased:
    /// <c>MOSAIC_CONNECTOR_URL_GOOGLE_WORKSPACE</c>); read by <see cref="ConnectorServiceUrls"/>, checked at start-up.
    /// </summary>
    public Dictionary<string, string> ConnectorUrls { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The operator's list of internal addresses connectors may reach (checked with the other core settings).</summary>
    [ConfigurationKeyName(EgressPolicy.Variable)]
    public string? EgressAllow { get; set; }
}
