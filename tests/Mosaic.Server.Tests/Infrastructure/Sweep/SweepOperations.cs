using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mosaic.Server.Tests.Infrastructure.Sweep;

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and JSON body schema.</summary>
public sealed record SweepOperation(
    string Method,
    string Path,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    JsonElement? BodySchema
)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation in the document, with schemas' $refs resolved against its components.</summary>
    public static IReadOnlyList<SweepOperation> From(JsonElement document)
    {
        var operations = new List<SweepOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
        {
            var parameters = op.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            string[] Named(string where) =>
                [.. parameters.Where(x => x.GetProperty("in").GetString() == where).Select(x => x.GetProperty("name").GetString()!)];
            JsonElement? body =
                op.Value.TryGetProperty("requestBody", out var rb)
                && rb.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? Resolve(document, json.GetProperty("schema"))
                    : null;
            operations.Add(new SweepOperation(op.Name.ToUpperInvariant(), path.Name, Named("path"), Named("query"), body));
        }
        return operations;
    }

    internal static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var r))
            return schema;
        var node = document;
        foreach (var part in r.GetString()!.TrimStart('#', '/').Split('/'))
            node = node.GetProperty(part);
        return Resolve(document, node);
    }
}

/// <summary>The malformed input the sweep sends: whole bodies, one bad property at a time, parameter values.</summary>
public static class SweepInputs
{
    public static readonly string Huge = new('x', 200_000);

    /// <summary>Path and query values, already URL-escaped where needed: ids no route expects.</summary>
    public static readonly string[] ParameterValues =
    [
        "0",
        "-1",
        "99999999999999999999",
        "1e309",
        "abc",
        "true",
        "null",
        "%20",
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fmosaic.db",
        Uri.EscapeDataString("../../data/mosaic.db"),
        Uri.EscapeDataString("ünïcödé-💥-\u202e"),
        Uri.EscapeDataString("'; DROP TABLE users; --"),
        new string('a', 5000),
        "0001-01-01T00:00:00Z",
        Uri.EscapeDataString("9999-12-31T23:59:59-14:00"),
        "2147483648",
        "-2147483649",
    ];

    /// <summary>Query values only: in a path, Kestrel refuses a NUL with 400 before the app sees it (and the test host throws).</summary>
    public static readonly string[] QueryOnlyValues = ["%00", "", "a&b=c", "%ZZ"];

    /// <summary>Bodies that are not the object the operation expects.</summary>
    public static readonly string[] RawBodies =
    [
        "not json",
        "{",
        "",
        "null",
        "[]",
        "[{}]",
        "123",
        "\"text\"",
        "{}",
        "{\"a\":",
        new string('[', 200) + new string(']', 200),
        "{\"x\": \"" + Huge + "\"}",
        "\uFEFF{}",
        "{\"a\": \"\\ud800\"}",
        "{\"a\": 1, \"a\": 2}",
    ];

    /// <summary>A plausible value for every property, so that one bad property at a time reaches the endpoint's checks.</summary>
    public static JsonObject Plausible(JsonElement document, JsonElement schema)
    {
        var body = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties))
            return body;
        foreach (var p in properties.EnumerateObject())
            body[p.Name] = PlausibleValue(p.Name, Types(SweepOperation.Resolve(document, p.Value)));
        return body;
    }

    /// <summary>For each property: null, a wrong type, huge, negative, nested, unicode and traversal values.</summary>
    public static IEnumerable<(string What, JsonObject Body)> OnePropertyWrong(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var properties))
            yield break;
        foreach (var p in properties.EnumerateObject())
        {
            var types = Types(SweepOperation.Resolve(document, p.Value));
            JsonNode?[] values =
            [
                null,
                WrongType(types),
                Huge,
                99999999999999999999m,
                -1,
                1.5,
                true,
                new JsonArray(1, "two", null),
                new JsonObject { ["nested"] = new JsonObject { ["deeper"] = Huge } },
                "ünïcödé-💥-\u202e",
                "../../../etc/passwd",
                "",
                "nul\u0000byte",
                "lone \ud800 surrogate",
                "   ",
                new string('é', 70_000),
            ];
            foreach (var value in values)
            {
                var body = Plausible(document, schema);
                body[p.Name] = value?.DeepClone();
                yield return ($"{p.Name}={Describe(value)}", body);
            }
        }
    }

    private static string[] Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var t) ? ["object"]
        : t.ValueKind == JsonValueKind.Array ? [.. t.EnumerateArray().Select(x => x.GetString()!)]
        : [t.GetString()!];

    // A real source id gets past "unknown datasource" to the checks behind it; no credentials are ever valid here.
    private static JsonNode? PlausibleValue(string name, string[] types) =>
        types.FirstOrDefault(t => t != "null") switch
        {
            "string" when name.Contains("datasource") => "slack",
            "string" when name.Contains("email") => "sweep@example.com",
            "string" => "x",
            "integer" or "number" => 1,
            "boolean" => true,
            "array" when name.Contains("source") => new JsonArray("slack"),
            "array" => new JsonArray(),
            _ => new JsonObject(),
        };

    private static JsonNode WrongType(string[] types) => types.Contains("string") ? 12345 : "a string where something else belongs";

    private static string Describe(JsonNode? value) =>
        value is null ? "null"
        : value.ToJsonString() is var s && s.Length > 40 ? s[..40] + "…"
        : value.ToJsonString();
}
