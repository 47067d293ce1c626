using System.Net;
using System.Text;
using System.Text.Json;

namespace Mosaic.Server.Tests.Infrastructure.Sweep;

/// <summary>
/// Every operation in /openapi/v1.json, signed in and with rate limiting off, gets malformed bodies, one bad
/// property at a time, and malformed path and query values: no answer is a 5xx, and every 4xx is ProblemDetails.
/// </summary>
public sealed class ApiSweepTests : IAsyncLifetime
{
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync() =>
        _app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["RATE_LIMIT_ENABLED"] = "false";
            f.Settings["MOSAIC_LLM_PROVIDER"] = "offline";
        });

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task No_malformed_request_to_any_operation_gets_a_5xx_and_every_4xx_is_problem_details()
    {
        var user = await _app.SignUpAndLogInAsync();
        (await user.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode(); // a fresh XSRF token, as the UI gets at start
        var document = (await ProblemAssert.JsonAsync(await user.Http.GetAsync("/openapi/v1.json"))).Clone();
        // Logging out ends the session the other requests need: it goes last.
        var operations = SweepOperation.From(document).OrderBy(o => o.Path == "/api/auth/logout").ToList();

        // An empty or truncated document must not pass: every feature's endpoints are in it.
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations in the OpenAPI document");
        foreach (
            var expected in new[]
            {
                "POST /api/auth/login",
                "POST /api/chat/message/stream",
                "POST /api/agent/query",
                "DELETE /api/credentials/{datasource}",
                "GET /api/chat/sessions/{sessionId}",
                "GET /api/digest/stream",
                "GET /api/health/detailed",
            }
        )
            Assert.Contains(expected, operations.Select(o => o.ToString()));

        var failures = new List<string>();
        var sent = 0;
        foreach (var op in operations)
        foreach (var (what, request) in Requests(document, op))
        {
            sent++;
            if (await CheckAsync(user.Http, request) is { } failure)
                failures.Add($"{op} [{what}]: {failure}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n{string.Join("\n", failures.Take(60))}");
        // A failure inside a stream that had already answered 200 shows only in the log. (EF Core logs a connection
        // open that the leaving client cancelled as an error of its own category: that is the sweep hanging up.)
        var errors = _app.Logs.Lines.Where(l =>
            l.StartsWith("Error Mosaic.", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)
        );
        Assert.True(!errors.Any(), string.Join("\n", errors.Select(e => e.Length <= 1500 ? e : e[..1500])));
    }

    private static IEnumerable<(string What, HttpRequestMessage Request)> Requests(JsonElement document, SweepOperation op)
    {
        var method = new HttpMethod(op.Method);
        var plausible = op.BodySchema is { } schema ? SweepInputs.Plausible(document, schema).ToJsonString() : null;
        string Url(string value, string? query = null) =>
            op.PathParameters.Aggregate(op.Path, (path, name) => path.Replace("{" + name + "}", value)) + query;
        HttpRequestMessage Make(string url, string? body, string mediaType = "application/json") =>
            new(method, url) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, mediaType) };

        var id = op.PathParameters.Count > 0 ? "slack" : ""; // a real-looking id while the body or query is what is wrong
        yield return ("plausible", Make(Url(id), plausible));
        foreach (var value in SweepInputs.ParameterValues)
        {
            if (op.PathParameters.Count > 0)
                yield return ($"path={Short(value)}", Make(Url(value), plausible));
            foreach (var q in op.QueryParameters)
                yield return ($"{q}={Short(value)}", Make(Url(id, $"?{q}={value}"), plausible));
        }
        foreach (var value in SweepInputs.QueryOnlyValues)
        foreach (var q in op.QueryParameters)
            yield return ($"{q}={value}", Make(Url(id, $"?{q}={value}"), plausible));
        if (op.Method is "GET" or "DELETE" && op.BodySchema is null)
            yield break;
        foreach (var raw in SweepInputs.RawBodies)
            yield return ($"body {Short(raw)}", Make(Url(id), raw));
        yield return ("text/plain body", Make(Url(id), plausible ?? "x", "text/plain"));
        if (op.BodySchema is { } s)
            foreach (var (what, body) in SweepInputs.OnePropertyWrong(document, s))
                yield return (what, Make(Url(id), body.ToJsonString()));
    }

    /// <summary>Null when the answer is acceptable; otherwise what was wrong with it.</summary>
    private static async Task<string?> CheckAsync(HttpClient http, HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        // A stream that started is a 200: its status is all the sweep needs, so it stops reading there.
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            return status >= 500 ? $"{status} on a stream" : null;
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        if (status >= 500)
            return $"{status}: {Short(text, 300)}";
        if (status < 400)
            return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} with {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Short(text, 200)}";
        try
        {
            var body = JsonDocument.Parse(text).RootElement;
            if (!body.TryGetProperty("status", out var s) || s.GetInt32() != status || !body.TryGetProperty("title", out _))
                return $"{status} whose ProblemDetails lacks a matching status or a title: {Short(text, 200)}";
        }
        catch (JsonException)
        {
            return $"{status} whose body is not JSON: {Short(text, 200)}";
        }
        return null;
    }

    private static string Short(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";
}
