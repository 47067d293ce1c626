using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mosaic.Faults.Tests.Support;

/// <summary>What one chat request came to: the HTTP status, Retry-After, the stream's events or the problem's body.</summary>
public sealed record Answer(HttpStatusCode Status, int? RetryAfter, IReadOnlyList<JsonObject> Events, JsonObject? Body, TimeSpan Took)
{
    public string? SessionId => Events.FirstOrDefault(e => Type(e) == "session_id")?["session_id"]?.GetValue<string>();
    public JsonObject? Done => Events.FirstOrDefault(e => Type(e) == "done");
    public JsonObject? Error => Events.FirstOrDefault(e => Type(e) == "error");
    public string Text => string.Concat(Events.Where(e => Type(e) == "chunk").Select(e => e["content"]?.GetValue<string>()));

    public static string? Type(JsonObject e) => e["type"]?.GetValue<string>();

    public override string ToString() =>
        $"{(int)Status} retry-after={RetryAfter} took={Took.TotalMilliseconds:0} ms "
        + (Body is not null ? Body.ToJsonString() : string.Join(" | ", Events.Select(e => e.ToJsonString())));
}

/// <summary>A signed-in person talking to a <see cref="ServerProcess"/> over HTTP, as the web UI does (cookie, CSRF header).</summary>
public sealed class MosaicClient : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;

    public MosaicClient(string baseUrl, TimeSpan? timeout = null)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, UseCookies = true })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
    }

    public async Task<HttpResponseMessage> SignUpAsync(string email, string password = "faults-pass-8472", string name = "Fault Tester") =>
        await SendAsync(
            HttpMethod.Post,
            "/api/auth/signup",
            new
            {
                email,
                password,
                name,
            }
        );

    public async Task SignInAsync(string email, string password)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task SignInDemoAsync() => SignInAsync("demo@mosaic.local", ServerProcess.DemoPassword);

    /// <summary>POST /api/chat/message/stream, read to its end; a problem answer (no stream) comes back with its body.</summary>
    public async Task<Answer> AskStreamAsync(
        string datasource,
        string message,
        Action<JsonObject>? onEvent = null,
        CancellationToken ct = default
    )
    {
        var clock = Stopwatch.StartNew();
        using var request = Request(HttpMethod.Post, "/api/chat/message/stream", new { message, datasource });
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var retryAfter = RetryAfter(response);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            return new Answer(response.StatusCode, retryAfter, [], await BodyAsync(response), clock.Elapsed);
        var events = new List<JsonObject>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
                continue;
            var e = JsonNode.Parse(line[5..].Trim())!.AsObject();
            events.Add(e);
            onEvent?.Invoke(e);
        }
        return new Answer(response.StatusCode, retryAfter, events, null, clock.Elapsed);
    }

    /// <summary>POST /api/chat/message: the whole answer, or a problem.</summary>
    public async Task<Answer> AskAsync(string datasource, string message)
    {
        var clock = Stopwatch.StartNew();
        using var response = await SendAsync(HttpMethod.Post, "/api/chat/message", new { message, datasource });
        return new Answer(response.StatusCode, RetryAfter(response), [], await BodyAsync(response), clock.Elapsed);
    }

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body) =>
        await _http.SendAsync(Request(method, path, body));

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (_cookies.GetCookies(_http.BaseAddress!)["XSRF-TOKEN"] is { } xsrf)
            request.Headers.Add("X-XSRF-TOKEN", xsrf.Value);
        return request;
    }

    private static int? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null;

    private static async Task<JsonObject?> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return new JsonObject { ["raw"] = text };
        }
    }

    public void Dispose() => _http.Dispose();
}
