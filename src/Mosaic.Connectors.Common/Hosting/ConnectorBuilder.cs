using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Connectors.Common.Hosting;

/// <summary>What a connector's Program.cs configures inside <see cref="ConnectorHost.RunAsync"/>.</summary>
public sealed class ConnectorBuilder
{
    internal ConnectorBuilder(ConnectorInfo info, HostApplicationBuilder host, IMcpServerBuilder mcp, EnvConfig env, EgressPolicy egress)
    {
        Egress = egress;
        Info = info;
        Host = host;
        Mcp = mcp;
        Env = env;
    }

    public ConnectorInfo Info { get; }

    /// <summary>Environment-variable settings; required ones that are missing stop start-up.</summary>
    public EnvConfig Env { get; }

    /// <summary>Where this connector may connect (MOSAIC_EGRESS_ALLOW); also registered as a singleton.</summary>
    public EgressPolicy Egress { get; }

    public IServiceCollection Services => Host.Services;

    public ILoggingBuilder Logging => Host.Logging;

    /// <summary>The underlying host builder, for anything the kit does not cover.</summary>
    public HostApplicationBuilder Host { get; }

    /// <summary>The MCP server builder (stdio transport is already added).</summary>
    public IMcpServerBuilder Mcp { get; }

    /// <summary>
    /// Registers the [McpServerTool] methods of <typeparamref name="TTools"/>. Tool methods should take
    /// primitive parameters and return <c>CallToolResult</c> (see ToolResults) so that no
    /// reflection-based JSON is needed and the connector stays Native-AOT friendly.
    /// </summary>
    public ConnectorBuilder AddTools<
        [DynamicallyAccessedMembers(
            DynamicallyAccessedMemberTypes.PublicMethods
                | DynamicallyAccessedMemberTypes.NonPublicMethods
                | DynamicallyAccessedMemberTypes.PublicConstructors
        )]
            TTools
    >(JsonSerializerOptions? serializerOptions = null)
    {
        Mcp.WithTools<TTools>(serializerOptions);
        return this;
    }
}
