namespace Mosaic.Connectors.Common.Hosting;

/// <summary>Who a connector is.</summary>
/// <param name="Id">Datasource id, e.g. "mysql"; also the MCP server name "mosaic-&lt;id&gt;".</param>
/// <param name="Service">Display name used in messages, e.g. "MySQL" ("MySQL says: ...").</param>
/// <param name="Version">Reported to MCP clients at initialize.</param>
public sealed record ConnectorInfo(string Id, string Service, string Version = "1.0.0")
{
    public string ServerName => $"mosaic-{Id}";
}
