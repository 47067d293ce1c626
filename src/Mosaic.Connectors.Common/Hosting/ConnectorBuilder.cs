using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Connectors.Common.Hosting;

/// <summary>
/// What a connector's Program.cs configures inside <see cref="ConnectorHost.RunAsync"/>. The callback may run more than
/// once: for the process, and in per-call credential mode again for every credential scope (then <see cref="Mcp"/> is
/// null and <see cref="AddTools"/> registers nothing). So it must only register services and read <see cref="Env"/>.
/// </summary>
public sealed class ConnectorBuilder
{
    internal ConnectorBuilder(ConnectorInfo info, IServiceCollection services, IMcpServerBuilder? mcp, EnvConfig env, EgressPolicy egress)
    {
        Info = info;
        Services = services;
        Mcp = mcp;
        Env = env;
        Egress = egress;
    }

    public ConnectorInfo Info { get; }

    /// <summary>Environment-variable settings (in a credential scope: the caller's credentials over the process environment).</summary>
    public EnvConfig Env { get; }

    /// <summary>Where this connector may connect (MOSAIC_EGRESS_ALLOW); also registered as a singleton.</summary>
    public EgressPolicy Egress { get; }

    public IServiceCollection Services { get; }

    /// <summary>The MCP server builder; null while configuring a credential scope, whose tools the server already has.</summary>
    public IMcpServerBuilder? Mcp { get; }

    /// <summary>True while configuring one caller's credential scope (per-call credential mode).</summary>
    public bool IsCredentialScope => Mcp is null;

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
        // A credential scope builds tool instances from its own services; the tools are registered once, on the server.
        Mcp?.WithTools<TTools>(serializerOptions);
        return this;
    }
}
