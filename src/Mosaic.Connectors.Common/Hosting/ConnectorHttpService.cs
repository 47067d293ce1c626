using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.Common.Hosting;

/// <summary>
/// A connector as a stateless Streamable HTTP MCP service (<c>--http http://127.0.0.1:7101</c>): MCP at <c>/mcp</c>,
/// liveness at <c>GET /health</c> (no auth, "ok"). Every other request needs <c>Authorization: Bearer
/// $MOSAIC_CONNECTOR_KEY</c>, compared in constant time (401 otherwise); without a key the service does not start.
/// Requests from a web page, or (on a loopback listener) addressed to another host name, are refused (403).
/// Credentials are always per call, so one service serves every user; any number of replicas may sit behind a balancer.
/// </summary>
public static class ConnectorHttpService
{
    public const string KeyVariable = "MOSAIC_CONNECTOR_KEY";
    public const string Flag = "--http";
    public const string McpPath = "/mcp";
    public const string HealthPath = "/health";

    /// <summary>
    /// On unless the connector was published with <c>-p:MosaicHttpService=false</c>: then the trimmer drops the web host,
    /// and a Native AOT binary is about 5 MB smaller and starts with about 8 MB less memory (stdio only).
    /// </summary>
    [FeatureSwitchDefinition(FeatureSwitch)]
    public static bool IsSupported => !AppContext.TryGetSwitch(FeatureSwitch, out var on) || on;

    public const string FeatureSwitch = "Mosaic.Connectors.HttpService";

    /// <summary>The <c>--http</c> listen URL, or null without the flag; a missing or malformed one is a configuration error.</summary>
    public static Uri? ListenUrl(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            string? value;
            if (args[i] == Flag)
                value = i + 1 < args.Length ? args[i + 1] : null;
            else if (args[i].StartsWith(Flag + "=", StringComparison.Ordinal))
                value = args[i][(Flag.Length + 1)..];
            else
                continue;
            if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme == "http")
                return url;
            // TLS ends in front of the service (a balancer or reverse proxy), so the service itself speaks plain HTTP.
            throw new ConnectorConfigException(
                $"{Flag} needs the plain http URL to listen on, e.g. {Flag} http://127.0.0.1:7101; put TLS in front of it (got \"{value}\")"
            );
        }
        return null;
    }

    public static async Task<int> RunAsync(Uri listen, ConnectorInfo info, Action<ConnectorBuilder> configure, EnvConfig env)
    {
        await using var app = Build(listen, info, configure, env);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Builds (but does not run) the service; throws <see cref="ConnectorConfigException"/> on bad settings.</summary>
    public static WebApplication Build(Uri listen, ConnectorInfo info, Action<ConnectorBuilder> configure, EnvConfig env)
    {
        var key = env.Optional(KeyVariable);
        if (key is null)
            env.Problem($"{Flag} needs {KeyVariable}: the key every {McpPath} request must bring as a bearer token");
        // The empty builder: no appsettings or ASPNETCORE_* discovery, Kestrel without HTTPS configuration (TLS ends at
        // the balancer or proxy in front), routing only; a smaller native binary than the slim builder's.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelCore().UseUrls(listen.GetLeftPart(UriPartial.Authority));
        builder.Services.AddRoutingCore();
        ConnectorServer
            .Add(builder.Services, builder.Logging, info, configure, env, perCall: true)
            .WithHttpTransport(o => o.Stateless = true);
        var app = builder.Build();
        ConnectorServer.Validate(app.Services);
        var expected = Digest(key!);
        var loopback = IsLoopback(listen.Host);
        app.Use(
            async (HttpContext context, RequestDelegate next) =>
            {
                if (context.Request.Path.Equals(HealthPath, StringComparison.Ordinal))
                {
                    context.Response.ContentType = "text/plain";
                    await context.Response.WriteAsync("ok");
                    return;
                }
                if (FromElsewhere(context.Request, loopback))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
                if (!Authorized(context.Request.Headers.Authorization.ToString(), expected))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    return;
                }
                await next(context);
            }
        );
        app.MapMcp(McpPath);
        return app;
    }

    /// <summary>
    /// Defence against DNS rebinding, beside the key: no browser has business with a connector service, so a request
    /// from a web page (an Origin that is not loopback) is refused, and a service listening on loopback refuses a request
    /// addressed to any other host name.
    /// </summary>
    private static bool FromElsewhere(HttpRequest request, bool loopbackListener)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var o) && IsLoopback(o.Host)))
            return true;
        return loopbackListener && !IsLoopback(request.Host.Host);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));

    private static bool Authorized(string header, byte[] expected) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        // Comparing digests keeps the comparison constant-time whatever the presented length.
        && CryptographicOperations.FixedTimeEquals(Digest(header["Bearer ".Length..].Trim()), expected);

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
