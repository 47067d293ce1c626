using System.Globalization;
using System.Text.Json;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>Calls a connector's whats_new and checks the documented shape (docs/connectors.md) of every item.</summary>
public static class WhatsNewAssert
{
    private static readonly string[] Fields = ["id", "kind", "title", "summary", "url", "author", "at", "actionable", "priority"];

    public static async Task<(List<JsonElement> Items, bool Truncated)> CallAsync(
        ConnectorProcess connector,
        DateTimeOffset since,
        string? me = "alice",
        int? limit = null,
        DateTimeOffset? now = null
    )
    {
        var args = new Dictionary<string, object?>
        {
            ["since"] = Iso(since),
            ["me"] = me,
            ["limit"] = limit,
        };
        if (now is { } n)
            args["now"] = Iso(n);
        var result = (await connector.CallAsync("whats_new", args)).Ok();
        var items = result.GetProperty("items").EnumerateArray().ToList();
        foreach (var item in items)
        {
            Assert.All(Fields, f => Assert.True(item.TryGetProperty(f, out _), $"no {f} in {item}"));
            Assert.All(new[] { "id", "kind", "title" }, f =>
                Assert.False(string.IsNullOrEmpty(item.GetProperty(f).GetString()), $"{f}: {item}")
            );
            Assert.Contains(item.GetProperty("priority").GetString(), new[] { "high", "medium", "low" });
            Assert.True(item.GetProperty("actionable").ValueKind is JsonValueKind.True or JsonValueKind.False, item.ToString());
            var at = item.GetProperty("at");
            Assert.True(
                at.ValueKind == JsonValueKind.Null
                    || DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"at: {item}"
            );
        }
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        return (items, result.GetProperty("truncated").GetBoolean());
    }

    /// <summary>The one item of that kind whose title starts so.</summary>
    public static JsonElement Single(IEnumerable<JsonElement> items, string kind, string title) =>
        Assert.Single(items, i =>
            i.GetProperty("kind").GetString() == kind && i.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal)
        );

    public static string? Text(this JsonElement item, string name) => item.GetProperty(name).GetString();

    public static bool Actionable(this JsonElement item) => item.GetProperty("actionable").GetBoolean();

    public static DateTimeOffset? At(this JsonElement item) =>
        item.GetProperty("at").GetString() is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : null;

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
