using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.OAuth;

/// <summary>
/// The five simulated authorization servers, one <see cref="OAuthServer"/> per provider, shared by the provider endpoints and
/// by the API simulators that accept their access tokens. Reset with the rest of the Sandbox.
/// </summary>
public sealed class SandboxOAuth
{
    public SandboxOAuth(TimeProvider time, IConfiguration config, SandboxState state)
    {
        OAuthServer Server(OAuthProviderInfo info) => new(info, time);
        Google = Server(
            new(
                "google",
                "Google",
                "google_workspace",
                SandboxTokens.GoogleClientId,
                SandboxTokens.GoogleClientSecret,
                "ya29.sandbox-",
                "1//sandbox-",
                config.GetValue("Sandbox:Google:TokenLifetimeSeconds", 3599),
                RotateRefreshTokens: false
            )
        );
        // GitHub App user tokens: eight hours, refresh tokens six months, every refresh rotates.
        GitHub = Server(
            new(
                "github",
                "GitHub",
                "github",
                SandboxTokens.GitHubClientId,
                SandboxTokens.GitHubClientSecret,
                "ghu_",
                "ghr_",
                28800,
                true,
                15897600
            )
        );
        // Slack with token rotation on: twelve-hour tokens (xoxe.xoxb-/xoxe.xoxp-), xoxe-1- refresh tokens.
        Slack = new OAuthServer(
            new("slack", "Slack", "slack", SandboxTokens.SlackClientId, SandboxTokens.SlackClientSecret, "xoxe.", "xoxe-1-", 43200, true),
            time
        )
        {
            KindPrefix = g => g.Extra == "bot" ? "xoxb-" : "xoxp-",
        };
        Atlassian = Server(
            new(
                "atlassian",
                "Atlassian",
                "jira",
                SandboxTokens.AtlassianClientId,
                SandboxTokens.AtlassianClientSecret,
                "eyJsandbox.",
                "atl-rt-",
                3600,
                true,
                7776000
            )
        );
        // Expiring offline tokens: one hour, refresh tokens 90 days, replaced at every use.
        Shopify = Server(
            new(
                "shopify",
                "Shopify",
                "shopify",
                SandboxTokens.ShopifyClientId,
                SandboxTokens.ShopifyClientSecret,
                "shpat_",
                "shprt_",
                3600,
                true,
                7776000
            )
        );
        state.OnReset(() =>
        {
            foreach (var server in All.Values)
                server.Reset();
        });
    }

    public OAuthServer Google { get; }
    public OAuthServer GitHub { get; }
    public OAuthServer Slack { get; }
    public OAuthServer Atlassian { get; }
    public OAuthServer Shopify { get; }

    public IReadOnlyDictionary<string, OAuthServer> All => new[] { Google, GitHub, Slack, Atlassian, Shopify }.ToDictionary(s => s.Info.Id);
}

/// <summary>
/// Test controls under /_sandbox/oauth/{provider}: POST settings {accessTokenLifetimeSeconds, rotateRefreshTokens},
/// POST expire-access, POST revoke-refresh, GET stats. An unknown provider is a 404.
/// </summary>
public static class OAuthControls
{
    public sealed record Settings(int? AccessTokenLifetimeSeconds, bool? RotateRefreshTokens);

    public static IEndpointRouteBuilder MapOAuthControls(this IEndpointRouteBuilder app)
    {
        var oauth = app.ServiceProvider.GetRequiredService<SandboxOAuth>();
        var group = app.MapGroup("/_sandbox/oauth/{provider}");
        IResult With(string provider, Action<OAuthServer> act)
        {
            if (!oauth.All.TryGetValue(provider, out var server))
                return Results.Problem(
                    statusCode: 404,
                    detail: $"No OAuth provider '{provider}'; there are {string.Join(", ", oauth.All.Keys)}."
                );
            act(server);
            return Results.Json(server.Stats());
        }
        group.MapGet("/stats", (string provider) => With(provider, _ => { }));
        group.MapPost("/settings", (string provider, Settings settings) =>
            settings.AccessTokenLifetimeSeconds is <= 0
                ? Results.Problem(statusCode: 400, detail: "accessTokenLifetimeSeconds must be a positive number of seconds.")
                : With(provider, s => s.Configure(settings.AccessTokenLifetimeSeconds, settings.RotateRefreshTokens))
        );
        group.MapPost("/expire-access", (string provider) => With(provider, s => s.ExpireAccess()));
        group.MapPost("/revoke-refresh", (string provider) => With(provider, s => s.RevokeRefresh()));
        return app;
    }
}
