using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.OAuth;

/// <summary>
/// Atlassian's OAuth 2.0 (3LO): auth.atlassian.com → /atlassian (authorize, oauth/token) and api.atlassian.com → /atlassian
/// (oauth/token/accessible-resources, me, and the Jira simulator under ex/jira/{cloudId}). The authorize request must name
/// audience=api.atlassian.com; a refresh token only with offline_access; refresh tokens rotate (a used one is refused). The
/// token endpoint takes JSON or a form. There is no revocation endpoint, as at Atlassian.
/// </summary>
public sealed class AtlassianOAuth(OAuthServer server) : OAuthProvider(server)
{
    /// <summary>The cloud id of the Acme Jira site, as accessible-resources returns it.</summary>
    public const string CloudId = "a1c3e5f7-0000-4acd-9e11-acme00000001";

    public override string AuthorizePath => "/atlassian/authorize";

    protected override PageError BadClient => new("invalid_client", "Something went wrong: the app's client_id is not valid.");

    protected override PageError BadRedirect =>
        new("redirect_uri_mismatch", "Something went wrong: the redirect_uri does not match the app's callback URL.");

    protected override PageError? CheckRequest(IReadOnlyDictionary<string, string> p) =>
        Arg(p, "audience") != "api.atlassian.com" ? new("invalid_request", "The audience parameter must be api.atlassian.com.")
        : Arg(p, "response_type") != "code" ? new("unsupported_response_type", "The response_type parameter must be code.")
        : Arg(p, "scope") is null ? new("invalid_scope", "No scope was requested.")
        : null;

    public override void Map(IEndpointRouteBuilder app)
    {
        MapConsent(app);
        app.MapPost("/atlassian/oauth/token", TokenAsync);
        app.MapGet("/atlassian/oauth/token/accessible-resources", (HttpRequest request) =>
            Authorize(request, out var grant) ?? Results.Json(new JsonArray(Resource(request, grant!)))
        );
        app.MapGet("/atlassian/me", (HttpRequest request) => Authorize(request, out _) ?? Results.Json(Me()));
    }

    /// <summary>Null when the request carries a live access token (as api.atlassian.com checks it), else the gateway's 401.</summary>
    public IResult? Authorize(HttpRequest request, out OAuthGrant? grant) =>
        Server.Check(RequestArgs.Bearer(request), out grant) == TokenState.Valid
            ? null
            : Results.Json(new JsonObject { ["code"] = 401, ["message"] = "Unauthorized" }, statusCode: 401);

    public static IResult UnknownSite() => Results.Json(new JsonObject { ["code"] = 404, ["message"] = "Not Found" }, statusCode: 404);

    private static JsonObject Resource(HttpRequest request, OAuthGrant grant) =>
        new()
        {
            ["id"] = CloudId,
            ["url"] = $"{request.Scheme}://{request.Host}/jira",
            ["name"] = "acme",
            ["scopes"] = new JsonArray([.. SplitScopes(grant.Scope).Where(s => s != "offline_access").Select(s => (JsonNode)s)]),
            ["avatarUrl"] = "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png",
        };

    private static JsonObject Me()
    {
        var alice = AcmeCompany.Alice;
        return new()
        {
            ["account_type"] = "atlassian",
            ["account_id"] = alice.JiraAccountId,
            ["email"] = alice.Email,
            ["name"] = alice.Name,
            ["picture"] = $"https://avatars.acme.test/{alice.SlackHandle}_72.png",
            ["account_status"] = "active",
            ["nickname"] = alice.SlackHandle,
            ["zoneinfo"] = "America/Los_Angeles",
            ["locale"] = "en-US",
            ["extended_profile"] = new JsonObject { ["job_title"] = alice.Title, ["organization"] = "Acme" },
        };
    }

    private async Task<IResult> TokenAsync(HttpRequest request, CancellationToken ct)
    {
        var args = await RequestArgs.ReadAsync(request, ct);
        var (clientId, secret) = RequestArgs.Client(request, args);
        if (!Server.ClientMatches(clientId, secret))
            return Error(401, "access_denied", "Unauthorized");
        switch (args.GetValueOrDefault("grant_type"))
        {
            case "refresh_token":
                return Server.Refresh(args.GetValueOrDefault("refresh_token"), clientId) is { } refreshed
                    ? Tokens(refreshed)
                    : Error(403, "invalid_grant", "Unknown or invalid refresh token.");
            case "authorization_code":
                var redirect = args.GetValueOrDefault("redirect_uri") is { Length: > 0 } r ? r : null;
                if (redirect is null)
                    return Error(400, "invalid_request", "redirect_uri is required.");
                var code = args.GetValueOrDefault("code");
                return Server.RedeemCode(code, clientId, redirect, args.GetValueOrDefault("code_verifier"), out var grant) switch
                {
                    CodeRedemption.Ok => Tokens(Server.Issue(grant!, withRefresh: SplitScopes(grant!.Scope).Contains("offline_access"))),
                    CodeRedemption.WrongRedirect => Error(403, "invalid_grant", "Invalid redirect_uri."),
                    CodeRedemption.PkceMismatch => Error(403, "invalid_grant", "Invalid code_verifier."),
                    _ => Error(403, "invalid_grant", "Invalid authorization code"),
                };
            default:
                return Error(400, "unsupported_grant_type", "The grant_type must be authorization_code or refresh_token.");
        }
    }

    private static IResult Tokens(OAuthTokens t)
    {
        var body = new JsonObject
        {
            ["access_token"] = t.AccessToken,
            ["expires_in"] = t.ExpiresIn,
            ["token_type"] = "Bearer",
            ["scope"] = t.Grant.Scope,
        };
        if (t.RefreshToken is not null)
            body["refresh_token"] = t.RefreshToken;
        return Results.Json(body);
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
