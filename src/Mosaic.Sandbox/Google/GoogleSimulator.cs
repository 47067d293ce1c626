using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.OAuth;

namespace Mosaic.Sandbox.Google;

/// <summary>
/// Google Workspace for Alice at Acme, every Google host folded onto one base (GOOGLE_API_BASE_URL = {sandbox}/google):
/// <code>
///   https://accounts.google.com/o/oauth2/v2/auth → {base}/o/oauth2/v2/auth
///   https://oauth2.googleapis.com/token        → {base}/token
///   https://oauth2.googleapis.com/revoke       → {base}/revoke
///   https://www.googleapis.com/calendar/v3/... → {base}/calendar/v3/...
///   https://gmail.googleapis.com/gmail/v1/...  → {base}/gmail/v1/...
///   https://www.googleapis.com/drive/v3/...    → {base}/drive/v3/...
///   https://docs.googleapis.com/v1/...         → {base}/docs/v1/...
///   https://sheets.googleapis.com/v4/...       → {base}/sheets/v4/...
/// </code>
/// Test controls under /_sandbox/google: GET oauth (counters: refreshes, rejected 401s, throttled 429s), POST token-lifetime?seconds=N,
/// POST expire-tokens,
/// POST scopes?scopes=a,b. Forced throttling (/_sandbox/throttle?service=google) answers 429 RESOURCE_EXHAUSTED.
/// </summary>
public static class GoogleSimulator
{
    public static IEndpointRouteBuilder MapGoogleSimulator(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        var oauth = services.GetRequiredService<SandboxOAuth>().Google;
        var auth = new GoogleAuth(oauth);
        new GoogleOAuth(oauth).Map(app); // authorize page, token, revoke
        var state = services.GetRequiredService<SandboxState>();
        state.OnReset(auth.Reset);
        var google = new GoogleGuard(auth, state);

        var group = app.MapGroup("/google");
        group.MapCalendarEndpoints(google);
        group.MapGmailEndpoints(google);
        group.MapDriveEndpoints(google);
        group.MapDocsEndpoints(google);
        group.MapSheetsEndpoints(google);
        group.MapGooglePages(); // what htmlLink, webViewLink, spreadsheetUrl and the connector's Gmail links open

        var controls = app.MapGroup("/_sandbox/google");
        controls.MapGet("/oauth", () => Results.Json(auth.Stats()));
        controls.MapPost("/token-lifetime", (int seconds) =>
        {
            auth.SetLifetime(seconds);
            return Results.Json(auth.Stats());
        });
        controls.MapPost("/expire-tokens", () =>
        {
            auth.ExpireAll();
            return Results.Json(auth.Stats());
        });
        controls.MapPost("/scopes", (string scopes) =>
        {
            auth.SetGrantedScopes(scopes.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
            return Results.Json(auth.Stats());
        });
        return app;
    }
}

/// <summary>What every Google API does before answering: a live token with the right scope, then quota.</summary>
public sealed class GoogleGuard(GoogleAuth auth, SandboxState state)
{
    /// <summary>The Sandbox clock's time, for searches relative to now (Gmail's newer_than).</summary>
    public DateTimeOffset Now => state.Time.GetUtcNow();

    /// <inheritdoc cref="GoogleAuth.MemberOf"/>
    public int MemberOf(HttpRequest request) => auth.MemberOf(request);

    public IResult? Check(HttpRequest request, string service, params string[] anyOfScopes)
    {
        if (auth.Check(request, anyOfScopes) is { } denied)
            return denied;
        if (!state.TakeThrottle("google"))
            return null;
        auth.CountThrottled();
        var message =
            $"Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service '{service}' for consumer "
            + $"'project_number:000000000000'.";
        return Results.Json(
            new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = 429,
                    ["message"] = message,
                    ["errors"] = new JsonArray(
                        new JsonObject
                        {
                            ["message"] = message,
                            ["domain"] = "global",
                            ["reason"] = "rateLimitExceeded",
                        }
                    ),
                    ["status"] = "RESOURCE_EXHAUSTED",
                },
            },
            statusCode: 429
        );
    }
}
