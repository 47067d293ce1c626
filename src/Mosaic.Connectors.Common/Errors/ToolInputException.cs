using ModelContextProtocol;

namespace Mosaic.Connectors.Common.Errors;

/// <summary>
/// The caller passed something the tool cannot use (bad cursor, out-of-range limit, a refused
/// SQL statement). The message is shown to the model and the person, so it says what to change.
/// </summary>
public sealed class ToolInputException(string message) : McpException(message);
