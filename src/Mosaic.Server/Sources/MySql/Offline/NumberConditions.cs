using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// Conditions on numbers the question gives: a row it names by number ("order #1042", "order 1042") and a comparison
/// ("fewer than 10 in stock", "over 200"). Numbers are parsed, so their literal is always safe as written.
/// </summary>
public static partial class NumberConditions
{
    /// <summary>"#1042", or "order 1042" after the table's singular name: the table's *_number column, else its primary key.</summary>
    public static Condition? RowNumber(QuestionReading q, DbTable table, string? alias)
    {
        var named = Regex.Match(q.Lower, $@"\b{Regex.Escape(table.Singular)}\s+#?(?<n>\d{{2,12}})\b");
        var m = QuestionWords.RowNumber().Match(q.Text) is { Success: true } hash ? hash : named;
        if (!m.Success)
            return null;
        var column = table.Columns.FirstOrDefault(c =>
            c.Kind == ColumnKind.Number && c.Name.EndsWith("_number", StringComparison.OrdinalIgnoreCase)
        ) ?? table.PrimaryKey;
        var n = m.Groups["n"].Value;
        return column is null ? null : new($"{SqlText.Id(column, alias)} = {n}", $"#{n}") { Row = true };
    }

    /// <summary>"fewer than 10 in stock", "price over 200": the number column the question names, compared.</summary>
    public static Condition? Comparison(QuestionReading q, DbTable table, string? alias)
    {
        if (Compared().Match(q.Lower) is not { Success: true } m)
            return null;
        if (q.ColumnNamed(table, c => c.Kind == ColumnKind.Number) is not { } column)
            return null;
        var n = decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var (op, said) = m.Groups["op"].Value switch
        {
            "at least" => (">=", "at least"),
            "at most" => ("<=", "at most"),
            "more" or "greater" or "higher" or "over" or "above" => (">", "over"),
            _ => ("<", "under"),
        };
        return new($"{SqlText.Id(column, alias)} {op} {n}", $"with {column.Words} {said} {n}");
    }

    [GeneratedRegex(
        @"\b(?<op>fewer|less|lower|under|below|more|greater|higher|over|above|at least|at most)"
            + @"(?:\s+than)?\s+(?<n>\d{1,12}(?:\.\d{1,6})?)\b"
    )]
    private static partial Regex Compared();
}
