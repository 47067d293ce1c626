using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.WebUtilities;
using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.OAuth.Mcp;

public static class McpOAuthEndpoints
{
    public static IServiceCollection AddMcpOAuth(this IServiceCollection services)
    {
        services.AddSingleton<McpTokenRows>();
        services.AddSingleton<McpOAuthClients>();
        services.AddSingleton<McpPendingFlows>();
        services.AddSingleton<IOAuthConnector, McpOAuthConnector>();
        return services;
    }

    /// <summary>
    /// The Client ID Metadata Document: Mosaic's OAuth client as remote MCP servers see it, its own URL being the
    /// client_id. Anonymous (the authorization server fetches it) and cacheable.
    /// </summary>
    public static IEndpointRouteBuilder MapMcpOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(McpOAuthClients.MetadataPath, ClientMetadata)
            .AllowAnonymous()
            .WithTags("OAuth")
            .WithSummary("Mosaic's Client ID Metadata Document for remote MCP servers")
            .WithDescription("Its URL is Mosaic's client_id at MCP authorization servers that accept metadata documents.");
        return app;
    }

    static IResult ClientMetadata(HttpContext http, McpOAuthClients clients, SourceRegistry registry)
    {
        var publicBase = clients.PublicBase(http.Request);
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Json(
            new ClientMetadataDocument(
                new Uri(publicBase, McpOAuthClients.MetadataPath[1..]).AbsoluteUri,
                "Mosaic",
                publicBase.AbsoluteUri,
                [.. registry.All.Where(s => s.McpOAuth is not null).Select(s => McpOAuthClients.CallbackUri(publicBase, s.Id).AbsoluteUri)],
                ["authorization_code", "refresh_token"],
                ["code"],
                "none"
            )
        );
    }

    /// <summary>
    /// Until the OAuth endpoints of the built-in providers exist (OAuthEndpoints dispatches to every
    /// <see cref="IOAuthConnector"/>): <c>/api/oauth/{source}/start</c> and <c>/callback</c> for remote MCP servers only.
    /// </summary>
    public static IEndpointRouteBuilder MapInterimMcpConnect(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/oauth/{source}").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/start", StartAsync);
        group.MapGet("/callback", CallbackAsync);
        return app;
    }

    static async Task<IResult> StartAsync(
        string source,
        string? return_to,
        HttpContext http,
        SourceRegistry registry,
        IEnumerable<IOAuthConnector> connectors,
        McpOAuthClients clients,
        CancellationToken ct
    )
    {
        var returnTo = return_to is ['/', not '/' and not '\\', ..] or "/" ? return_to : "/";
        var (definition, connector) = Find(source, registry, connectors);
        if (connector is null)
            return Back(returnTo, source, OAuthFailure.Unavailable);
        try
        {
            var request = new OAuthStartRequest(
                http.User.GetUserId(),
                http.User.FindFirst(JwtRegisteredClaimNames.Jti)?.Value ?? "",
                definition!,
                returnTo,
                null,
                McpOAuthClients.CallbackUri(clients.PublicBase(http.Request), source)
            );
            return Results.Redirect((await connector.StartAsync(request, ct)).AbsoluteUri);
        }
        catch (OAuthFlowException e)
        {
            return Back(returnTo, source, e.Reason, e.Code);
        }
    }

    static async Task<IResult> CallbackAsync(
        string source,
        HttpContext http,
        SourceRegistry registry,
        IEnumerable<IOAuthConnector> connectors,
        McpOAuthClients clients,
        CancellationToken ct
    )
    {
        var (definition, connector) = Find(source, registry, connectors);
        if (connector is null)
            return Back("/", source, OAuthFailure.Unavailable);
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        try
        {
            var request = new OAuthCallbackRequest(
                http.User.GetUserId(),
                http.User.FindFirst(JwtRegisteredClaimNames.Jti)?.Value ?? "",
                definition!,
                query,
                McpOAuthClients.CallbackUri(clients.PublicBase(http.Request), source)
            );
            var connected = await connector.CompleteAsync(request, ct);
            return Results.Redirect(
                QueryHelpers.AddQueryString(
                    connected.ReturnTo,
                    new Dictionary<string, string?> { ["oauth"] = "connected", ["source"] = source }
                )
            );
        }
        catch (OAuthFlowException e)
        {
            return Back(e.ReturnTo ?? "/", source, e.Reason, e.Code);
        }
    }

    static (SourceDefinition?, IOAuthConnector?) Find(string id, SourceRegistry registry, IEnumerable<IOAuthConnector> connectors) =>
        registry.Find(id) is { } s ? (s, connectors.FirstOrDefault(c => c.Handles(s))) : (null, null);

    static IResult Back(string returnTo, string source, string reason, string? code = null) =>
        Results.Redirect(
            QueryHelpers.AddQueryString(
                returnTo,
                new Dictionary<string, string?>
                {
                    ["oauth"] = "error",
                    ["source"] = source,
                    ["reason"] = reason,
                    ["code"] = code,
                }.Where(p => p.Value is not null)
            )
        );
}

/// <summary>draft-ietf-oauth-client-id-metadata-document: the client's metadata, served at its client_id.</summary>
public sealed record ClientMetadataDocument(
    [property: System.Text.Json.Serialization.JsonPropertyName("client_id")] string ClientId,
    [property: System.Text.Json.Serialization.JsonPropertyName("client_name")] string ClientName,
    [property: System.Text.Json.Serialization.JsonPropertyName("client_uri")] string ClientUri,
    [property: System.Text.Json.Serialization.JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: System.Text.Json.Serialization.JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: System.Text.Json.Serialization.JsonPropertyName("response_types")] IReadOnlyList<string> ResponseTypes,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_endpoint_auth_method")] string TokenEndpointAuthMethod
);
