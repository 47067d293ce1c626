using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mosaic.Sandbox.Slack;

/// <summary>
/// One Web API call: its arguments merged from the query string, a form body or a JSON body (Slack accepts
/// all three), and the user the token acts as.
/// </summary>
public sealed record SlackCall(string Method, IReadOnlyDictionary<string, string> Args, string CallerId, string Token, HttpRequest Request)
{
    public static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string? Arg(string name) => Args.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public int IntArg(string name, int fallback, int max) => int.TryParse(Arg(name), out var n) && n > 0 ? Math.Min(n, max) : fallback;

    public static IResult Ok(object payload) => Results.Json(payload, Json);

    /// <summary>Slack reports almost every failure as HTTP 200 with ok=false.</summary>
    public static IResult Error(string error, object? extra = null) =>
        Results.Json(
            extra is null
                ? new { ok = false, error }
                : new
                {
                    ok = false,
                    error,
                    extra,
                },
            Json
        );

    public static Task<Dictionary<string, string>> ReadArgsAsync(HttpRequest request, CancellationToken ct) =>
        Infrastructure.RequestArgs.ReadAsync(request, ct);

    /// <summary>Cursors are opaque to clients; ours encode an offset, like Slack's base64 "next:…" strings.</summary>
    public static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}"));

    public bool TryOffset(out int offset)
    {
        offset = 0;
        if (Arg("cursor") is not { } cursor)
            return true;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A page of <paramref name="items"/> and the cursor of the next one ("" on the last page).</summary>
    public (List<T> Page, string NextCursor) Paginate<T>(IReadOnlyList<T> items, int offset, int limit)
    {
        var page = items.Skip(offset).Take(limit).ToList();
        return (page, offset + limit < items.Count ? Cursor(offset + limit) : "");
    }
}
