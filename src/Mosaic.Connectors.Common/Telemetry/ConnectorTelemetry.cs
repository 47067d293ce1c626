using System.Diagnostics;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mosaic.Connectors.Common.Telemetry;

/// <summary>
/// Keeps a tool call in the trace of the request that asked for it. The MCP SDK starts a server span for each request
/// under the <c>_meta.traceparent</c> it carries, but only when something listens to its ActivitySource; HttpClient then
/// sends that span's context upstream (W3C traceparent header). With OTEL_EXPORTER_OTLP_ENDPOINT set, the connector also
/// exports its spans (the MCP request, each upstream HTTP call) to that collector; without it, a listener that only
/// propagates (records nothing) joins the trace when a caller sent one, and costs nothing when it did not.
/// </summary>
public static class ConnectorTelemetry
{
    /// <summary>The MCP C# SDK's ActivitySource.</summary>
    public const string McpSdkSource = "Experimental.ModelContextProtocol";

    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Starts for the life of the process; dispose to flush and stop.</summary>
    public static IDisposable Start(ConnectorInfo info, EnvConfig env)
    {
        if (!string.IsNullOrWhiteSpace(env.Raw(EndpointVariable)))
            // Endpoint, protocol and headers are read by the exporter from the OTEL_* variables, as everywhere.
            return Sdk.CreateTracerProviderBuilder()
                .ConfigureResource(r => r.AddService(env.Optional("OTEL_SERVICE_NAME", info.ServerName), serviceVersion: info.Version))
                .AddSource(McpSdkSource)
                .AddHttpClientInstrumentation()
                .AddOtlpExporter()
                .Build();
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == McpSdkSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
                o.Parent.TraceId == default ? ActivitySamplingResult.None : ActivitySamplingResult.PropagationData,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
