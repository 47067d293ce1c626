using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces and metrics (docs/observability.md): OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, a Prometheus scrape
    /// endpoint on its own port when MOSAIC_METRICS=prometheus; settings checked at start-up.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<TelemetrySettings>(builder.Configuration);
        builder.Services.AddSingleton<IValidateOptions<TelemetrySettings>, MetricsHostRule>();
        builder.Services.AddHostedService<TelemetryHost>();
        return builder;
    }

    sealed class MetricsHostRule : IValidateOptions<TelemetrySettings>
    {
        public ValidateOptionsResult Validate(string? name, TelemetrySettings options) =>
            !options.ServesPrometheus || MetricsEndpoint.IsValidHost(options.MetricsHost.Trim())
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"MOSAIC_METRICS_HOST must be an IP address to listen on, or localhost (got '{options.MetricsHost}')."
                );
    }
}
