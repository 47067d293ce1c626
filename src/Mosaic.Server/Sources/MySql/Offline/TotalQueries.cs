namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>"revenue in the last 7 days", "average order value last month", "total stock": SUM or AVG of one column.</summary>
public static class TotalQueries
{
    private static readonly string[] SaleNames = ["order", "sale", "invoice", "purchase", "transaction", "payment"];

    /// <summary>
    /// The sum (or average) of the column the question names, else of the table's money column; null when the table
    /// has neither.
    /// </summary>
    public static OfflineQuery? Total(QuestionReading q, DbTable table, RowFilter filter, bool average)
    {
        var measure = q.ColumnNamed(table, c => c.Kind == ColumnKind.Number) ?? table.MoneyColumn;
        if (measure is null)
            return null;
        var m = SqlText.Id(measure);
        var value = average ? "average" : "total";
        var sql = $"SELECT {(average ? "AVG" : "SUM")}({m}) AS `{value}`, COUNT({m}) AS `count` FROM {SqlText.Id(table)}{filter.Sql}";
        var revenue = !average && (q.Says("revenue") || q.Says("sales"));
        return new(
            sql,
            (rows, _) =>
            {
                if (rows.Count == 0 || Cells.Number(rows[0], "count") is not { } n)
                    return null;
                var things = filter.Describe(table);
                if (n == 0)
                    return $"There {(q.Period is null ? "are" : "were")} no {things}.";
                // An average of whole numbers is rarely whole: shown to two places, like money.
                var x = Cells.Show(Cells.Number(rows[0], value), measure.IsMoney || average);
                var over = $"over {DbNames.Count(n, table)}";
                if (revenue)
                    return $"Revenue from {things}: **{x}** {over} (the sum of {measure.Name}).";
                var what = measure.Words == "total" && !average ? "Total" : $"{(average ? "Average" : "Total")} {measure.Words}";
                return $"{what} of {things}: **{x}** {over}.";
            },
            filter.Searched(table)
        );
    }

    /// <summary>
    /// The table a "revenue" question means when it names none: one with an amount and a date, sales-like names first
    /// (orders before payments, as a payment table also holds refunds).
    /// </summary>
    public static DbTable? RevenueTable(DbSchema schema) =>
        schema
            .Tables.Where(t => t.MoneyColumn is not null && t.DateColumn is not null)
            .OrderBy(t =>
                Array.FindIndex(SaleNames, n => t.Name.Contains(n, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : 99
            )
            .FirstOrDefault();
}
