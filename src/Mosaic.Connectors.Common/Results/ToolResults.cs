using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol.Protocol;

namespace Mosaic.Connectors.Common.Results;

/// <summary>
/// Builds tool results: structured JSON for programs (structuredContent) plus a text block for the
/// model — a one-line summary, then the same JSON compactly (many MCP hosts show models only text).
/// </summary>
public static class ToolResults
{
    /// <summary>A single object result.</summary>
    public static CallToolResult Object<T>(T value, JsonTypeInfo<T> typeInfo, string summary) =>
        Object(JsonSerializer.SerializeToNode(value, typeInfo)?.AsObject() ?? [], summary);

    public static CallToolResult Object(JsonObject value, string summary)
    {
        var json = value.ToJsonString(KitJsonContext.Relaxed);
        return new CallToolResult { StructuredContent = ToElement(json), Content = [new TextContentBlock { Text = $"{summary}\n{json}" }] };
    }

    /// <summary>
    /// One page of a listing, cut to the budget. The structured result has the items under
    /// <see cref="ListShape{T}.ItemsName"/> plus returned, has_more, truncated, more, next_cursor and
    /// a note saying how to get the rest.
    /// </summary>
    public static CallToolResult List<T>(IReadOnlyList<T> items, ListShape<T> shape, string summary)
    {
        var kept = new JsonArray();
        var bytes = 0;
        foreach (var item in items)
        {
            if (kept.Count >= shape.Budget.MaxItems)
                break;
            var node = JsonSerializer.SerializeToNode(item, shape.TypeInfo);
            var size = Encoding.UTF8.GetByteCount(node?.ToJsonString(KitJsonContext.Relaxed) ?? "null") + 1;
            // Always keep one item so a page never comes back empty while items exist.
            if (kept.Count > 0 && bytes + size > shape.Budget.MaxBytes)
                break;
            kept.Add(node);
            bytes += size;
        }

        var cut = items.Count - kept.Count;
        int? more =
            shape.Total is { } total ? Math.Max(0, total - shape.Offset - kept.Count)
            : cut > 0 ? cut
            : null;
        var hasMore = more > 0 || shape.MoreUpstream;
        var next = hasMore ? shape.NextCursor?.Invoke(kept.Count) : null;

        var result = new JsonObject { [shape.ItemsName] = kept, ["returned"] = kept.Count };
        if (shape.Total is { } t)
            result["total"] = t;
        result["has_more"] = hasMore;
        result["truncated"] = cut > 0;
        if (more is { } m)
            result["more"] = m;
        if (next is not null)
            result["next_cursor"] = next;
        foreach (var (key, value) in shape.Extra ?? [])
            result[key] = value?.DeepClone();

        var note = Note(cut, more, shape.MoreUpstream && shape.Total is null, next, shape.Budget);
        if (note is not null)
            result["note"] = note;
        return Object(result, note is null ? summary : $"{summary} ({note})");
    }

    private static string? Note(int cut, int? more, bool atLeast, string? next, ResultBudget budget)
    {
        if (more is null or 0 && !atLeast)
            return null;
        var count = more is { } n ? $"{n}{(atLeast ? "+" : "")} more" : "more";
        var how = next is null ? "" : $"; call again with cursor=\"{next}\" for the rest";
        return cut > 0 ? $"truncated to fit {budget.MaxBytes} bytes / {budget.MaxItems} items: {count}{how}" : $"{count}{how}";
    }

    private static JsonElement ToElement(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
