using System.Text;
using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Jira;

/// <summary>search/jql (GET and POST, nextPageToken paging), project/search (startAt paging), myself, user/search.</summary>
public static class JiraSearchEndpoints
{
    public static void Map(RouteGroupBuilder api, JiraStore store)
    {
        api.MapGet("/myself", (HttpRequest r) =>
            Results.Json(
                new JiraJson(JiraJson.BaseUrl(r), store).Myself(JiraStore.Me, JiraErrors.Member(r.Headers.Authorization.ToString()))
            )
        );

        api.MapGet("/user/search", (HttpRequest r, string? query) =>
        {
            var json = new JiraJson(JiraJson.BaseUrl(r), store);
            var q = query ?? "";
            return Results.Json(
                new JsonArray([
                    .. Acme
                        .AcmeCompany.People.Where(p =>
                            p.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
                            || p.Email.StartsWith(q, StringComparison.OrdinalIgnoreCase)
                            || p.JiraAccountId == q
                        )
                        .Select(p => (JsonNode)json.User(p)),
                ])
            );
        });

        api.MapGet("/project/search", (HttpRequest r, int? startAt, int? maxResults, string? query) =>
        {
            var json = new JiraJson(JiraJson.BaseUrl(r), store);
            var all = store
                .Projects.Where(p =>
                    query is null
                    || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                    || p.Key.Contains(query, StringComparison.OrdinalIgnoreCase)
                )
                .ToList();
            var start = Math.Max(0, startAt ?? 0);
            var max = Math.Clamp(maxResults ?? 50, 1, 100);
            var isLast = start + max >= all.Count;
            var page = new JsonObject
            {
                ["self"] = $"{JiraJson.BaseUrl(r)}/rest/api/3/project/search?startAt={start}&maxResults={max}",
                ["maxResults"] = max,
                ["startAt"] = start,
                ["total"] = all.Count,
                ["isLast"] = isLast,
                ["values"] = new JsonArray([.. all.Skip(start).Take(max).Select(p => (JsonNode)json.Project(p))]),
            };
            if (!isLast)
                page["nextPage"] = $"{JiraJson.BaseUrl(r)}/rest/api/3/project/search?startAt={start + max}&maxResults={max}";
            return Results.Json(page);
        });

        api.MapGet("/project/{key}", (HttpRequest r, string key) =>
            store.Project(key) is { } p
                ? Results.Json(new JiraJson(JiraJson.BaseUrl(r), store).Project(p))
                : JiraErrors.Messages(404, $"No project could be found with key '{key}'.")
        );

        api.MapGet("/search/jql", (HttpRequest r, string? jql, string? nextPageToken, int? maxResults, string? fields) =>
            Search(
                r,
                store,
                jql,
                nextPageToken,
                maxResults,
                fields?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            )
        );

        api.MapPost("/search/jql", (HttpRequest r, SearchBody body) =>
            Search(r, store, body.Jql, body.NextPageToken, body.MaxResults, body.Fields)
        );

        // The old search endpoint was removed from Jira Cloud; answer as Cloud does so stale clients fail visibly.
        api.MapMethods("/search", ["GET", "POST"], () =>
            JiraErrors.Messages(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.")
        );
    }

    public sealed record SearchBody(string? Jql, string? NextPageToken, int? MaxResults, string[]? Fields);

    private static IResult Search(HttpRequest r, JiraStore store, string? jql, string? token, int? maxResults, string[]? fields)
    {
        JqlQuery query;
        try
        {
            query = JqlParser.Parse(jql ?? "", store, store.Now);
        }
        catch (JqlException e)
        {
            return JiraErrors.Messages(400, e.Message);
        }
        if (!query.Bounded)
            return JiraErrors.Messages(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        if (!TryOffset(token, out var offset))
            return JiraErrors.Messages(400, "The provided next page token is invalid or expired.");

        var max = Math.Clamp(maxResults ?? 50, 1, 100);
        var matches = query.Apply(store.All()).ToList();
        var json = new JiraJson(JiraJson.BaseUrl(r), store);
        // Like Cloud, only the id comes back unless fields are asked for.
        var wanted = fields is { Length: > 0 } ? fields : ["id"];
        var result = new JsonObject
        {
            ["issues"] = new JsonArray([.. matches.Skip(offset).Take(max).Select(i => (JsonNode)json.Issue(i, wanted))]),
        };
        var isLast = offset + max >= matches.Count;
        if (!isLast)
            result["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset + max}"));
        result["isLast"] = isLast;
        return Results.Json(result);
    }

    private static bool TryOffset(string? token, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(token))
            return true;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
