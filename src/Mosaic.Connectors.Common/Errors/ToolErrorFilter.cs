using System.Net.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Egress;
using Polly.Timeout;

namespace Mosaic.Connectors.Common.Errors;

/// <summary>
/// Turns failures that escape a tool into an isError result with a message a person can act on.
/// McpException (and so UpstreamException / ToolInputException) keeps its own text; network
/// failures and timeouts get a sentence naming the service instead of the SDK's generic text; a connection
/// the egress policy refused says so (and how to allow it), however deep the HTTP stack wrapped it.
/// </summary>
internal static class ToolErrorFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next,
        string service
    ) =>
        async (context, cancellationToken) =>
        {
            try
            {
                return await next(context, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Describe(ex, service) is { } text)
            {
                if (context.Services?.GetService(typeof(ILoggerFactory)) is ILoggerFactory lf)
                    lf.CreateLogger("Mosaic.Connectors.Tools").LogWarning("Tool {Tool} failed: {Error}", context.Params?.Name, ex.Message);
                return ToolErrors.Result(text, ex as UpstreamException);
            }
        };

    public static string? Describe(Exception ex, string service) =>
        EgressRefusedException.Find(ex)?.Message
        ?? ex switch
        {
            McpProtocolException => null, // protocol errors (unknown tool, bad params) stay JSON-RPC errors
            McpException m => m.Message,
            TimeoutRejectedException or TimeoutException or TaskCanceledException =>
                $"{service} did not answer in time. Try again, or narrow the request (smaller limit, tighter filter).",
            HttpRequestException h =>
                $"{service} could not be reached ({h.HttpRequestError}): check the URL/endpoint setting and the network.",
            _ => null,
        };
}
