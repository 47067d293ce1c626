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

    static IResult ClientMetadata(HttpContext http, OAuthEnvironment environment, SourceRegistry registry)
    {
        var publicBase = new Uri(OAuthRedirects.PublicBase(environment.PublicUrl, http.Request) + "/");
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Json(
            new ClientMetadataDocument(
                new Uri(publicBase, McpOAuthClients.MetadataPath[1..]).AbsoluteUri,
                "Mosaic",
                publicBase.AbsoluteUri,
                [
                    .. registry
                        .All.Where(s => s.McpOAuth is not null)
                        .Select(s => OAuthRedirects.CallbackUrl(environment.PublicUrl, http.Request, s.Id).AbsoluteUri),
                ],
                ["authorization_code", "refresh_token"],
                ["code"],
                "none"
            )
        );
    }
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
