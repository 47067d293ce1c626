using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.OAuth;

public static class OAuthExtensions
{
    /// <summary>
    /// One-click connections (docs/oauth.md): the five built-in providers, their apps (admin or environment), pending flows,
    /// refresh (single-flight, through Redis when configured) and the hub's retry after a refused token. Other
    /// <see cref="IOAuthConnector"/>s (remote MCP servers) register beside the built-in one.
    /// </summary>
    public static WebApplicationBuilder AddOAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OAuthProviders>();
        services.AddSingleton<OAuthEnvironment>();
        services.AddSingleton<OAuthTokenRequests>();
        services.AddSingleton<OAuthRefreshLock>();
        services.AddSingleton<IToolCredentialRefresh, OAuthToolRefresh>();
        services.AddScoped<OAuthApps>();
        services.AddScoped<OAuthStates>();
        services.AddScoped<OAuthVault>();
        services.AddScoped<OAuthRefresher>();
        services.AddScoped<OAuthDisconnect>();
        services.AddScoped<OAuthSourceStatus>();
        services.AddScoped<OAuthAdmins>();
        services.AddScoped<IOAuthConnector, BuiltInOAuthConnector>();
        return builder;
    }

    /// <summary>/api/oauth/{source}/start and /callback; /api/admin/oauth.</summary>
    public static WebApplication MapOAuth(this WebApplication app)
    {
        app.MapOAuthEndpoints();
        app.MapOAuthAppEndpoints();
        return app;
    }
}
