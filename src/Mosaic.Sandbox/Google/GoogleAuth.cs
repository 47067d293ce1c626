using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Google;

/// <summary>
/// Google's OAuth 2.0 token endpoint (refresh_token grant only) and the access-token check every API does.
/// Access tokens really expire: the lifetime is Sandbox:Google:TokenLifetimeSeconds (3599 like Google) and
/// tests can shorten it, revoke every live token, or narrow the granted scopes through /_sandbox/google/*.
/// Counters (refreshes, rejected tokens) let a test prove a connector refreshed exactly when it should.
/// </summary>
public sealed class GoogleAuth(TimeProvider time, int defaultLifetimeSeconds)
{
    public const string Calendar = "https://www.googleapis.com/auth/calendar.readonly";
    public const string Gmail = "https://www.googleapis.com/auth/gmail.readonly";
    public const string Drive = "https://www.googleapis.com/auth/drive.readonly";
    public const string Documents = "https://www.googleapis.com/auth/documents.readonly";
    public const string Spreadsheets = "https://www.googleapis.com/auth/spreadsheets.readonly";
    public static readonly string[] ReadOnlyScopes = [Calendar, Gmail, Drive, Documents, Spreadsheets];

    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, string[] Scopes)> _tokens = new();
    private int _lifetime = -1,
        _refreshes,
        _rejected,
        _throttled;
    private string[] _granted = ReadOnlyScopes;

    public void Reset()
    {
        _tokens.Clear();
        _lifetime = -1;
        _granted = ReadOnlyScopes;
        _refreshes = 0;
        _rejected = 0;
        _throttled = 0;
    }

    public void SetLifetime(int seconds) => _lifetime = seconds;

    /// <summary>The lifetime of the next token: the test override when set, else the configured default.</summary>
    private int Lifetime => _lifetime > 0 ? _lifetime : defaultLifetimeSeconds;

    public void SetGrantedScopes(string[] scopes) => _granted = scopes;

    public void ExpireAll() => _tokens.Clear();

    /// <summary>Counts a 429 served by any Google API, so tests can see retries happen.</summary>
    public void CountThrottled() => Interlocked.Increment(ref _throttled);

    public JsonObject Stats() =>
        new()
        {
            ["refreshes"] = _refreshes,
            ["rejected"] = _rejected,
            ["throttled"] = _throttled,
            ["liveTokens"] = _tokens.Count(t => t.Value.Expires > time.GetUtcNow()),
            ["tokenLifetimeSeconds"] = Lifetime,
            ["grantedScopes"] = string.Join(' ', _granted),
        };

    public async Task<IResult> TokenAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return OAuthError(400, "invalid_request", "Required parameter is missing: grant_type");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form["grant_type"] != "refresh_token")
            return OAuthError(400, "unsupported_grant_type", $"Invalid grant_type: {form["grant_type"]}");
        if (form["client_id"] != SandboxTokens.GoogleClientId || form["client_secret"] != SandboxTokens.GoogleClientSecret)
            return OAuthError(401, "invalid_client", "The OAuth client was not found.");
        if (form["refresh_token"] != SandboxTokens.GoogleRefreshToken)
            return OAuthError(400, "invalid_grant", "Token has been expired or revoked.");

        Interlocked.Increment(ref _refreshes);
        var token = "ya29.sandbox-" + Guid.NewGuid().ToString("N");
        var lifetime = Lifetime;
        _tokens[token] = (time.GetUtcNow().AddSeconds(lifetime), _granted);
        return Results.Json(
            new JsonObject
            {
                ["access_token"] = token,
                ["expires_in"] = lifetime,
                ["scope"] = string.Join(' ', _granted),
                ["token_type"] = "Bearer",
            }
        );
    }

    /// <summary>Null when the request carries a live token with one of <paramref name="anyOfScopes"/>; otherwise Google's
    /// 401/403.</summary>
    public IResult? Check(HttpRequest request, params string[] anyOfScopes)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (token is null || !_tokens.TryGetValue(token, out var grant) || grant.Expires <= time.GetUtcNow())
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
        if (!anyOfScopes.Any(grant.Scopes.Contains))
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

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
