using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Hosting;

namespace Mosaic.Connectors.Common.Credentials;

/// <summary>
/// Builds a credential scope: the connector's own <c>configure</c> run again on a fresh service collection, reading the
/// caller's credentials over the process environment, so every singleton it registers exists once per credential set.
/// Logging and the egress policy are the process's (operator settings, never the caller's).
/// </summary>
public sealed class CredentialScopeFactory(
    ConnectorInfo info,
    Action<ConnectorBuilder> configure,
    EnvConfig processEnv,
    ILoggerFactory loggers,
    EgressPolicy egress
)
{
    public CredentialScope Build(IReadOnlyDictionary<string, string> credentials)
    {
        var env = processEnv.Overlay(credentials);
        var services = new ServiceCollection();
        // Registered first, so the AddLogging that AddHttpClient calls keeps the process's factory (TryAdd).
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(egress);
        configure(new ConnectorBuilder(info, services, mcp: null, env, egress));
        try
        {
            env.ThrowIfInvalid();
        }
        catch (ConnectorConfigException ex)
        {
            return CredentialScope.Failed($"{info.Service}: configuration error: {ex.Message}");
        }
        return new CredentialScope(services.BuildServiceProvider());
    }
}
