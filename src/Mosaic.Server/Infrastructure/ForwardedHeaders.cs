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
        // The same test as the cookies' Secure flag (MosaicSettings, not the host's environment name).
        if (!app.Services.GetRequiredService<IOptions<MosaicSettings>>().Value.IsDevelopment)
            app.Use(RequireHttpsAsync);
        return app;
    }

    /// <summary>
    /// Outside development the session and CSRF cookies are Secure, which ASP.NET Core will not issue on a plain-HTTP
    /// request (it throws). So the API refuses plain HTTP up front, with a sentence that says what to fix, before
    /// anything is changed (a sign-up would otherwise create the account and then fail). Health probes stay open.
    /// </summary>
    private static async Task RequireHttpsAsync(HttpContext http, Func<Task> next)
    {
        var path = http.Request.Path;
        if (http.Request.IsHttps || !path.StartsWithSegments("/api") || path.StartsWithSegments("/api/health"))
        {
            await next();
            return;
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await http
            .RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = 403,
                        Title = "HTTPS required",
                        Detail =
                            "Outside development Mosaic signs people in only over HTTPS. Open it through your TLS proxy and "
                            + "list the proxy in TRUSTED_PROXIES (docs/deploy.md), or set ENVIRONMENT=development to try it locally.",
                    },
                }
            );
    }
}
