using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Common.Credentials;

/// <summary>
/// Per-call credential mode: each tools/call runs against the credential scope of the credentials in its
/// <c>_meta["mosaic/credentials"]</c>. The SDK builds the tool's instance and its service parameters from
/// <c>request.Services</c>, so pointing that at a DI scope of the credential scope is all a tool needs.
/// </summary>
internal static class CredentialFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next
    ) =>
        async (context, cancellationToken) =>
        {
            var root = context.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");
            IReadOnlyDictionary<string, string> credentials;
            try
            {
                credentials = CallCredentials.Read(context.Params?.Meta);
            }
            catch (ToolInputException ex)
            {
                return ToolErrors.Result(ex.Message);
            }

            var factory = root.GetRequiredService<CredentialScopeFactory>();
            using var lease = root.GetRequiredService<CredentialScopeCache>()
                .Acquire(CallCredentials.Fingerprint(credentials), () => factory.Build(credentials));
            if (lease.Scope.Error is { } error)
                return ToolErrors.Result(error);

            await using var call = lease.Scope.Services!.CreateAsyncScope();
            context.Services = call.ServiceProvider;
            try
            {
                return await next(context, cancellationToken);
            }
            finally
            {
                context.Services = root;
            }
        };
}
