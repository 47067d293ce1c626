using System.Text.Json;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// Top-N by a number: a column of the table ("Which products cost the most?", "Top 5 products by stock"), or an
/// aggregate over a table that points at it ("Which customers spent the most?" sums orders.total per customer).
/// </summary>
public static class RankQueries
{
    public static OfflineQuery? Top(
        QuestionReading q,
        DbTable table,
        IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        bool descending
    )
    {
        var measure = q.ColumnNamed(table, c => c.Kind == ColumnKind.Number)
            ?? (q.Lower.Split(' ', '?', ',', '.').Any(QuestionWords.PriceWords.Contains) ? PriceColumn(table) : null);
        if (measure is not null)
            return ByColumn(q, table, values, measure, descending);
        if (RelatedQueries.Top(q, table, values, descending) is { } related)
            return related;
        // "the biggest orders": a table with an amount of its own is ranked by it.
        return table.MoneyColumn is { } money ? ByColumn(q, table, values, money, descending) : null;
    }

    private static OfflineQuery? ByColumn(
        QuestionReading q,
        DbTable table,
        IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        DbColumn measure,
        bool descending
    )
    {
        if (RowFilter.For(q, table, values) is not { } filter)
            return null;
        var limit = q.Limit ?? QuestionReading.DefaultLimit;
        var m = SqlText.Id(measure);
        var notNull = new Condition($"{m} IS NOT NULL", "");
        var where = new RowFilter([.. filter.Conditions, notNull]).Sql;
        var columns = table.LabelColumns.Where(c => c != measure).Append(measure).Select(c => SqlText.Id(c));
        var tieBreak = table.PrimaryKey is { } pk && pk != measure ? $", {SqlText.Id(pk)}" : "";
        var sql =
            $"SELECT {string.Join(", ", columns)} FROM {SqlText.Id(table)}{where} "
            + $"ORDER BY {m} {(descending ? "DESC" : "ASC")}{tieBreak} LIMIT {limit}";
        return new(sql, (rows, _) => rows.Count == 0 ? null : Lead(rows, table, measure, descending), filter.Searched(table))
        {
            Limit = limit,
        };
    }

    /// <summary>
    /// "Acme Brew Pro Grinder - Brushed Steel has the highest price: 269.00."; rows tied with the first are named with
    /// it ("Precision Coffee Scale, Cold Brew Kit and Descaling Solution have the lowest stock: 0."), as one is no truer.
    /// </summary>
    private static string Lead(IReadOnlyList<JsonElement> rows, DbTable table, DbColumn measure, bool descending)
    {
        var top = Cells.Number(rows[0], measure.Name);
        var tied = rows.TakeWhile(r => Cells.Number(r, measure.Name) == top).Select(r => Cells.Label(r, table) ?? "?").ToList();
        var who = tied.Count == 1 ? $"{tied[0]} has" : $"{string.Join(", ", tied[..^1])} and {tied[^1]} have";
        return $"{who} the {(descending ? "highest" : "lowest")} {measure.Words}: {Cells.Show(top, measure.IsMoney)}.";
    }

    /// <summary>"cost the most", "most expensive": the table's price column (price, unit_price, cost…).</summary>
    private static DbColumn? PriceColumn(DbTable table) =>
        table.Columns.FirstOrDefault(c =>
            c.Kind == ColumnKind.Number
            && (c.Name.Contains("price", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("cost", StringComparison.OrdinalIgnoreCase))
        );
}
