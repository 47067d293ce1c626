using System.Text.Json.Nodes;
using Mosaic.Sandbox.GitHub;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.OAuth;

/// <summary>
/// GitHub's web application flow for a GitHub App's user tokens: github.com/login/oauth/* → /github-oauth/login/oauth/*.
/// Tokens expire after eight hours (ghu_), refresh tokens after six months (ghr_); a refresh rotates both (the old refresh
/// token and the old access token stop working). The token endpoint answers form-encoded unless asked for JSON, and errors
/// come with HTTP 200. Revocation is on the API: DELETE {api}/applications/{client_id}/token (Basic client id and secret).
/// </summary>
public sealed class GitHubOAuth(OAuthServer server) : OAuthProvider(server)
{
    private const string Troubleshooting =
        "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/";

    public override string AuthorizePath => "/github-oauth/login/oauth/authorize";

    protected override PageError BadClient => new("not_found", "Not Found", 404);

    protected override PageError BadRedirect =>
        new(
            "redirect_uri_mismatch",
            "The redirect_uri is not associated with this application. The application might be misconfigured or could be trying "
                + "to redirect you to a website you weren't expecting."
        );

    protected override IEnumerable<KeyValuePair<string, string>> Denied(IReadOnlyDictionary<string, string> p) =>
        WithState(
            [
                new("error", "access_denied"),
                new("error_description", "The user has denied your application access."),
                new(
                    "error_uri",
                    "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied"
                ),
            ],
            p
        );

    public override void Map(IEndpointRouteBuilder app)
    {
        MapConsent(app);
        app.MapPost("/github-oauth/login/oauth/access_token", TokenAsync);
        foreach (var prefix in GitHubSimulator.Prefixes)
        {
            app.MapDelete(prefix + "/applications/{clientId}/token", (HttpRequest r, string clientId, CancellationToken ct) =>
                RevokeAsync(r, clientId, false, ct)
            );
            app.MapDelete(prefix + "/applications/{clientId}/grant", (HttpRequest r, string clientId, CancellationToken ct) =>
                RevokeAsync(r, clientId, true, ct)
            );
        }
    }

    private async Task<IResult> TokenAsync(HttpRequest request, CancellationToken ct)
    {
        var args = await RequestArgs.ReadAsync(request, ct);
        var json = request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        var (clientId, secret) = RequestArgs.Client(request, args);
        if (!Server.ClientMatches(clientId, secret))
            return Answer(json, Error("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect."));
        if (args.GetValueOrDefault("grant_type") == "refresh_token")
            return Answer(
                json,
                Server.Refresh(args.GetValueOrDefault("refresh_token"), clientId, retireOldAccess: true) is { } refreshed
                    ? Tokens(refreshed)
                    : Error("bad_refresh_token", "The refresh token passed is incorrect or expired.")
            );
        var redirect = args.GetValueOrDefault("redirect_uri") is { Length: > 0 } r ? r : null;
        var outcome = Server.RedeemCode(
            args.GetValueOrDefault("code"),
            clientId,
            redirect,
            args.GetValueOrDefault("code_verifier"),
            out var grant
        );
        return Answer(
            json,
            outcome switch
            {
                CodeRedemption.Ok => Tokens(Server.Issue(grant!, withRefresh: true)),
                CodeRedemption.WrongRedirect => Error(
                    "redirect_uri_mismatch",
                    "The redirect_uri MUST match the registered callback URL for this application."
                ),
                CodeRedemption.PkceMismatch => Error("bad_verification_code", "The code_verifier does not match the code_challenge."),
                _ => Error("bad_verification_code", "The code passed is incorrect or expired."),
            }
        );
    }

    private async Task<IResult> RevokeAsync(HttpRequest request, string clientId, bool wholeGrant, CancellationToken ct)
    {
        var (id, secret) = RequestArgs.Client(request, new Dictionary<string, string>());
        if (id != clientId || !Server.ClientMatches(id, secret))
            return GitHubHttp.Error(401, "Bad credentials");
        var args = await RequestArgs.ReadAsync(request, ct);
        return Server.Revoke(args.GetValueOrDefault("access_token"), wholeGrant) ? Results.NoContent() : GitHubHttp.NotFound();
    }

    private static JsonObject Tokens(OAuthTokens t) =>
        new()
        {
            ["access_token"] = t.AccessToken,
            ["expires_in"] = t.ExpiresIn,
            ["refresh_token"] = t.RefreshToken,
            ["refresh_token_expires_in"] = t.RefreshExpiresIn,
            ["scope"] = "",
            ["token_type"] = "bearer",
        };

    private static JsonObject Error(string error, string description) =>
        new()
        {
            ["error"] = error,
            ["error_description"] = description,
            ["error_uri"] = Troubleshooting + "#" + error.Replace('_', '-'),
        };

    /// <summary>GitHub answers with HTTP 200 either way: JSON when the Accept header asks for it, else a form-encoded body.</summary>
    private static IResult Answer(bool json, JsonObject body) =>
        json
            ? Results.Json(body)
            : Results.Text(
                string.Join(
                    '&',
                    body.Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!.ToString())}")
                ),
                "application/x-www-form-urlencoded; charset=utf-8"
            );
}
