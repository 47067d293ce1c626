using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.Slack;

namespace Mosaic.Sandbox.OAuth;

/// <summary>
/// Slack's OAuth v2 with token rotation on: slack.com/oauth/v2/authorize → /slack/oauth/v2/authorize, and the Web API methods
/// oauth.v2.access (code or refresh_token grant) and auth.revoke under /slack/api. One approval yields a bot token (scope) and a
/// user token (user_scope, in authed_user), each with its own refresh token; failures are HTTP 200 with ok=false, as Slack's.
/// </summary>
public sealed class SlackOAuth(OAuthServer server) : OAuthProvider(server)
{
    private const string AppId = "A0MOSAIC01";

    public override string AuthorizePath => "/slack/oauth/v2/authorize";

    protected override PageError BadClient => new("invalid_client_id", "The client_id is not valid: no app has this client id.");

    protected override PageError BadRedirect => new("bad_redirect_uri", "redirect_uri did not match any configured URIs.");

    protected override PageError? CheckRequest(IReadOnlyDictionary<string, string> p) =>
        Arg(p, "scope") is null && Arg(p, "user_scope") is null ? new("invalid_scope", "No scope or user_scope was requested.") : null;

    protected override IEnumerable<string> ScopesShown(IReadOnlyDictionary<string, string> p) =>
        [
            .. SplitScopes(Arg(p, "scope")).Select(s => $"{s} (as the Mosaic bot)"),
            .. SplitScopes(Arg(p, "user_scope")).Select(s => $"{s} (as you)"),
        ];

    protected override string CodeExtra(IReadOnlyDictionary<string, string> p) => Arg(p, "user_scope") ?? "";

    public override void Map(IEndpointRouteBuilder app)
    {
        MapConsent(app);
        app.MapMethods("/slack/api/oauth.v2.access", ["GET", "POST"], AccessAsync);
        app.MapMethods("/slack/api/auth.revoke", ["GET", "POST"], async (HttpRequest request, CancellationToken ct) =>
        {
            var args = await RequestArgs.ReadAsync(request, ct);
            var token = RequestArgs.Bearer(request) ?? args.GetValueOrDefault("token");
            if (string.IsNullOrEmpty(token))
                return SlackCall.Error("not_authed");
            if (Server.Check(token, out _) != TokenState.Valid)
                return SlackCall.Error("invalid_auth");
            var test = args.GetValueOrDefault("test") is "1" or "true";
            return SlackCall.Ok(new { ok = true, revoked = !test && Server.Revoke(token, wholeGrant: false) });
        });
    }

    /// <summary>
    /// The user a Slack API token acts as (the bot user or Alice), or the error Slack answers with: the fixed tokens of
    /// SandboxTokens, then the tokens this server issued (token_expired, token_revoked once they no longer work).
    /// </summary>
    public static (string? Caller, string? Error) Resolve(string token, OAuthServer server) =>
        SlackWorkspace.UserForToken(token) is { } fixedUser
            ? (fixedUser, null)
            : server.Check(token, out var grant) switch
            {
                TokenState.Valid => (grant!.Extra == "bot" ? SlackSeed.BotUserId : AcmeCompany.Alice.SlackId, null),
                TokenState.Expired => (null, "token_expired"),
                TokenState.Revoked => (null, "token_revoked"),
                _ => (null, "invalid_auth"),
            };

    private async Task<IResult> AccessAsync(HttpRequest request, CancellationToken ct)
    {
        var args = await RequestArgs.ReadAsync(request, ct);
        var (clientId, secret) = RequestArgs.Client(request, args);
        if (clientId != Info.ClientId)
            return SlackCall.Error("invalid_client_id");
        if (!Server.ClientMatches(clientId, secret))
            return SlackCall.Error("bad_client_secret");
        var grantType = args.GetValueOrDefault("grant_type") ?? "authorization_code";
        if (grantType == "refresh_token")
            return Server.Refresh(args.GetValueOrDefault("refresh_token"), clientId) is { } t
                ? SlackCall.Ok(Refreshed(t))
                : SlackCall.Error("invalid_refresh_token");
        if (grantType != "authorization_code")
            return SlackCall.Error("unsupported_grant_type");

        var redirect = args.GetValueOrDefault("redirect_uri") is { Length: > 0 } r ? r : null;
        var outcome = Server.RedeemCode(
            args.GetValueOrDefault("code"),
            clientId,
            redirect,
            args.GetValueOrDefault("code_verifier"),
            out var grant
        );
        if (outcome != CodeRedemption.Ok)
            return SlackCall.Error(
                outcome switch
                {
                    CodeRedemption.WrongRedirect => "bad_redirect_uri",
                    CodeRedemption.PkceMismatch => "invalid_code_verifier",
                    _ => "invalid_code",
                }
            );
        var bot = grant!.Scope.Length > 0 ? Server.Issue(grant with { Extra = "bot" }, withRefresh: true) : null;
        var user =
            grant.Extra.Length > 0
                ? Server.Issue(new OAuthGrant(OAuthServer.NewId(), clientId!, grant.Extra, "user"), withRefresh: true)
                : null;
        return SlackCall.Ok(
            new
            {
                ok = true,
                app_id = AppId,
                authed_user = new
                {
                    id = AcmeCompany.Alice.SlackId,
                    scope = user?.Grant.Scope,
                    access_token = user?.AccessToken,
                    token_type = user is null ? null : "user",
                    expires_in = user?.ExpiresIn,
                    refresh_token = user?.RefreshToken,
                },
                scope = bot?.Grant.Scope,
                token_type = bot is null ? null : "bot",
                access_token = bot?.AccessToken,
                bot_user_id = bot is null ? null : SlackSeed.BotUserId,
                expires_in = bot?.ExpiresIn,
                refresh_token = bot?.RefreshToken,
                team = Team,
                enterprise = (object?)null,
                is_enterprise_install = false,
            }
        );
    }

    private static object Team => new { id = AcmeCompany.SlackTeamId, name = "Acme" };

    private static object Refreshed(OAuthTokens t) =>
        new
        {
            ok = true,
            app_id = AppId,
            scope = t.Grant.Scope,
            token_type = t.Grant.Extra,
            access_token = t.AccessToken,
            expires_in = t.ExpiresIn,
            refresh_token = t.RefreshToken,
            bot_user_id = t.Grant.Extra == "bot" ? SlackSeed.BotUserId : null,
            user_id = t.Grant.Extra == "user" ? AcmeCompany.Alice.SlackId : null,
            team = Team,
            enterprise = (object?)null,
            is_enterprise_install = false,
        };
}
