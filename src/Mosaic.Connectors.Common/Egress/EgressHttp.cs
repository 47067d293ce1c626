using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Mosaic.Connectors.Common.Egress;

/// <summary>HTTP through the egress policy: the one handler every connector's (and the host's remote MCP) traffic uses.</summary>
public static class EgressHttp
{
    /// <summary>
    /// A handler whose every new connection, including one opened for a redirect, goes through
    /// <see cref="EgressPolicy.ConnectAsync"/>. No proxy: a proxy would make the checked address the
    /// proxy's, not the target's. Pooled connections are renewed every few minutes so DNS changes are seen.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(this EgressPolicy policy, bool followRedirects = true) =>
        new()
        {
            UseProxy = false,
            AllowAutoRedirect = followRedirects,
            MaxAutomaticRedirections = 5,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = await policy.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };

    /// <summary>Makes an IHttpClientFactory client's primary handler the policy's (the policy comes from DI).</summary>
    public static IHttpClientBuilder UseEgressPolicy(this IHttpClientBuilder builder, bool followRedirects = true) =>
        builder.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<EgressPolicy>().CreateHandler(followRedirects));
}
