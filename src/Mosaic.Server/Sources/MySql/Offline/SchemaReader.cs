using System.Globalization;
using System.Text.Json;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// Reads what the templates need through the connector, as any other call: the tables (list_tables), their columns
/// (describe_table) and, when the question has words that may be values, a sample of the short text columns' values.
/// The hub caches these read-only results, so a second question costs little.
/// </summary>
public static class SchemaReader
{
    /// <summary>More tables than this and only the ones the question names (and sales-like ones) are described.</summary>
    public const int MaxDescribed = 30;

    /// <summary>Distinct values read per column: enough for statuses, countries and codes, cheap on a big table.</summary>
    public const int ValuesPerColumn = 50;

    private const int MaxValueColumns = 10;

    public static async Task<DbSchema> ReadAsync(OfflineQuestion q, CancellationToken ct)
    {
        var listed = await CallAsync(q, "list_tables", new() { ["limit"] = 500 }, ct);
        var names = Items(listed, "tables").Select(t => t.GetProperty("name").GetString()).OfType<string>().ToList();
        var wanted = names;
        if (names.Count > MaxDescribed)
        {
            var named = new QuestionReading(q.Query, new DbSchema([.. names.Select(n => new DbTable(n, []))])).Tables.Select(t => t.Name);
            string[] sales = ["order", "sale", "invoice", "payment"];
            wanted =
            [
                .. named
                    .Concat(names.Where(n => sales.Any(s => n.Contains(s, StringComparison.OrdinalIgnoreCase))))
                    .Distinct()
                    .Take(MaxDescribed),
            ];
        }
        var tables = new List<DbTable>();
        foreach (var name in wanted)
        {
            var described = await CallAsync(q, "describe_table", new() { ["table"] = name }, ct);
            var columns = Items(described, "columns")
                .Select(c => new DbColumn(
                    c.GetProperty("name").GetString()!,
                    c.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "",
                    c.TryGetProperty("key", out var k) && k.GetString() == "PRI"
                ))
                .ToList();
            if (columns.Count > 0)
                tables.Add(new DbTable(name, columns));
        }
        return new DbSchema(tables);
    }

    /// <summary>
    /// Up to <see cref="ValuesPerColumn"/> distinct values of each short text column, in one UNION ALL statement
    /// (portable: a derived table per column). Keyed by column name.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ValuesAsync(
        OfflineQuestion q,
        DbTable table,
        CancellationToken ct
    )
    {
        var columns = table.Columns.Where(c => c.IsShortText).Take(MaxValueColumns).ToList();
        if (columns.Count == 0)
            return new Dictionary<string, IReadOnlyList<string>>();
        var result = await CallAsync(q, "execute_query", new() { ["sql"] = ValuesSql(table, columns), ["limit"] = 500 }, ct);
        return Items(result, "rows")
            .Where(r => r.ValueKind == JsonValueKind.Array && r.GetArrayLength() == 2 && r[1].ValueKind == JsonValueKind.String)
            .GroupBy(r => columns[(int)r[0].GetDecimal()].Name, r => r[1].GetString()!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    public static string ValuesSql(DbTable table, IReadOnlyList<DbColumn> columns) =>
        string.Join(
            " UNION ALL ",
            columns.Select(
                (c, i) =>
                    $"SELECT {i.ToString(CultureInfo.InvariantCulture)} AS `c`, `v` FROM (SELECT DISTINCT {SqlText.Id(c)} AS `v` "
                    + $"FROM {SqlText.Id(table)} WHERE {SqlText.Id(c)} IS NOT NULL LIMIT {ValuesPerColumn}) AS `d{i}`"
            )
        );

    /// <summary>A read-only call; a tool error is thrown as what it said, so the plan falls back instead of guessing.</summary>
    private static async Task<JsonElement> CallAsync(OfflineQuestion q, string tool, Dictionary<string, object> args, CancellationToken ct)
    {
        var arguments = args.ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value));
        var result = await q.Hub.CallToolAsync(q.UserId, MySqlSource.Id, tool, arguments, ct);
        if (result.IsError || result.Structured is not { } structured)
            throw new InvalidOperationException($"{tool} failed: {result.Text}");
        return structured;
    }

    private static IEnumerable<JsonElement> Items(JsonElement result, string name) =>
        result.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];
}
