namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>Rows themselves: the latest N by date, the rows a filter keeps ("open support tickets"), or a table's first rows.</summary>
public static class RowQueries
{
    /// <summary>Columns a row list shows: the label, then the short columns, never long text or other tables' ids.</summary>
    private const int MaxColumns = 8;

    /// <summary>"latest orders", "newest customers", "the 3 oldest tickets": ordered by the table's date column.</summary>
    public static OfflineQuery? Latest(QuestionReading q, DbTable table, RowFilter filter, bool newest)
    {
        if (q.DateColumn(table) is not { } date)
            return null;
        var limit = q.Limit ?? QuestionReading.DefaultLimit;
        var sql =
            $"SELECT {Columns(table)} FROM {SqlText.Id(table)}{filter.Sql} "
            + $"ORDER BY {SqlText.Id(date)} {(newest ? "DESC" : "ASC")}{TieBreak(table, newest)} LIMIT {limit}";
        var which = newest ? "latest" : "oldest";
        return new(
            sql,
            (rows, _) =>
                rows.Count == 0
                    ? null
                    : $"The {which} {filter.Describe(table, one: true)} is {Label(rows[0], table)}, from {Cells.Text(rows[0], date.Name)}.",
            filter.Searched(table)
        )
        {
            Limit = limit,
        };
    }

    /// <summary>"open support tickets", "orders with BREW10": the rows the filter keeps, newest first.</summary>
    public static OfflineQuery Filtered(QuestionReading q, DbTable table, RowFilter filter)
    {
        var limit = q.Limit ?? QuestionReading.MaxLimit;
        var order = q.DateColumn(table) is { } date ? $" ORDER BY {SqlText.Id(date)} DESC{TieBreak(table, true)}" : PrimaryKeyOrder(table);
        var sql = $"SELECT {Columns(table)} FROM {SqlText.Id(table)}{filter.Sql}{order} LIMIT {limit}";
        return new(
            sql,
            (rows, more) =>
                rows.Count == 0 ? null
                : more ? $"Showing the first {rows.Count} {filter.Describe(table)}."
                : $"There {(rows.Count == 1 ? "is" : "are")} {filter.Describe(table, rows.Count)}.",
            filter.Searched(table)
        )
        {
            Limit = limit,
        };
    }

    /// <summary>
    /// "What is the total of order 1042?": the row itself, every column, led by the column asked for when one is named
    /// ("Order #1042 has total **224.10**."). No row: the renderer's "nothing found".
    /// </summary>
    public static OfflineQuery Named(QuestionReading q, DbTable table, RowFilter filter)
    {
        var sql = $"SELECT * FROM {SqlText.Id(table)}{filter.Sql}{PrimaryKeyOrder(table)} LIMIT 5";
        var asked = q.ColumnNamed(table);
        return new(
            sql,
            (rows, _) =>
            {
                if (rows.Count != 1)
                    return null;
                var name = $"{char.ToUpperInvariant(table.Singular[0])}{table.Singular[1..]} {Label(rows[0], table)}";
                if (asked is null || Cells.Text(rows[0], asked.Name) is not { } value)
                    return $"{name}:";
                var shown = asked.IsMoney && Cells.Number(rows[0], asked.Name) is { } n ? DbNames.Number(n, true) : value;
                return $"{name} has {asked.Words} **{shown}**.";
            },
            filter.Searched(table)
        );
    }

    /// <summary>"the orders table": its first rows, every column, as before.</summary>
    public static OfflineQuery Table(DbTable table) =>
        new($"SELECT * FROM {SqlText.Id(table)}{PrimaryKeyOrder(table)} LIMIT 20", (_, _) => null, $"the {table.Name} table")
        {
            Limit = 20,
        };

    private static string Columns(DbTable table)
    {
        var shown = table
            .LabelColumns.Concat(
                table.Columns.Where(c =>
                    !c.PrimaryKey
                    && !c.Name.EndsWith("_id", StringComparison.OrdinalIgnoreCase)
                    && (c.Kind is ColumnKind.Number or ColumnKind.Date || c.IsShortText)
                )
            )
            .Distinct()
            .Take(MaxColumns)
            .ToList();
        if (table.DateColumn is { } date && !shown.Contains(date))
            shown[^1] = date;
        return string.Join(", ", shown.Select(c => SqlText.Id(c)));
    }

    /// <summary>Rows with the same date keep one order, so the answer is the same every time.</summary>
    private static string TieBreak(DbTable table, bool descending) =>
        table.PrimaryKey is { } pk ? $", {SqlText.Id(pk)} {(descending ? "DESC" : "ASC")}" : "";

    private static string PrimaryKeyOrder(DbTable table) => table.PrimaryKey is { } pk ? $" ORDER BY {SqlText.Id(pk)}" : "";

    /// <summary>An order number reads "#1044"; other labels as they are.</summary>
    private static string Label(System.Text.Json.JsonElement row, DbTable table) =>
        Cells.Label(row, table) is { } label
            ? table.KeyColumn is { Kind: ColumnKind.Number } && table.NameColumns.Count == 0
                ? $"#{label}"
                : label
            : "?";
}
