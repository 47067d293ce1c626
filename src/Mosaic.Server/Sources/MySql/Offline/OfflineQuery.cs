using System.Globalization;
using System.Text.Json;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// One read-only statement that answers a question, with the sentence its answer leads with.
/// <see cref="Lead"/> reads the result's rows, each an object keyed by column name, and whether more rows exist.
/// </summary>
public sealed record OfflineQuery(string Sql, Func<IReadOnlyList<JsonElement>, bool, string?> Lead, string Searched)
{
    /// <summary>How many rows the answer shows; null: the renderer's default.</summary>
    public int? Limit { get; init; }
}

/// <summary>Reading a result row's cells, as the lead sentences need them.</summary>
public static class Cells
{
    /// <summary>A cell as text, null when absent or NULL. Column names are the ones the query gave (its aliases).</summary>
    public static string? Text(JsonElement row, string column) =>
        Find(row, column) is { } v
            ? v.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => v.GetString(),
                _ => v.GetRawText(),
            }
            : null;

    /// <summary>A numeric cell (a JSON number, or text holding one, as some drivers return decimals).</summary>
    public static decimal? Number(JsonElement row, string column) =>
        Find(row, column) is { } v
            ? v.ValueKind switch
            {
                JsonValueKind.Number when v.TryGetDecimal(out var d) => d,
                JsonValueKind.Number => (decimal)v.GetDouble(),
                JsonValueKind.String when decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            }
            : null;

    /// <summary>The row's label: "SUP-2040 (Pre-order the Acme Brew Pro in steel?)", "Maya Patel", "1044"; null when empty.</summary>
    public static string? Label(JsonElement row, DbTable table)
    {
        var key = table.KeyColumn is { } k ? Text(row, k.Name) : null;
        var names = table.NameColumns.Select(c => Text(row, c.Name)).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        var name = names.Count == 0 ? null : string.Join(' ', names);
        return (key, name) switch
        {
            (not null, not null) => $"{key} ({name})",
            (not null, null) => key,
            (null, not null) => name,
            _ => table.LabelColumns.Select(c => Text(row, c.Name)).FirstOrDefault(t => t is not null),
        };
    }

    /// <summary>A number as a lead shows it: money with two decimals, counts as integers.</summary>
    public static string Show(decimal? n, bool money) => n is { } v ? DbNames.Number(v, money) : "none";

    private static JsonElement? Find(JsonElement row, string column)
    {
        if (row.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var p in row.EnumerateObject())
            if (p.Name.Equals(column, StringComparison.OrdinalIgnoreCase))
                return p.Value;
        return null;
    }
}
