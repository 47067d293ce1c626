using ModelContextProtocol.Protocol;

namespace Mosaic.Connectors.Common.Errors;

/// <summary>Builds isError tool results.</summary>
public static class ToolErrors
{
    public static CallToolResult Result(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };
}
