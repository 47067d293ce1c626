using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.OAuth;

/// <summary>
/// Google's OAuth 2.0 server, folded onto the Google base like the APIs: accounts.google.com/o/oauth2/v2/auth →
/// /google/o/oauth2/v2/auth, oauth2.googleapis.com/token → /google/token, oauth2.googleapis.com/revoke → /google/revoke.
/// A refresh token only with access_type=offline; refreshing does not rotate it; PKCE S256 or plain; revoking any token of a
/// grant ends the grant.
/// </summary>
public sealed class GoogleOAuth(OAuthServer server) : OAuthProvider(server)
{
    public override string AuthorizePath => "/google/o/oauth2/v2/auth";

    protected override PageError BadClient => new("invalid_client", "The OAuth client was not found.", 401);

    protected override PageError BadRedirect =>
        new(
            "redirect_uri_mismatch",
            "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. "
                + "If you're the app developer, register the redirect URI in the Google Cloud Console."
        );

    protected override PageError? CheckRequest(IReadOnlyDictionary<string, string> p) =>
        Arg(p, "response_type") is null ? new("invalid_request", "Required parameter is missing: response_type")
        : p["response_type"] != "code" ? new("unsupported_response_type", $"Invalid response_type: {p["response_type"]}")
        : Arg(p, "scope") is null ? new("invalid_request", "Missing required parameter: scope")
        : Arg(p, "code_challenge_method") is { } m && m is not ("S256" or "plain")
            ? new("invalid_request", "Invalid code_challenge_method value.")
        : null;

    protected override string CodeExtra(IReadOnlyDictionary<string, string> p) => Arg(p, "access_type") ?? "online";

    protected override IEnumerable<KeyValuePair<string, string>> Approved(string code, IReadOnlyDictionary<string, string> p) =>
        [.. WithState([], p), new("code", code), new("scope", Arg(p, "scope") ?? ""), new("authuser", "0"), new("prompt", "consent")];

    public override void Map(IEndpointRouteBuilder app)
    {
        MapConsent(app);
        app.MapPost("/google/token", TokenAsync);
        app.MapPost("/google/revoke", async (HttpRequest request, CancellationToken ct) =>
        {
            var args = await RequestArgs.ReadAsync(request, ct);
            return Server.Revoke(args.GetValueOrDefault("token"), wholeGrant: true)
                ? Results.Json(new JsonObject())
                : Error(400, "invalid_token", "Token expired or revoked");
        });
    }

    private async Task<IResult> TokenAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Error(400, "invalid_request", "Required parameter is missing: grant_type");
        var args = await RequestArgs.ReadAsync(request, ct);
        var grantType = args.GetValueOrDefault("grant_type");
        if (grantType is not ("authorization_code" or "refresh_token"))
            return Error(400, "unsupported_grant_type", $"Invalid grant_type: {grantType}");
        var (clientId, secret) = RequestArgs.Client(request, args);
        if (!Server.ClientMatches(clientId, secret))
            return Error(401, "invalid_client", "The OAuth client was not found.");
        if (grantType == "refresh_token")
            return Server.Refresh(args.GetValueOrDefault("refresh_token"), clientId) is { } refreshed
                ? Tokens(refreshed)
                : Error(400, "invalid_grant", "Token has been expired or revoked.");

        if (args.GetValueOrDefault("redirect_uri") is not { Length: > 0 } redirect)
            return Error(400, "invalid_request", "Missing parameter: redirect_uri");
        return Server.RedeemCode(
            args.GetValueOrDefault("code"),
            clientId,
            redirect,
            args.GetValueOrDefault("code_verifier"),
            out var grant
        ) switch
        {
            CodeRedemption.Ok => Tokens(Server.Issue(grant!, withRefresh: grant!.Extra == "offline")),
            CodeRedemption.WrongRedirect => Error(400, "redirect_uri_mismatch", "Bad Request"),
            CodeRedemption.PkceMismatch => Error(400, "invalid_grant", "Invalid code verifier."),
            _ => Error(400, "invalid_grant", "Malformed auth code."),
        };
    }

    private static IResult Tokens(OAuthTokens t)
    {
        var body = new JsonObject
        {
            ["access_token"] = t.AccessToken,
            ["expires_in"] = t.ExpiresIn,
            ["scope"] = t.Grant.Scope,
            ["token_type"] = "Bearer",
        };
        if (t.RefreshToken is not null)
            body["refresh_token"] = t.RefreshToken;
        return Results.Json(body);
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
