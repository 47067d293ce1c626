using System.ComponentModel.DataAnnotations;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Telemetry;

/// <summary>
/// Traces and metrics (docs/observability.md): OTLP when an endpoint is set, a Prometheus scrape endpoint on its own
/// port when asked for, nothing otherwise. The OTEL_* names are OpenTelemetry's own, so a collector's usual settings work.
/// </summary>
public sealed record TelemetrySettings
{
    public const string Prometheus = "prometheus";

    /// <summary>The collector (e.g. http://otel-collector:4317); spans and metrics go there when set.</summary>
    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_ENDPOINT"), HttpUrl]
    public string? OtlpEndpoint { get; init; }

    /// <summary>grpc (port 4317) or http/protobuf (port 4318; /v1/traces and /v1/metrics are added to the endpoint).</summary>
    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_PROTOCOL"), OneOf("grpc", "http/protobuf")]
    public string OtlpProtocol { get; init; } = "grpc";

    [ConfigurationKeyName("OTEL_SERVICE_NAME")]
    public string ServiceName { get; init; } = "mosaic-server";

    /// <summary>"prometheus": a scrape endpoint at http://MOSAIC_METRICS_HOST:MOSAIC_METRICS_PORT/metrics.</summary>
    [ConfigurationKeyName("MOSAIC_METRICS"), OneOf(Prometheus)]
    public string? Metrics { get; init; }

    /// <summary>Loopback by default: the scrape endpoint has no sign-in, so only the operator's network reaches it.</summary>
    [ConfigurationKeyName("MOSAIC_METRICS_HOST")]
    public string MetricsHost { get; init; } = "127.0.0.1";

    [ConfigurationKeyName("MOSAIC_METRICS_PORT"), Range(1, 65535)]
    public int MetricsPort { get; init; } = 9464;

    public bool ExportsOtlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);
    public bool ServesPrometheus => string.Equals(Metrics?.Trim(), Prometheus, StringComparison.OrdinalIgnoreCase);
    public bool HttpProtobuf => OtlpProtocol.Trim().Equals("http/protobuf", StringComparison.OrdinalIgnoreCase);
}
