using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mosaic.Server.Telemetry;

/// <summary>
/// Where spans and metrics go. The configured exports (<see cref="OtlpExport"/>, <see cref="PrometheusExport"/>) and
/// any registered as a service (an in-memory one, say) are all added; with none, no provider is built at all.
/// </summary>
public interface ITelemetryExport
{
    bool Traces => true;
    bool Metrics => true;

    void AddTo(TracerProviderBuilder tracing) { }

    void AddTo(MeterProviderBuilder metrics) { }
}

/// <summary>OTEL_EXPORTER_OTLP_ENDPOINT: both signals to the collector (headers from OTEL_EXPORTER_OTLP_HEADERS).</summary>
sealed class OtlpExport(TelemetrySettings settings) : ITelemetryExport
{
    public void AddTo(TracerProviderBuilder tracing) => tracing.AddOtlpExporter(o => Configure(o, "v1/traces"));

    public void AddTo(MeterProviderBuilder metrics) => metrics.AddOtlpExporter(o => Configure(o, "v1/metrics"));

    void Configure(OtlpExporterOptions options, string signalPath)
    {
        var endpoint = settings.OtlpEndpoint!.Trim();
        options.Protocol = settings.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Set in code, an http/protobuf endpoint is used as given: the signal's path is added here, as the variable means.
        options.Endpoint = new Uri(settings.HttpProtobuf ? $"{endpoint.TrimEnd('/')}/{signalPath}" : endpoint);
    }
}

/// <summary>MOSAIC_METRICS=prometheus: metrics for <see cref="MetricsEndpoint"/> to serve.</summary>
sealed class PrometheusExport : ITelemetryExport
{
    public bool Traces => false;

    public void AddTo(MeterProviderBuilder metrics) => metrics.AddPrometheusExporter();
}
