using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Datasources;

namespace Mosaic.Server.OAuth.Mcp;

/// <summary>
/// The MCP SDK's OAuth client, configured for Mosaic (docs/oauth.md#remote-mcp-servers). The SDK does the protocol:
/// protected-resource and authorization-server discovery, PKCE, the resource indicator, the <c>iss</c> and state checks,
/// the Client ID Metadata Document (or registration when the server takes none) and refreshes. Mosaic supplies where
/// tokens live and what happens when the server wants the person: in a chat or the digest nobody can be asked, so the
/// call fails with <see cref="McpHubFailure.ConnectNeeded"/>; from Connect, the browser is sent to consent.
/// </summary>
internal sealed class McpOAuthClients(
    SourceRegistry registry,
    McpTokenRows rows,
    OAuthEnvironment environment,
    HostEgress egress,
    ILoggerFactory logs
)
{
    public const string MetadataPath = "/api/oauth/client-metadata.json";

    /// <summary>The OAuth options of a hub session, or null when the source does not use the MCP authorization flow.</summary>
    public ClientOAuthOptions? ForSession(SessionKey key)
    {
        if (registry.Find(key.Datasource) is not { McpOAuth: not null } source)
            return null;
        // Never used to start a flow here (the handler refuses first), but the SDK wants one.
        var redirect = OAuthRedirects.CallbackUrl(environment.PublicUrl, null, source.Id);
        return Options(source, redirect, new VaultTokenCache(rows, key.UserId, source.Id), (_, ct) => ConnectNeededAsync(key, source, ct));
    }

    async Task<AuthorizationResult?> ConnectNeededAsync(SessionKey key, SourceDefinition source, CancellationToken ct)
    {
        var reason = $"{source.Name} refused the saved authorization: reconnect {source.Name}.";
        var hadConnection = await rows.MarkReconnectAsync(key.UserId, source.Id, reason, ct);
        throw new McpHubException(
            McpHubFailure.ConnectNeeded,
            source.Id,
            hadConnection ? reason : $"{source.Name} asks you to connect it first: press Connect, approve, then ask again."
        )
        {
            SourceName = source.Name,
        };
    }

    /// <summary>
    /// Connect: runs the SDK's flow until it has tokens — <paramref name="ask"/> sends the browser to consent and waits
    /// for the callback — then lists the tools and asks <c>whoami</c> (which also makes a server that only protects
    /// tool calls ask for authorization). The tokens are returned, not stored: the caller saves them once all went well.
    /// </summary>
    public async Task<(TokenContainer Tokens, SourceIdentity? Identity)> ConnectAsync(
        SourceDefinition source,
        Uri redirectUri,
        Func<AuthorizationCallbackContext, CancellationToken, Task<AuthorizationResult?>> ask,
        CancellationToken ct
    )
    {
        var cache = new HeldTokenCache();
        await using var transport = Transport(source, Options(source, redirectUri, cache, ask));
        await using var client = await McpClient.CreateAsync(
            transport,
            new()
            {
                ClientInfo = new() { Name = "mosaic", Version = "1.0" },
            },
            logs,
            ct
        );
        var tools = await client.ListToolsAsync(cancellationToken: ct);
        SourceIdentity? identity = null;
        if (tools.Any(t => t.Name == "whoami"))
        {
            var who = await client.CallToolAsync("whoami", cancellationToken: ct);
            identity = who.IsError == true ? null : SourceIdentity.FromWhoami(who.StructuredContent);
        }
        var tokens = await cache.GetTokensAsync(ct)
            ?? throw new OAuthFlowException(
                OAuthFailure.Unavailable,
                $"{source.Name} did not ask for authorization: there is nothing to connect."
            );
        return (tokens, identity);
    }

    public HttpClientTransport Transport(SourceDefinition source, ClientOAuthOptions options) =>
        new(
            new HttpClientTransportOptions
            {
                Name = source.Id,
                Endpoint = new Uri(source.Url!),
                TransportMode = HttpTransportMode.StreamableHttp,
                OAuth = options,
            },
            new HttpClient(egress.Policy.CreateHandler()), // discovery and token requests obey the egress policy too
            logs,
            ownsHttpClient: true
        );

    ClientOAuthOptions Options(
        SourceDefinition source,
        Uri redirectUri,
        ITokenCache cache,
        Func<AuthorizationCallbackContext, CancellationToken, Task<AuthorizationResult?>> handler
    )
    {
        var metadata = new Uri(BaseOf(redirectUri, source.Id), MetadataPath[1..]);
        return new ClientOAuthOptions
        {
            RedirectUri = redirectUri,
            // A Client ID Metadata Document must be an https URL (the SDK refuses others): over http, registration it is.
            ClientMetadataDocumentUri = metadata.Scheme == Uri.UriSchemeHttps ? metadata : null,
            DynamicClientRegistration = new() { ClientName = "Mosaic" },
            Scopes = source.McpOAuth!.Scopes.Count > 0 ? source.McpOAuth.Scopes : null,
            TokenCache = cache,
            AuthorizationCallbackHandler = handler,
        };
    }

    static Uri BaseOf(Uri redirectUri, string sourceId)
    {
        var url = redirectUri.GetLeftPart(UriPartial.Path);
        var suffix = $"api/oauth/{sourceId}/callback";
        return new Uri(
            url.EndsWith(suffix, StringComparison.Ordinal) ? url[..^suffix.Length] : redirectUri.GetLeftPart(UriPartial.Authority) + "/"
        );
    }

    /// <summary>The connect-needed failure an SDK call may carry somewhere among its inner exceptions.</summary>
    public static McpHubException? FindConnectNeeded(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is McpHubException { Failure: McpHubFailure.ConnectNeeded } needed)
                return needed;
        return null;
    }
}
