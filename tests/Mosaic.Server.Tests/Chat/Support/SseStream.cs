using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>Reads a text/event-stream response event by event, the way the web UI does.</summary>
public sealed class SseStream : IAsyncDisposable
{
    private readonly StreamReader _reader;
    private readonly List<JsonElement> _seen = [];

    private SseStream(HttpResponseMessage response, Stream body)
    {
        Response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response { get; }

    /// <summary>Every event read so far, in order.</summary>
    public IReadOnlyList<JsonElement> Seen => _seen;

    public IEnumerable<string> Types => _seen.Select(Type);

    public static string Type(JsonElement e) =>
        e.TryGetProperty("type", out var t) ? t.GetString()! : e.GetProperty("event_type").GetString()!;

    public static async Task<SseStream> OpenAsync(HttpClient http, object body, CancellationToken ct = default) =>
        await OpenAsync(http, body, "/api/chat/message/stream", ct);

    public static async Task<SseStream> OpenAsync(HttpClient http, object body, string path, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"stream refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}"
            );
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseStream(response, await response.Content.ReadAsStreamAsync(ct));
    }

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<JsonElement?> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
                data.Append(line[5..].TrimStart());
            else if (line.Length == 0 && data.Length > 0)
            {
                var e = JsonDocument.Parse(data.ToString()).RootElement.Clone();
                _seen.Add(e);
                return e;
            }
        }
        return null;
    }

    /// <summary>Reads up to and including the first event of the type; fails if the stream ends first.</summary>
    public async Task<JsonElement> UntilAsync(string type, TimeSpan? timeout = null)
    {
        while (await NextAsync(timeout) is { } e)
            if (Type(e) == type)
                return e;
        throw new InvalidOperationException($"the stream ended without '{type}'; saw: {string.Join(", ", Types)}");
    }

    public async Task<IReadOnlyList<JsonElement>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        while (await NextAsync(timeout) is not null) { }
        return _seen;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        Response.Dispose();
        return ValueTask.CompletedTask;
    }
}
