using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Shopify.GraphQL;

/// <summary>
/// Shapes seed objects to exactly the fields a query selected. Seed objects are JsonObjects carrying
/// <c>__typename</c>; connection fields are objects carrying <c>__nodes</c>, so any list exposed as a
/// Relay connection pages the same way (first/last/after/before, edges/nodes/pageInfo).
/// Also counts the actual query cost: 1 per object returned, 2 per connection.
/// </summary>
public sealed class GqlProjector
{
    public const int MaxPageSize = 250;

    public int ActualCost { get; private set; }

    /// <summary>Fields whose value depends on their arguments, e.g. <c>InventoryLevel.quantities(names:)</c>.</summary>
    public Dictionary<
        (string Type, string Field),
        Func<JsonNode?, IReadOnlyDictionary<string, JsonNode?>, JsonNode?>
    > ArgumentFields { get; } = [];

    public static JsonObject Connection(string typeName, IEnumerable<JsonObject> nodes) =>
        new() { ["__typename"] = typeName, ["__nodes"] = new JsonArray([.. nodes]) };

    public JsonObject ProjectObject(JsonObject source, IReadOnlyList<GqlField> selection)
    {
        ActualCost++;
        var type = source["__typename"]?.GetValue<string>() ?? "Object";
        var result = new JsonObject();
        foreach (var field in selection)
        {
            if (field.Name == "__typename")
            {
                result[field.ResponseKey] = type;
                continue;
            }
            if (!source.TryGetPropertyValue(field.Name, out var value) || field.Name.StartsWith("__"))
                throw new GqlException($"Field '{field.Name}' doesn't exist on type '{type}'", "undefinedField");
            if (ArgumentFields.TryGetValue((type, field.Name), out var resolve))
                value = resolve(value, field.Args);
            result[field.ResponseKey] = ProjectValue(value, field, type);
        }
        return result;
    }

