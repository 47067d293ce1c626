using System.Collections;

namespace Mosaic.Server.Telemetry;

/// <summary>
/// The operator's OTEL_* settings, passed on to built-in connector processes so they export their own spans to the same
/// collector (docs/observability.md). Custom servers get them only when the operator lists them in MCP_INHERITED_VARIABLES: the
/// collector's headers may hold its key.
/// </summary>
public static class ConnectorTelemetryVariables
{
    public const string Prefix = "OTEL_";

    /// <summary>Each connector names its own service (mosaic-slack, …); the server's name would hide which one it was.</summary>
    const string ServiceName = "OTEL_SERVICE_NAME";

    public static IEnumerable<KeyValuePair<string, string>> From(IDictionary environment)
    {
        foreach (DictionaryEntry e in environment)
            if (
                e.Key is string name
                && e.Value is string { Length: > 0 } value
                && name.StartsWith(Prefix, StringComparison.Ordinal)
                && name != ServiceName
            )
                yield return new(name, value);
    }
}
