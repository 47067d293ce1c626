using System.Text;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.OAuth;

namespace Mosaic.Sandbox.Jira;

/// <summary>Jira's error bodies and the auth/throttle gate in front of every Jira route.</summary>
public static class JiraErrors
{
    public static IResult Messages(int status, params string[] messages) =>
        Results.Json(
            new JsonObject { ["errorMessages"] = new JsonArray([.. messages.Select(m => (JsonNode)m)]), ["errors"] = new JsonObject() },
            statusCode: status
        );

    public static IResult Fields(Dictionary<string, string> errors) =>
        Results.Json(
            new JsonObject
            {
                ["errorMessages"] = new JsonArray(),
                ["errors"] = new JsonObject([.. errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
            },
            statusCode: StatusCodes.Status400BadRequest
        );

    public static IResult IssueNotFound() => Messages(404, "Issue does not exist or you do not have permission to see it.");

    /// <summary>
    /// Cloud Basic auth (e-mail + API token) or a Server/Data Center personal access token as Bearer.
    /// A wrong credential gets Jira Cloud's 401; a forced throttle gets 429 with Retry-After.
    /// </summary>
    public static RouteGroupBuilder RequireJiraAuth(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(
            async (context, next) =>
            {
                var http = context.HttpContext;
                if (!Authenticated(http.Request.Headers.Authorization.ToString()))
                {
                    http.Response.Headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED";
                    http.Response.Headers.WWWAuthenticate = "Basic realm=\"protected-area\"";
                    return Results.Json(
                        new JsonObject { ["message"] = "Client must be authenticated to access this resource.", ["status-code"] = 401 },
                        statusCode: 401
                    );
                }
                return Throttled(http) ?? await next(context);
            }
        );

    /// <summary>
    /// The gateway's gate: a live Atlassian OAuth access token (else its 401), the Acme site's cloud id (else 404), then the
    /// same throttling as the site itself.
    /// </summary>
    public static RouteGroupBuilder RequireAtlassianToken(this RouteGroupBuilder group, AtlassianOAuth atlassian) =>
        group.AddEndpointFilter(
            async (context, next) =>
            {
                var http = context.HttpContext;
                if (atlassian.Authorize(http.Request, out _) is { } refused)
                    return refused;
                if (http.GetRouteValue("cloudId") as string != AtlassianOAuth.CloudId)
                    return AtlassianOAuth.UnknownSite();
                return Throttled(http) ?? await next(context);
            }
        );

    private static IResult? Throttled(HttpContext http)
    {
        if (!http.RequestServices.GetRequiredService<SandboxState>().TakeThrottle("jira"))
            return null;
        http.Response.Headers.RetryAfter = "1";
        return Messages(StatusCodes.Status429TooManyRequests, "Rate limit exceeded.");
    }

    /// <summary>The member a member token names (0 for the fixed ones and OAuth tokens): /myself names it.</summary>
    public static int Member(string header) =>
        Presented(header) is (var fixedToken, { } token) && SandboxTokens.TryMember(token, fixedToken, out var member) ? member : 0;

    private static bool Authenticated(string header) =>
        Presented(header) is (var fixedToken, { } token) && SandboxTokens.Matches(token, fixedToken, out _);

    /// <summary>The token a header presents and the fixed token it must be (or be a member of): a PAT as Bearer, or an API
    /// token after alice's e-mail in Basic.</summary>
    private static (string Fixed, string? Token) Presented(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return (SandboxTokens.JiraPat, header[7..].Trim());
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return ("", null);
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var prefix = SandboxTokens.JiraEmail + ":";
            return (SandboxTokens.JiraApiToken, pair.StartsWith(prefix, StringComparison.Ordinal) ? pair[prefix.Length..] : null);
        }
        catch (FormatException)
        {
            return ("", null);
        }
    }
}
