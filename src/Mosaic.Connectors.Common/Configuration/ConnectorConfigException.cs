namespace Mosaic.Connectors.Common.Configuration;

/// <summary>A start-up configuration error: printed on stderr, then the process exits with code 2.</summary>
public sealed class ConnectorConfigException(string message) : Exception(message);
