using Microsoft.IdentityModel.JsonWebTokens;
using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.OAuth;

/// <summary>
/// <c>GET /api/oauth/{source}/start</c> and <c>GET /api/oauth/{source}/callback</c> (docs/oauth.md): browser navigations
/// that end in a redirect, never a page of their own. Each source's flow belongs to the first registered
/// <see cref="IOAuthConnector"/> that handles it (the built-in providers, remote MCP servers). Every outcome goes back to a
/// local path of the UI: <c>?oauth=connected&amp;source=…</c> or <c>?oauth=error&amp;source=…&amp;reason=…[&amp;code=…]</c>.
/// </summary>
public static class OAuthEndpoints
{
    public static WebApplication MapOAuthEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/oauth").WithTags("OAuth").RequireAuthorization();

        group
            .MapGet(
                "/{source}/start",
                async (
                    string source,
                    string? return_to,
                    string? shop,
                    SourceRegistry registry,
                    IEnumerable<IOAuthConnector> connectors,
                    OAuthEnvironment environment,
                    HttpContext http,
                    ILoggerFactory logs,
                    CancellationToken ct
                ) =>
                {
                    var returnTo = OAuthRedirects.LocalPath(return_to);
                    if (Find(registry, connectors, source) is not ({ } definition, { } connector))
                        return Redirect(OAuthRedirects.Failed(returnTo, Named(source), OAuthFailure.Unavailable, null));
                    try
                    {
                        var request = new OAuthStartRequest(
                            http.User.GetUserId(),
                            SessionId(http),
                            definition,
                            returnTo,
                            shop,
                            OAuthRedirects.CallbackUrl(environment.PublicUrl, http.Request, definition.Id)
                        );
                        return Results.Redirect((await connector.StartAsync(request, ct)).AbsoluteUri);
                    }
                    catch (OAuthFlowException e)
                    {
                        Log(logs, definition.Id, e);
                        return Redirect(OAuthRedirects.Failed(e.ReturnTo ?? returnTo, definition.Id, e.Reason, e.Code));
                    }
                }
            )
            .WithDescription(
                "Starts a one-click connection: a redirect to the provider's consent page.\nreturn_to: a local path to come back to."
            );

        group
            .MapGet(
                "/{source}/callback",
                async (
                    string source,
                    SourceRegistry registry,
                    IEnumerable<IOAuthConnector> connectors,
                    OAuthEnvironment environment,
                    HttpContext http,
                    ILoggerFactory logs,
                    CancellationToken ct
                ) =>
                {
                    if (Find(registry, connectors, source) is not ({ } definition, { } connector))
                        return Redirect(OAuthRedirects.Failed("/", Named(source), OAuthFailure.Unavailable, null));
                    var query = http
                        .Request.Query.Where(q => q.Value.Count == 1)
                        .ToDictionary(q => q.Key, q => q.Value[0] ?? "", StringComparer.Ordinal);
                    try
                    {
                        var request = new OAuthCallbackRequest(
                            http.User.GetUserId(),
                            SessionId(http),
                            definition,
                            query,
                            OAuthRedirects.CallbackUrl(environment.PublicUrl, http.Request, definition.Id)
                        );
                        var connected = await connector.CompleteAsync(request, ct);
                        return Redirect(OAuthRedirects.Connected(connected.ReturnTo, definition.Id));
                    }
                    catch (OAuthFlowException e)
                    {
                        Log(logs, definition.Id, e);
                        return Redirect(OAuthRedirects.Failed(e.ReturnTo ?? "/", definition.Id, e.Reason, e.Code));
                    }
                }
            )
            .WithDescription(
                "Where the provider sends the browser back: exchanges the code, stores the connection, and redirects to the UI."
            );
        return app;
    }

    static (SourceDefinition?, IOAuthConnector?) Find(SourceRegistry registry, IEnumerable<IOAuthConnector> connectors, string source) =>
        registry.Find(source) is { Enabled: true } definition && connectors.FirstOrDefault(c => c.Handles(definition)) is { } connector
            ? (definition, connector)
            : (null, null);

    /// <summary>The sign-in session's token id: a flow started in one session finishes only in it.</summary>
    static string SessionId(HttpContext http) =>
        http.User.FindFirst(JwtRegisteredClaimNames.Jti)?.Value ?? throw new InvalidOperationException("The session has no token id.");

    // An unknown source's name goes into the URL only when it is a plain word.
    static string Named(string source) => OAuthRedirects.IsPlainCode(source) ? source : "unknown";

    static IResult Redirect(string localPath) => Results.Redirect(localPath);

    static void Log(ILoggerFactory logs, string source, OAuthFlowException e) =>
        logs.CreateLogger(typeof(OAuthEndpoints))
            .LogInformation(
                "OAuth flow for {Datasource} stopped: {Reason} {Code}",
                source,
                e.Reason,
                OAuthRedirects.IsPlainCode(e.Code) ? e.Code : null
            );
}
