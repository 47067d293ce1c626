using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Metrics;

namespace Mosaic.Server.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint, on its own small Kestrel listener (MOSAIC_METRICS_HOST:MOSAIC_METRICS_PORT, loopback by
/// default): the app's port never serves metrics, so signing in is not needed for them and the public can't read them.
/// </summary>
sealed class MetricsEndpoint(WebApplication app, string url) : IAsyncDisposable
{
    public const string Path = "/metrics";

    public string Url { get; } = url;

    public static async Task<MetricsEndpoint> StartAsync(TelemetrySettings settings, MeterProvider meter, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => Listen(k, settings.MetricsHost, settings.MetricsPort));
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meter, predicate: null, Path, configureBranchedPipeline: null, optionsName: null);
        app.Run(c =>
        {
            c.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"MOSAIC_METRICS=prometheus: cannot listen on {settings.MetricsHost}:{settings.MetricsPort} ({e.Message}); "
                    + "set MOSAIC_METRICS_PORT to a free port.",
                e
            );
        }
        return new MetricsEndpoint(app, $"http://{settings.MetricsHost}:{settings.MetricsPort}{Path}");
    }

    /// <summary>An IP address, or localhost (both loopback addresses).</summary>
    public static bool IsValidHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _);

    static void Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            kestrel.ListenLocalhost(port);
        else
            kestrel.Listen(IPAddress.Parse(host.Trim()), port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
