using System.Globalization;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Server.Connectors.Hub;

public static class McpHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="McpHub"/> as <see cref="IMcpHub"/>. Settings come from the "McpHub" section,
    /// overridden by the env vars CONNECTION_IDLE_TIMEOUT, MCP_CALL_TIMEOUT (seconds), MCP_MAX_SESSIONS and
    /// MCP_MAX_SESSIONS_PER_USER; MOSAIC_EGRESS_ALLOW is the <see cref="HostEgress"/> allow list.
    /// Needs an <see cref="IConnectorLaunchResolver"/>.
    /// </summary>
    public static IServiceCollection AddMcpHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<McpHubOptions>()
            .Bind(configuration.GetSection("McpHub"))
            .PostConfigure(o =>
            {
                if (Seconds(configuration["CONNECTION_IDLE_TIMEOUT"]) is { } idle) o.IdleTimeout = idle;
                if (Seconds(configuration["MCP_CALL_TIMEOUT"]) is { } call) o.CallTimeout = call;
                if (int.TryParse(configuration["MCP_MAX_SESSIONS"], CultureInfo.InvariantCulture, out var max) && max > 0) o.MaxSessions = max;
                if (int.TryParse(configuration["MCP_MAX_SESSIONS_PER_USER"], CultureInfo.InvariantCulture, out var mine) && mine > 0)
                    o.MaxSessionsPerUser = mine;
            })
            .Validate(o => o.MaxSessions > 0 && o.MaxSessionsPerUser > 0 && o.CallTimeout > TimeSpan.Zero &&
                           o.IdleTimeout > TimeSpan.Zero &&
                           o.BreakerFailureThreshold > 0 && o.SweepInterval > TimeSpan.Zero,
                "McpHub settings must be positive (MaxSessions, MaxSessionsPerUser, CallTimeout, IdleTimeout, " +
                "BreakerFailureThreshold, SweepInterval).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHybridCache();
        services.TryAddSingleton(_ => new HostEgress(configuration[EgressPolicy.Variable]));
        services.TryAddSingleton<McpSessionStarter>();
        services.TryAddSingleton<McpHubCache>();
        services.TryAddSingleton(Create);
        services.TryAddSingleton<IMcpHub>(sp => sp.GetRequiredService<McpHub>());
        return services;
    }

    internal static McpHub Create(IServiceProvider sp) => new(
        sp.GetRequiredService<IConnectorLaunchResolver>(), sp.GetRequiredService<McpSessionStarter>(),
        sp.GetRequiredService<McpHubCache>(), sp.GetRequiredService<IOptions<McpHubOptions>>(),
        sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<McpHub>>());

    static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : null;
}
