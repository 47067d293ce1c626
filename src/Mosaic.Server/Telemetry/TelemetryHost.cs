using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mosaic.Server.Telemetry;

/// <summary>
/// Builds the tracer and meter providers when the server starts, from the final configuration (tests add theirs
/// late), and only for the signals some export wants: with no export nothing listens, and spans are never created.
/// </summary>
sealed class TelemetryHost(IOptions<TelemetrySettings> options, IEnumerable<ITelemetryExport> registered, ILogger<TelemetryHost> log)
    : IHostedService,
        IAsyncDisposable
{
    static readonly string Version = typeof(TelemetryHost).Assembly.GetName().Version?.ToString() ?? "0";

    TracerProvider? _tracer;
    MeterProvider? _meter;
    MetricsEndpoint? _endpoint;

    public async Task StartAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var exports = registered.ToList();
        if (settings.ExportsOtlp)
            exports.Add(new OtlpExport(settings));
        if (settings.ServesPrometheus)
            exports.Add(new PrometheusExport());

        if (exports.Where(e => e.Traces).ToList() is { Count: > 0 } traces)
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .ConfigureResource(r => r.AddService(settings.ServiceName, serviceVersion: Version))
                .AddSource(MosaicTelemetry.Name, MosaicTelemetry.McpSdkName)
                // Probes come every few seconds and say nothing a trace would add.
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/api/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation();
            traces.ForEach(e => e.AddTo(tracing));
            _tracer = tracing.Build();
        }
        if (exports.Where(e => e.Metrics).ToList() is { Count: > 0 } metrics)
        {
            var metering = Sdk.CreateMeterProviderBuilder()
                .ConfigureResource(r => r.AddService(settings.ServiceName, serviceVersion: Version))
                .AddMeter(MosaicTelemetry.Name, MosaicTelemetry.McpSdkName)
                .AddAspNetCoreInstrumentation() // http.server.request.duration, Kestrel's connections
                .AddHttpClientInstrumentation();
            metrics.ForEach(e => e.AddTo(metering));
            _meter = metering.Build();
        }
        if (settings.ServesPrometheus)
            _endpoint = await MetricsEndpoint.StartAsync(settings, _meter!, ct);
        if (exports.Count > 0)
            log.LogInformation(
                "Telemetry: traces {Traces}, metrics {Metrics}{Prometheus}",
                _tracer is null ? "off" : "on",
                _meter is null ? "off" : "on",
                _endpoint is null ? "" : $", Prometheus scrape endpoint {_endpoint.Url}"
            );
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_endpoint is not null)
            await _endpoint.DisposeAsync();
        _endpoint = null;
        // Sends what is still batched before the process ends.
        _tracer?.ForceFlush(5000);
        _meter?.ForceFlush(5000);
    }

    public async ValueTask DisposeAsync()
    {
        if (_endpoint is not null)
            await _endpoint.DisposeAsync();
        _tracer?.Dispose();
        _meter?.Dispose();
    }
}