    public JsonNode? ProjectValue(JsonNode? value, GqlField field, string parentType)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject o when o.ContainsKey("__nodes"):
                return ProjectConnection(o, field);
            case JsonObject o:
                if (field.Selection is null)
                    throw new GqlException(
                        $"Field must have selections (field '{field.Name}' returns {o["__typename"]} but has no selections. Did you "
                            + $"mean '{field.Name} {{ ... }}'?)",
                        "selectionMismatch"
                    );
                return ProjectObject(o, field.Selection);
            case JsonArray a when a.Any(e => e is JsonObject):
                if (field.Selection is null)
                    throw new GqlException(
                        $"Field must have selections (field '{field.Name}' on type '{parentType}' returns a list of objects)",
                        "selectionMismatch"
                    );
                var items = a.OfType<JsonObject>();
                if (IntArg(field, "first") is { } n)
                    items = items.Take(n);
                return new JsonArray([.. items.Select(i => (JsonNode)ProjectObject(i, field.Selection))]);
            default:
                if (field.Selection is not null)
                    throw new GqlException(
                        $"Selections can't be made on scalars (field '{field.Name}' on type '{parentType}')",
                        "selectionMismatch"
                    );
                return value.DeepClone();
        }
    }

    private JsonObject ProjectConnection(JsonObject connection, GqlField field)
    {
        ActualCost += 2;
        var all = connection["__nodes"]!.AsArray().OfType<JsonObject>().ToList();
        var (page, hasNext, hasPrevious) = Page(all, field);
        var result = new JsonObject();
        foreach (
            var sub in field.Selection
                ?? throw new GqlException($"Field must have selections (field '{field.Name}' returns a connection)", "selectionMismatch")
        )
        {
            result[sub.ResponseKey] = sub.Name switch
            {
                "__typename" => connection["__typename"]!.DeepClone(),
                "edges" => new JsonArray([.. page.Select(n => (JsonNode)Edge(n, sub))]),
                "nodes" => new JsonArray([.. page.Select(n => (JsonNode)ProjectObject(n, RequireSelection(sub)))]),
                "pageInfo" => PageInfo(page, hasNext, hasPrevious, RequireSelection(sub)),
                _ => throw new GqlException($"Field '{sub.Name}' doesn't exist on type '{connection["__typename"]}'", "undefinedField"),
            };
        }
        return result;
    }

    private (List<JsonObject> Page, bool HasNext, bool HasPrevious) Page(List<JsonObject> all, GqlField field)
    {
        var first = IntArg(field, "first");
        var last = IntArg(field, "last");
        if (first is null && last is null)
            throw new GqlException($"you must provide one of first or last (field '{field.Name}')", "argumentError");
        if (first is < 0 || last is < 0 || first > MaxPageSize || last > MaxPageSize)
            throw new GqlException($"The page size for '{field.Name}' must be between 0 and {MaxPageSize}", "argumentError");
        var start = 0;
        var end = all.Count;
        if (StringArg(field, "after") is { } after)
            start = IndexOf(all, after) + 1;
        if (StringArg(field, "before") is { } before)
            end = IndexOf(all, before);
        var window = all.GetRange(start, Math.Max(0, end - start));
        if (first is { } f && window.Count > f)
            return (window[..f], true, start > 0);
        if (last is { } l && window.Count > l)
            return (window[^l..], end < all.Count, true);
        return (window, end < all.Count, start > 0);
    }

    private JsonObject Edge(JsonObject node, GqlField edges)
    {
        var edge = new JsonObject();
        foreach (var sub in RequireSelection(edges))
            edge[sub.ResponseKey] = sub.Name switch
            {
                "cursor" => CursorOf(node),
                "node" => ProjectObject(node, RequireSelection(sub)),
                "__typename" => "Edge",
                _ => throw new GqlException($"Field '{sub.Name}' doesn't exist on an edge", "undefinedField"),
            };
        return edge;
    }

    private static JsonObject PageInfo(List<JsonObject> page, bool hasNext, bool hasPrevious, IReadOnlyList<GqlField> selection)
    {
        var info = new JsonObject();
        foreach (var sub in selection)
            info[sub.ResponseKey] = sub.Name switch
            {
                "hasNextPage" => hasNext,
                "hasPreviousPage" => hasPrevious,
                "startCursor" => page.Count > 0 ? CursorOf(page[0]) : null,
                "endCursor" => page.Count > 0 ? CursorOf(page[^1]) : null,
                "__typename" => "PageInfo",
                _ => throw new GqlException($"Field '{sub.Name}' doesn't exist on type 'PageInfo'", "undefinedField"),
            };
        return info;
    }

    /// <summary>Opaque like Shopify's: base64 of the last id seen, so a cursor survives new items being added.</summary>
    private static string CursorOf(JsonObject node) =>
        Convert.ToBase64String(
            Encoding.UTF8.GetBytes(
                JsonSerializer.Serialize(new Dictionary<string, string> { ["last_id"] = node["id"]!.GetValue<string>() })
            )
        );

    private static int IndexOf(List<JsonObject> all, string cursor)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)));
            var id = json?["last_id"]?.GetValue<string>();
            var index = all.FindIndex(n => n["id"]?.GetValue<string>() == id);
            if (index >= 0)
                return index;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException) { }
        throw new GqlException("Invalid cursor for current pagination sort.", "argumentError");
    }

    private static IReadOnlyList<GqlField> RequireSelection(GqlField field) =>
        field.Selection ?? throw new GqlException($"Field must have selections (field '{field.Name}')", "selectionMismatch");

    public static int? IntArg(GqlField field, string name) =>
        field.Args.TryGetValue(name, out var v) && v is JsonValue j && j.TryGetValue<long>(out var n) ? (int)n : null;

    public static string? StringArg(GqlField field, string name) =>
        field.Args.TryGetValue(name, out var v) && v is JsonValue j && j.TryGetValue<string>(out var s) ? s : null;

    public static bool BoolArg(GqlField field, string name) =>
        field.Args.TryGetValue(name, out var v) && v is JsonValue j && j.TryGetValue<bool>(out var b) && b;
}
