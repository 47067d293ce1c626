using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Mosaic.Connectors.Common.Errors;

/// <summary>Builds isError tool results.</summary>
public static class ToolErrors
{
    /// <summary>The <c>_meta</c> key of an error result whose credentials the service refused; the host then refreshes an OAuth
    /// connection once and calls again (docs/oauth.md). Its only value is <see cref="AuthRejected"/>.</summary>
    public const string AuthMetaKey = "mosaic/auth";

    public const string AuthRejected = "rejected";

    public static CallToolResult Result(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };

    /// <summary>An error result for <paramref name="failure"/>'s message, marked when the service refused the credentials.</summary>
    public static CallToolResult Result(string message, UpstreamException? failure)
    {
        var result = Result(message);
        if (failure?.CredentialsRefused == true)
            result.Meta = new JsonObject { [AuthMetaKey] = AuthRejected };
        return result;
    }
}
