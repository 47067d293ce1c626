using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.McpAuth;

/// <summary>
/// A remote MCP server protected by OAuth 2.1, as Mosaic meets one in the wild: the Acme Wiki at
/// <c>/mcp-auth/wiki</c> (Streamable HTTP, protected-resource metadata RFC 9728 and WWW-Authenticate from the MCP SDK)
/// and its authorization server at <c>/mcp-auth</c>. Test controls under <c>/_sandbox/mcp-auth</c>.
/// </summary>
public static class McpAuthSetup
{
    public static IServiceCollection AddMcpAuthSandbox(this IServiceCollection services)
    {
        services.AddSingleton<McpAuthState>();
        services.AddSingleton<McpClientDocuments>();
        services.AddHttpContextAccessor();
        services
            .AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, WikiBearerHandler>(WikiBearerHandler.SchemeName, null)
            .AddMcp(o =>
            {
                o.ForwardAuthenticate = WikiBearerHandler.SchemeName;
                o.Events.OnResourceMetadataRequest = context =>
                {
                    context.ResourceMetadata = new ProtectedResourceMetadata
                    {
                        Resource = McpAuthorizationServer.Resource(context.Request),
                        AuthorizationServers = [McpAuthorizationServer.Issuer(context.Request)],
                        ScopesSupported = ["wiki.read"],
                        ResourceName = "Acme Wiki",
                    };
                    return Task.CompletedTask;
                };
            });
        // Stateless: a session begun without a token may call with one later (call-time authorization).
        services.AddMcpServer().WithHttpTransport(o => o.Stateless = true).WithTools<WikiTools>();
        return services;
    }

    public static WebApplication MapMcpAuthSandbox(this WebApplication app)
    {
        var state = app.Services.GetRequiredService<McpAuthState>();
        app.Services.GetRequiredService<SandboxState>().OnReset(state.Reset);
        McpAuthorizationServer.Map(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(McpAuthorizationServer.ResourcePath), b => b.Use(GateAsync));
        app.MapMcp(McpAuthorizationServer.ResourcePath);
        MapControls(app.MapGroup("/_sandbox/mcp-auth"));
        return app;
    }

    /// <summary>Every request needs a token, or with <see cref="McpAuthSettings.CallTimeAuth"/> only tools/call does.</summary>
    static async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        var state = context.RequestServices.GetRequiredService<McpAuthState>();
        var result = await context.AuthenticateAsync(WikiBearerHandler.SchemeName);
        if (result.Succeeded)
            context.User = result.Principal;
        else if (!state.Settings.CallTimeAuth || await IsToolCallAsync(context.Request))
        {
            await context.ChallengeAsync(McpAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        await next(context);
    }

    static async Task<bool> IsToolCallAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
            return false;
        request.EnableBuffering();
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("method", out var m)
                && m.ValueKind == JsonValueKind.String
                && m.GetString() == "tools/call";
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    static void MapControls(RouteGroupBuilder group)
    {
        group.MapPost("/settings", (McpAuthState state, SettingsPatch patch) =>
        {
            var s = state.Settings;
            state.Settings = s with
            {
                Cimd = patch.Cimd ?? s.Cimd,
                Dcr = patch.Dcr ?? s.Dcr,
                CallTimeAuth = patch.CallTimeAuth ?? s.CallTimeAuth,
                WrongIss = patch.WrongIss ?? s.WrongIss,
                AccessTokenLifetimeSeconds = patch.AccessTokenLifetimeSeconds ?? s.AccessTokenLifetimeSeconds,
            };
            return Results.Ok(state.Settings);
        });
        group.MapPost("/expire-access", (McpAuthState state, TimeProvider time) =>
        {
            foreach (var (token, grant) in state.AccessTokens)
                state.AccessTokens[token] = grant with { Expires = time.GetUtcNow().AddSeconds(-1) };
            return Results.Ok(new { expired = state.AccessTokens.Count });
        });
        group.MapPost("/revoke-refresh", (McpAuthState state) =>
        {
            state.RefreshRevoked = true;
            return Results.Ok(new { revoked = true });
        });
        group.MapGet("/stats", (McpAuthState state, TimeProvider time) => Results.Ok(state.Stats(time.GetUtcNow())));
    }

    sealed record SettingsPatch(bool? Cimd, bool? Dcr, bool? CallTimeAuth, bool? WrongIss, int? AccessTokenLifetimeSeconds);
}
