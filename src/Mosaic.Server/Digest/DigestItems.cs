using System.Globalization;
using System.Text.Json;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Server.Digest;

/// <summary>
/// Reads the items of a <c>whats_new</c> result into <see cref="DigestItem"/>s. A custom source's server is not ours,
/// so nothing it sends is taken on trust: an item without an id, kind or title is dropped, long text is clipped,
/// its links must be web or mailto addresses, and an unknown priority counts as low. It cannot break the digest.
/// </summary>
public static class DigestItems
{
    private static readonly string[] WebSchemes = [Uri.UriSchemeHttps, Uri.UriSchemeHttp, Uri.UriSchemeMailto];

    /// <param name="anyLink">A built-in connector's links are ours and may use any scheme (an object store's own, say).</param>
    public static List<DigestItem> From(JsonElement result, string source, bool anyLink)
    {
        if (
            result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array
        )
            throw new DigestSourceException($"{WhatsNew.ToolName} returned no items array.");
        var list = new List<DigestItem>();
        foreach (var item in items.EnumerateArray())
        {
            if (list.Count >= DigestContext.MaxItemsPerSource)
                break;
            if (item.ValueKind != JsonValueKind.Object)
                continue;
            var (id, kind, title) = (Text(item, "id", 200), Text(item, "kind", 40), Text(item, "title", 300));
            if (id is null || kind is null || title is null)
                continue;
            var priority = Text(item, "priority", 10) is { } p && p is "high" or "medium" or "low" ? p : "low";
            var actionable = item.TryGetProperty("actionable", out var a) && a.ValueKind == JsonValueKind.True;
            list.Add(
                new DigestItem(
                    id,
                    title,
                    Link(Text(item, "url", int.MaxValue), anyLink),
                    source,
                    kind,
                    actionable,
                    priority,
                    Time(Text(item, "at", 40)),
                    Text(item, "summary", 500),
                    Text(item, "author", 120)
                )
            );
        }
        return list;
    }

    /// <summary>A non-blank string field, clipped; anything else is null.</summary>
    private static string? Text(JsonElement item, string name, int max) =>
        item.TryGetProperty(name, out var v)
        && v.ValueKind == JsonValueKind.String
        && v.GetString() is { } s
        && !string.IsNullOrWhiteSpace(s)
            ? WhatsNew.Clip(s, max)
            : null;

    private static string? Link(string? url, bool anyLink) =>
        url is { Length: <= 2000 }
        && Uri.TryCreate(url, UriKind.Absolute, out var u)
        && (anyLink || WebSchemes.Contains(u.Scheme, StringComparer.OrdinalIgnoreCase))
            ? url
            : null;

    /// <summary>The item's time as the source wrote it, when it is a time at all.</summary>
    private static string? Time(string? at) =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) ? at : null;
}
