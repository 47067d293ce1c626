namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// Ranks a table's rows by what another table says about them, through the column that points back
/// (orders.customer_id → customers): money spent, units sold, or how many rows ("customers with the most tickets").
/// </summary>
public static class RelatedQueries
{
    private static readonly string[] QuantityNames = ["quantity", "qty", "units"];

    /// <summary>Tables whose rows mostly record money changing hands: their amounts are what was spent.</summary>
    private static readonly string[] SaleNames = ["order", "sale", "invoice", "purchase", "transaction", "payment"];

    private const string SubjectAlias = "s";
    private const string RelatedAlias = "r";

    public static OfflineQuery? Top(
        QuestionReading q,
        DbTable table,
        IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        bool descending
    )
    {
        if (table.PrimaryKey is not { } pk)
            return null;
        var pointing = q.Schema.Tables.Where(t => t != table && t.ForeignKeyTo(table) is not null).ToList();
        var named = q.Tables.Skip(1).FirstOrDefault(pointing.Contains);
        var spend = QuestionWords.Spend().Match(q.Lower);
        (DbTable Table, string Sql, string Alias, Func<string, string, string> Say)? plan = null;
        if (
            q.Has(QuestionWords.Sold())
            && (named ?? pointing.FirstOrDefault(t => Quantity(t) is not null)) is { } sold
            && Quantity(sold) is { } qty
        )
            plan = (sold, $"SUM({SqlText.Id(qty, RelatedAlias)})", "units_sold", (who, n) =>
                $"{who} sold the {Most(descending)}: {n} units"
            );
        else if (spend.Success && (named ?? BestSaleTable(pointing)) is { } paid && Amount(paid) is { } amount)
            plan = (paid, amount, Alias(spend.Value), (who, n) => $"{who} {Spent(spend.Value, descending)}: {n}");
        else if (named is not null)
            plan = (named, $"COUNT({SqlText.Id(named.ForeignKeyTo(table)!, RelatedAlias)})", named.Name, (who, n) =>
                $"{who} has the {Most(descending)} {named.Plural}: {n}"
            );
        if (plan is not { } p)
            return null;

        var filter = RowFilter.For(q, table, values, SubjectAlias, withPeriod: false);
        var period = RowFilter.PeriodOn(q, p.Table, RelatedAlias);
        if (filter is null || (q.Period is not null && period is null))
            return null;
        var fk = SqlText.Id(p.Table.ForeignKeyTo(table)!, RelatedAlias);
        var labels = table.LabelColumns.Select(c => $"{SqlText.Id(c, SubjectAlias)} AS {SqlText.Id(c)}").ToList();
        var counted = p.Alias == p.Table.Name ? "" : $", COUNT({fk}) AS {SqlText.Id(p.Table.Name)}";
        var key = SqlText.Id(pk, SubjectAlias);
        var groupBy = string.Join(", ", [key, .. table.LabelColumns.Where(c => c != pk).Select(c => SqlText.Id(c, SubjectAlias))]);
        var limit = q.Limit ?? QuestionReading.DefaultLimit;
        var sql =
            $"SELECT {string.Join(", ", labels)}, COALESCE({p.Sql}, 0) AS {SqlText.Id(p.Alias)}{counted} "
            + $"FROM {SqlText.Id(table)} AS {SubjectAlias} LEFT JOIN {SqlText.Id(p.Table)} AS {RelatedAlias} "
            + $"ON {fk} = {key}{(period is null ? "" : $" AND {period.Sql}")}{filter.Sql} "
            + $"GROUP BY {groupBy} ORDER BY {SqlText.Id(p.Alias)} {(descending ? "DESC" : "ASC")}, {key} LIMIT {limit}";
        var money = spend.Success && p.Alias == Alias(spend.Value);
        return new(
            sql,
            (rows, _) =>
            {
                if (rows.Count == 0)
                    return null;
                var over = counted.Length == 0 ? "" : $" over {DbNames.Count(Cells.Number(rows[0], p.Table.Name) ?? 0, p.Table)}";
                var when = period is null ? "" : $" {period.Phrase}";
                return $"{p.Say(Cells.Label(rows[0], table) ?? "?", Cells.Show(Cells.Number(rows[0], p.Alias), money))}{over}{when}.";
            },
            $"{filter.Searched(table)} joined to the {p.Table.Name} table"
        )
        {
            Limit = limit,
        };
    }

    /// <summary>What a row of the table is worth: quantity × unit price when it has both, else its money column.</summary>
    private static string? Amount(DbTable t)
    {
        if (t.MoneyColumn is not { } money)
            return null;
        var sum =
            Quantity(t) is { } qty && money.Name.Contains("price", StringComparison.OrdinalIgnoreCase)
                ? $"{SqlText.Id(qty, RelatedAlias)} * {SqlText.Id(money, RelatedAlias)}"
                : SqlText.Id(money, RelatedAlias);
        return $"SUM({sum})";
    }

    private static DbColumn? Quantity(DbTable t) => QuantityNames.Select(t.Column).FirstOrDefault(c => c?.Kind == ColumnKind.Number);

    /// <summary>The pointing table with money, sales-like names first (orders before support_tickets).</summary>
    private static DbTable? BestSaleTable(IReadOnlyList<DbTable> pointing) =>
        pointing
            .Where(t => t.MoneyColumn is not null)
            .OrderBy(t => SaleNames.Any(n => t.Name.Contains(n, StringComparison.OrdinalIgnoreCase)) ? 0 : 1)
            .FirstOrDefault();

    /// <summary>The sum's column name: "total_spent" for spending, else the question's word ("lifetime_value", "revenue").</summary>
    private static string Alias(string word) => IsSpending(word) ? "total_spent" : word.Replace(' ', '_');

    private static bool IsSpending(string word) =>
        word.StartsWith("sp", StringComparison.Ordinal) || word.StartsWith("paid", StringComparison.Ordinal);

    private static string Most(bool descending) => descending ? "most" : "least";

    /// <summary>"spent the most" for spending words; "has the highest lifetime value" for the others.</summary>
    private static string Spent(string word, bool descending) =>
        IsSpending(word) ? $"spent the {Most(descending)}" : $"has the {(descending ? "highest" : "lowest")} {word}";
}
