namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>"How many customers do we have?", "how many open support tickets", "how many orders per status".</summary>
public static class CountQueries
{
    /// <summary>COUNT(*) of the rows the filter keeps: "There are **13** customers."</summary>
    public static OfflineQuery Count(QuestionReading q, DbTable table, RowFilter filter)
    {
        var sql = $"SELECT COUNT(*) AS `count` FROM {SqlText.Id(table)}{filter.Sql}";
        return new(
            sql,
            (rows, _) =>
                rows.Count == 0 || Cells.Number(rows[0], "count") is not { } n
                    ? null
                    : $"There {(q.Period is null ? n == 1 ? "is" : "are" : n == 1 ? "was" : "were")} {filter.Describe(table, n)}.",
            filter.Searched(table)
        );
    }

    /// <summary>
    /// One row per value of the column named after "per"/"by" ("orders per status" → financial_status, the first
    /// status column), biggest first. Null when the words after "per" name no column of the table.
    /// </summary>
    public static OfflineQuery? Grouped(QuestionReading q, DbTable table, RowFilter filter)
    {
        if (QuestionWords.GroupBy().Match(q.Lower) is not { Success: true } by)
            return null;
        var column = q.ColumnNamed(table, c => c.Kind is ColumnKind.Text or ColumnKind.Date || !c.IsMoney, by.Groups["col"].Value);
        if (column is null)
            return null;
        var c = SqlText.Id(column);
        var sql =
            $"SELECT {c}, COUNT(*) AS `count` FROM {SqlText.Id(table)}{filter.Sql} GROUP BY {c} "
            + $"ORDER BY `count` DESC, {c} LIMIT {QuestionReading.MaxLimit}";
        return new(sql, (rows, more) => GroupedLead(table, filter, column, rows, more), filter.Searched(table))
        {
            Limit = QuestionReading.MaxLimit,
        };
    }

    /// <summary>"Orders per financial status: **paid** has the most, 39 of 44."</summary>
    private static string? GroupedLead(
        DbTable table,
        RowFilter filter,
        DbColumn column,
        IReadOnlyList<System.Text.Json.JsonElement> rows,
        bool more
    )
    {
        if (rows.Count == 0 || Cells.Number(rows[0], "count") is not { } top)
            return null;
        var value = Cells.Text(rows[0], column.Name) ?? "(none)";
        var total = rows.Sum(r => Cells.Number(r, "count") ?? 0);
        var things = filter.Describe(table);
        var head = $"{char.ToUpperInvariant(things[0])}{things[1..]} per {column.Words}";
        if (rows.Count == 1 && !more)
            return $"{head}: all {DbNames.Number(top)} have **{value}**.";
        var tie = rows.Count > 1 && Cells.Number(rows[1], "count") == top ? " (tied)" : "";
        return $"{head}: **{value}** has the most{tie}, {DbNames.Number(top)}{(more ? "" : $" of {DbNames.Number(total)}")}.";
    }
}
