using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mosaic.Bench.Turn;

/// <summary>A client like the web UI: cookies, the XSRF header, SSE read event by event; each request in a trace of its own.</summary>
sealed class BenchClient(HttpClient http, CookieContainer cookies)
{
    public HttpClient Http { get; } = http;

    public string UserId { get; private set; } = "";

    public static async Task<BenchClient> SignInAsync(Uri baseUrl, string email, string password)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = cookies, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
        var client = new BenchClient(new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) }, cookies);
        var login = await client.Http.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"login failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.UserId = body.GetProperty("user").GetProperty("id").GetString()!;
        return client;
    }

    /// <summary>A JSON request with the XSRF header; fails on anything but success.</summary>
    public async Task SendJsonAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-XSRF-TOKEN", Xsrf);
        using var response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
            );
    }

    public string CookieHeader => cookies.GetCookieHeader(Http.BaseAddress!);

    public string? Xsrf => cookies.GetCookies(Http.BaseAddress!)["XSRF-TOKEN"]?.Value;

    /// <summary>POSTs <paramref name="body"/> to an SSE endpoint under a new trace; reads every event to the end.</summary>
    public async Task<StreamResult> StreamAsync(string path, object body, CancellationToken ct = default)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        if (Xsrf is { } xsrf)
            request.Headers.Add("X-XSRF-TOKEN", xsrf);
        var sentAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var events = new List<JsonElement>();
        double doneMs = -1;
        DateTime doneAt = default;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
                data.Append(line.AsSpan(5).TrimStart());
            else if (line.Length == 0 && data.Length > 0)
            {
                var e = JsonDocument.Parse(data.ToString()).RootElement.Clone();
                data.Clear();
                events.Add(e);
                if (Type(e) is "done" or "error")
                {
                    doneMs = clock.Elapsed.TotalMilliseconds;
                    doneAt = DateTime.UtcNow;
                }
            }
        }
        if (doneMs < 0)
            throw new InvalidOperationException($"{path}: the stream ended without done; saw {string.Join(",", events.Select(Type))}");
        return new StreamResult(traceId, sentAt, doneAt, doneMs, events);
    }

    public static string Type(JsonElement e) =>
        e.TryGetProperty("type", out var t) ? t.GetString()! : e.GetProperty("event_type").GetString()!;
}

/// <param name="WallMs">From sending the request to reading the done (or error) event, on the client's clock.</param>
sealed record StreamResult(ActivityTraceId TraceId, DateTime SentAt, DateTime DoneAt, double WallMs, IReadOnlyList<JsonElement> Events)
{
    public JsonElement? First(string type) => Events.Where(e => BenchClient.Type(e) == type).Cast<JsonElement?>().FirstOrDefault();

    public bool Failed => First("error") is not null;
}
