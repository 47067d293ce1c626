using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.OAuth;

namespace Mosaic.Sandbox.GitHub;

/// <summary>What every GitHub response shares: auth, rate-limit headers, error bodies and Link paging.</summary>
public static class GitHubHttp
{
    private const string Docs = "https://docs.github.com/rest";
    public const int HourlyLimit = 5000;
    private static int _used;

    public static void ResetRateLimit() => Interlocked.Exchange(ref _used, 0);

    public static IResult Error(int status, string message, string docs = Docs) =>
        Results.Json(
            new JsonObject
            {
                ["message"] = message,
                ["documentation_url"] = docs,
                ["status"] = status.ToString(),
            },
            statusCode: status
        );

    public static IResult NotFound() => Error(404, "Not Found");

    /// <summary>The member a member token of <see cref="SandboxTokens.GitHub"/> names (0 for any other token): /user names it.</summary>
    public static int Member(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        return space > 0 && SandboxTokens.TryMember(header[(space + 1)..].Trim(), SandboxTokens.GitHub, out var member) ? member : 0;
    }

    /// <summary>
    /// Endpoint filter for the whole API: <see cref="SandboxTokens.GitHub"/> or a live user token of the Sandbox's GitHub App
    /// (<see cref="GitHubOAuth"/>), as <c>token X</c> or <c>Bearer X</c>. A forced throttle of service "github" answers 429
    /// with Retry-After: 1 (a secondary limit); of "github-primary", 403 with x-ratelimit-remaining: 0 and a reset 20 minutes
    /// away.
    /// </summary>
    public static async ValueTask<object?> Guard(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
            return Error(401, "Requires authentication");
        var space = header.IndexOf(' ');
        var scheme = space > 0 ? header[..space] : "";
        var token = space > 0 ? header[(space + 1)..].Trim() : "";
        if (
            !(scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            || (
                !SandboxTokens.Matches(token, SandboxTokens.GitHub, out _)
                && http.RequestServices.GetRequiredService<SandboxOAuth>().GitHub.Check(token, out _) != TokenState.Valid
            )
        )
            return Error(401, "Bad credentials"); // expired and revoked user tokens too: GitHub says no more

        // Rate-limit resets are moments a client waits for on its own clock, so they stay on the system clock even
        // when the Sandbox's story runs at another time (--now): the connectors keep the real one.
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        var headers = http.Response.Headers;
        headers["x-github-media-type"] = "github.v3; format=json";
        headers["x-ratelimit-limit"] = HourlyLimit.ToString();
        headers["x-ratelimit-resource"] = "core";
        if (http.RequestServices.GetRequiredService<SandboxState>().TakeThrottle("github"))
        {
            headers["x-ratelimit-remaining"] = "0";
            headers["x-ratelimit-used"] = HourlyLimit.ToString();
            headers["x-ratelimit-reset"] = reset.ToString();
            headers.RetryAfter = "1";
            return Error(
                429,
                "API rate limit exceeded for user ID 1001. If you reach out to GitHub Support for help, please include the request ID.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
            );
        }
        if (http.RequestServices.GetRequiredService<SandboxState>().TakeThrottle("github-primary"))
        {
            // The primary hourly limit: 403 with remaining 0 and a reset time, no Retry-After (as GitHub does).
            headers["x-ratelimit-remaining"] = "0";
            headers["x-ratelimit-used"] = HourlyLimit.ToString();
            headers["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddMinutes(20).ToUnixTimeSeconds().ToString();
            return Error(
                403,
                "API rate limit exceeded for user ID 1001.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
            );
        }
        var used = Math.Min(Interlocked.Increment(ref _used), HourlyLimit - 1);
        headers["x-ratelimit-remaining"] = (HourlyLimit - used).ToString();
        headers["x-ratelimit-used"] = used.ToString();
        headers["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString();
        return await next(context);
    }

    /// <summary>Link roots for this request: the API prefix it came through (/github or /api/v3) and the browsable pages.</summary>
    public static GhUrls Urls(HttpContext http)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var api = http.Request.Path.StartsWithSegments("/api/v3") ? $"{origin}/api/v3" : $"{origin}/github";
        return new GhUrls(api, $"{origin}/github");
    }

    /// <summary>GitHub's page-number paging: per_page (default 30, max 100), page, and a Link header with next/prev/first/last.</summary>
    public static JsonArray Page<T>(HttpContext http, IReadOnlyList<T> items, Func<T, JsonNode> render, out int total)
    {
        total = items.Count;
        var query = http.Request.Query;
        var perPage = int.TryParse(query["per_page"], out var pp) ? Math.Clamp(pp, 1, 100) : 30;
        var page = int.TryParse(query["page"], out var p) ? Math.Max(p, 1) : 1;
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);

        var links = new List<string>();
        string Url(int n)
        {
            var q = query.Where(kv => kv.Key != "page").ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
            q["page"] = n.ToString();
            return QueryHelpers.AddQueryString($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}", q);
        }
        if (page > 1)
        {
            links.Add($"<{Url(Math.Min(page - 1, last))}>; rel=\"prev\"");
        }
        if (page < last)
        {
            links.Add($"<{Url(page + 1)}>; rel=\"next\"");
            links.Add($"<{Url(last)}>; rel=\"last\"");
        }
        if (page > 1)
            links.Add($"<{Url(1)}>; rel=\"first\"");
        if (links.Count > 0)
            http.Response.Headers.Link = string.Join(", ", links);

        return [.. items.Skip((page - 1) * perPage).Take(perPage).Select(render)];
    }

    public static JsonArray Page<T>(HttpContext http, IReadOnlyList<T> items, Func<T, JsonNode> render) => Page(http, items, render, out _);

    /// <summary>Sort order as GitHub takes it: <c>direction=asc|desc</c>, else the endpoint's default.</summary>
    public static IEnumerable<T> Order<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, string? direction, bool descendingByDefault) =>
        (
            direction?.ToLowerInvariant() switch
            {
                "asc" => false,
                "desc" => true,
                _ => descendingByDefault,
            }
        )
            ? items.OrderByDescending(key)
            : items.OrderBy(key);

    /// <summary>GitHub's ISO 8601 timestamps (since/until); null when absent, an error result when malformed.</summary>
    public static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(value))
            return true;
        if (
            !DateTimeOffset.TryParse(
                value,
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal,
                out var t
            )
        )
            return false;
        time = t;
        return true;
    }

    public static IResult Validation(string field, string value) =>
        Error(422, $"Invalid value for parameter '{field}': {value}", "https://docs.github.com/rest");
}
