using Microsoft.Extensions.DependencyInjection.Extensions;
using Mosaic.Server.Health;

namespace Mosaic.Server.Connectors.Hub;

public static class McpHubHostingExtensions
{
    /// <summary>
    /// The hub over the registry and the credential vault: sessions are replaced as soon as a user's
    /// credentials are saved or deleted, and /api/health/detailed counts the live sessions.
    /// </summary>
    public static WebApplicationBuilder AddMcpHub(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(_ => new BuiltInConnectorLocator());
        builder.Services.TryAddSingleton<IConnectorLaunchResolver, RegistryLaunchResolver>();
        builder.Services.AddMcpHub(builder.Configuration); // the vault's change notices reach it (see AddCredentials)
        builder.Services.Replace(ServiceDescriptor.Singleton<IMcpConnectionCounter, McpHubConnectionCounter>());
        return builder;
    }
}

/// <summary>Live sessions and breaker counts for /api/health/detailed (counts only, never whose).</summary>
internal sealed class McpHubConnectionCounter(McpHub hub) : IMcpConnectionCounter
{
    public int ActiveConnections => hub.GetStatus().LiveSessions;

    public McpBreakerCounts Breakers
    {
        get
        {
            var breakers = hub.GetStatus().Breakers;
            return new McpBreakerCounts(
                breakers.Count(b => b.State == BreakerState.Open),
                breakers.Count(b => b.State == BreakerState.HalfOpen)
            );
        }
    }
}
