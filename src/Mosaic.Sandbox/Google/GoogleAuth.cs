using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.OAuth;

namespace Mosaic.Sandbox.Google;

/// <summary>
/// The access-token check every Google API does, over the Google authorization server (<see cref="OAuthServer"/>; its
/// endpoints are in <see cref="GoogleOAuth"/>). The connector's configured refresh token (SandboxTokens.GoogleRefreshToken)
/// is a fixed refresh token there, never used up. Tests can shorten the token lifetime, revoke every live token, or narrow
/// the scopes granted to that refresh token through /_sandbox/google/*; the counters (refreshes, rejected tokens) let a test
/// prove a connector refreshed exactly when it should.
/// </summary>
public sealed class GoogleAuth
{
    public const string Calendar = "https://www.googleapis.com/auth/calendar.readonly";
    public const string Gmail = "https://www.googleapis.com/auth/gmail.readonly";
    public const string Drive = "https://www.googleapis.com/auth/drive.readonly";
    public const string Documents = "https://www.googleapis.com/auth/documents.readonly";
    public const string Spreadsheets = "https://www.googleapis.com/auth/spreadsheets.readonly";
    public static readonly string[] ReadOnlyScopes = [Calendar, Gmail, Drive, Documents, Spreadsheets];

    private const string ConfiguredGrant = "configured";
    private readonly OAuthServer _server;
    private int _rejected,
        _throttled;
    private string[] _granted = ReadOnlyScopes;

    public GoogleAuth(OAuthServer server)
    {
        _server = server;
        // The grant is rebuilt at each refresh, so narrowed scopes apply to the tokens issued next.
        server.AddFixedRefreshToken(SandboxTokens.GoogleRefreshToken, () =>
            new OAuthGrant(ConfiguredGrant, SandboxTokens.GoogleClientId, string.Join(' ', _granted), "offline")
        );
    }

    /// <summary>The member whose refresh token minted the request's access token (0 for the fixed one or none).</summary>
    public int MemberOf(HttpRequest request) =>
        _server.Check(RequestArgs.Bearer(request), out var grant) == TokenState.Valid
        && SandboxTokens.TryMember(grant!.Id, ConfiguredGrant, out var m)
            ? m
            : 0;

    public void Reset()
    {
        _granted = ReadOnlyScopes;
        _rejected = 0;
        _throttled = 0;
    }

    public void SetLifetime(int seconds) => _server.Configure(seconds, null);

    public void SetGrantedScopes(string[] scopes) => _granted = scopes;

    public void ExpireAll() => _server.ExpireAccess();

    /// <summary>Counts a 429 served by any Google API, so tests can see retries happen.</summary>
    public void CountThrottled() => Interlocked.Increment(ref _throttled);

    public JsonObject Stats()
    {
        var oauth = _server.Stats();
        return new()
        {
            ["refreshes"] = (int)oauth["refreshes"]!,
            ["rejected"] = _rejected,
            ["throttled"] = _throttled,
            ["liveTokens"] = (int)oauth["liveAccessTokens"]!,
            ["tokenLifetimeSeconds"] = _server.AccessLifetime,
            ["grantedScopes"] = string.Join(' ', _granted),
        };
    }

    /// <summary>Null when the request carries a live token with one of <paramref name="anyOfScopes"/>; otherwise Google's
    /// 401/403.</summary>
    public IResult? Check(HttpRequest request, params string[] anyOfScopes)
    {
        if (_server.Check(RequestArgs.Bearer(request), out var grant) != TokenState.Valid)
        {
            Interlocked.Increment(ref _rejected);
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
            return Results.Json(
                new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["code"] = 401,
                        ["message"] =
                            "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
                            + "valid authentication credential. See "
                            + "https://developers.google.com/identity/sign-in/web/devconsole-project.",
                        ["errors"] = new JsonArray(
                            new JsonObject
                            {
                                ["message"] = "Invalid Credentials",
                                ["domain"] = "global",
                                ["reason"] = "authError",
                                ["location"] = "Authorization",
                                ["locationType"] = "header",
                            }
                        ),
                        ["status"] = "UNAUTHENTICATED",
                    },
                },
                statusCode: 401
            );
        }
        if (!anyOfScopes.Any(grant!.Scope.Split(' ').Contains))
            return Results.Json(
                new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["code"] = 403,
                        ["message"] = "Request had insufficient authentication scopes.",
                        ["errors"] = new JsonArray(
                            new JsonObject
                            {
                                ["message"] = "Insufficient Permission",
                                ["domain"] = "global",
                                ["reason"] = "insufficientPermissions",
                            }
                        ),
                        ["status"] = "PERMISSION_DENIED",
                        ["details"] = new JsonArray(
                            new JsonObject
                            {
                                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                                ["reason"] = "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                                ["domain"] = "googleapis.com",
                            }
                        ),
                    },
                },
                statusCode: 403
            );
        return null;
    }
}
