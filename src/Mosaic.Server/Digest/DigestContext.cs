using System.Globalization;
using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Digest;

/// <summary>One source's collection run: who, since when, and a way to call the source's tools.</summary>
public sealed class DigestContext(IMcpHub hub, string userId, string datasource, string? userName, string email,
    DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
{
    public string Datasource { get; } = datasource;
    public DateTimeOffset Since { get; } = since;
    public DateTimeOffset Now { get; } = now;
    public CancellationToken Cancellation { get; } = ct;

    /// <summary>Lower-case words that identify the user in mentions and reviewer lists (first name, e-mail name).</summary>
    public IReadOnlyList<string> Me { get; } = new[] { userName?.Split(' ')[0], email.Split('@')[0] }
        .Where(n => n is { Length: >= 3 }).Select(n => n!.ToLowerInvariant()).Distinct().ToList();

    public string SinceIso => Iso(Since);

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public bool IsMe(string? text) => text is not null && Me.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>Calls a tool and returns its structured result; a tool error becomes an exception with the tool's message.</summary>
    public async Task<JsonElement> CallAsync(string tool, object arguments)
    {
        var args = JsonSerializer.SerializeToElement(arguments).EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value.Clone());
        var result = await hub.CallToolAsync(userId, Datasource, tool, args, Cancellation);
        if (result.IsError) throw new DigestSourceException($"{tool}: {result.Text}");
        return result.Structured ?? throw new DigestSourceException($"{tool} returned no structured result.");
    }

    public static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    public static DateTimeOffset? Time(JsonElement e, string name) =>
        DateTimeOffset.TryParse(Str(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}

public sealed class DigestSourceException(string message) : Exception(message);
