using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>A tool result with easy access to its text and structured content.</summary>
public sealed record ToolCallResult(CallToolResult Raw)
{
    public bool IsError => Raw.IsError == true;

    public string Text => string.Join("\n", Raw.Content.OfType<TextContentBlock>().Select(b => b.Text));

    /// <summary>The structuredContent; fails the test with the text when there is none.</summary>
    public JsonElement Structured =>
        Raw.StructuredContent is { } s
            ? s
            : throw new Xunit.Sdk.XunitException($"Tool result has no structuredContent. isError={IsError}, text: {Text}");

    /// <summary>Asserts success and returns the structured content.</summary>
    public JsonElement Ok()
    {
        if (IsError)
            throw new Xunit.Sdk.XunitException($"Tool returned an error: {Text}");
        return Structured;
    }

    /// <summary>Asserts an isError result and returns its text.</summary>
    public string Error()
    {
        if (!IsError)
            throw new Xunit.Sdk.XunitException($"Expected a tool error but got: {Text}");
        return Text;
    }
}
