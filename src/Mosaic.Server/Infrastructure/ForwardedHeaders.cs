using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy, X-Forwarded-Proto/-For tell the server the request was HTTPS
/// (needed for Secure cookies) and who the client is (per-IP rate limits). Only proxies listed in
/// TRUSTED_PROXIES are believed; otherwise anyone could spoof their IP.
/// </summary>
public static class ForwardedHeaders
{
    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<MosaicSettings>>(
                (o, settings) =>
                {
                    o.ForwardedHeaders =
                        Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                        | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
                    o.KnownProxies.Clear();
                    o.KnownIPNetworks.Clear();
                    foreach (var entry in EncryptionKeyFormat.SplitList(settings.Value.TrustedProxies))
                    {
                        if (System.Net.IPNetwork.TryParse(entry, out var network))
                            o.KnownIPNetworks.Add(network);
                        else if (IPAddress.TryParse(entry, out var address))
                            o.KnownProxies.Add(address);
                    }
                }
            );
        return builder;
    }

    public static WebApplication UseMosaicForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders(); // with no trusted proxy configured, nothing is believed
        return app;
    }
}
