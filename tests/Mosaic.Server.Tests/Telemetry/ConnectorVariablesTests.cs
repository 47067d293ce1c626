using System.Collections;
using Mosaic.Server.Telemetry;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>Built-in connectors get the operator's OTEL_* settings, so they export to the same collector under their own name.</summary>
public sealed class ConnectorVariablesTests
{
    [Fact]
    public void The_operators_otel_settings_pass_on_but_not_the_servers_service_name_or_anything_else()
    {
        var environment = new Hashtable
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-key=abc",
            ["OTEL_SERVICE_NAME"] = "mosaic-server",
            ["OTEL_EMPTY"] = "",
            ["JWT_SECRET_KEY"] = "not-for-connectors",
            ["otel_lowercase"] = "x",
        };

        var passed = ConnectorTelemetryVariables.From(environment).ToDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317",
                ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-key=abc",
            },
            passed
        );
    }
}
