using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// Picks the question's shape and writes its one statement. Pure: the schema and the values it needs are given, so
/// the question → SQL mapping is tested without a database.
/// </summary>
public static partial class QuestionTemplates
{
    /// <summary>
    /// The table the question is about: the first it names; else, for a sum or an average, the table with the number
    /// column it names ("the total stock" → products) or the one that holds amounts ("revenue yesterday" → orders).
    /// Null: the question is about no table this schema has.
    /// </summary>
    public static DbTable? Subject(QuestionReading q)
    {
        if (q.Subject is not null)
            return q.Subject;
        if (!q.Has(QuestionWords.Sum()) && !q.Has(QuestionWords.Average()))
            return null;
        return q.Schema.Tables.FirstOrDefault(t =>
            q.ColumnNamed(t, c => c.Kind == ColumnKind.Number && !ShapeWords.Contains(c.Name)) is not null
        ) ?? TotalQueries.RevenueTable(q.Schema);
    }

    /// <summary>Column names that are also the question's shape words ("the total stock"): they do not say which table.</summary>
    private static readonly HashSet<string> ShapeWords = new(
        ["total", "sum", "count", "number", "average", "value", "amount"],
        StringComparer.OrdinalIgnoreCase
    );

    /// <summary>The statement that answers the question; null when no template fits (chat then tries its own tool matching).</summary>
    public static OfflineQuery? Build(QuestionReading q, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        if (Subject(q) is not { } table || RowFilter.For(q, table, values) is not { } filter)
            return null;
        // A word no template accounts for ("customers who ordered a grinder") would be silently dropped: an answer to
        // another question. Better none, and the chat's own tool matching.
        var shape = QuestionWords.Least().Matches(q.Lower).SelectMany(m => m.Value.Split(' '));
        var unexplained = q.ValueWords(table).Select(w => w.ToLowerInvariant()).Where(w => !QuestionWords.NotValues.Contains(w));
        if (unexplained.Except(filter.Explained).Except(shape).Any())
            return null;
        if (filter.NamesRow && !q.Has(QuestionWords.Count()))
            return RowQueries.Named(q, table, filter);
        if (q.Has(QuestionWords.Count()))
            return CountQueries.Grouped(q, table, filter) ?? CountQueries.Count(q, table, filter);
        if (q.Has(QuestionWords.Average()))
            return TotalQueries.Total(q, table, filter, average: true);
        if (q.Has(QuestionWords.Latest()))
            return RowQueries.Latest(q, table, filter, newest: true);
        if (q.Has(QuestionWords.Oldest()))
            return RowQueries.Latest(q, table, filter, newest: false);
        var most = q.Has(QuestionWords.Most()) || q.Lower.Split(' ', '?', '.', ',').Contains("expensive");
        var least = q.Has(QuestionWords.Least());
        if (most || least)
            return RankQueries.Top(q, table, values, descending: !least || (most && MostFirst(q)));
        if (q.Has(QuestionWords.Sum()))
            return TotalQueries.Total(q, table, filter, average: false);
        if (!filter.IsEmpty)
            return RowQueries.Filtered(q, table, filter);
        var justTheName = q.Lower.Trim(' ', '?', '.', '!') is var bare && (bare == table.Name || bare == table.Plural);
        return q.Subject is not null && (q.Has(TableRows()) || justTheName) ? RowQueries.Table(table) : null;
    }

    /// <summary>"the orders table", "show customers", "list the products", "orders": the table's rows, nothing more asked.</summary>
    [GeneratedRegex(@"\b(?:table|rows|records)\b|^\s*(?:show|list|display|get|give)\b")]
    private static partial Regex TableRows();

    /// <summary>"most" and "least" both said ("the most expensive of the least stocked"): the first one said wins.</summary>
    private static bool MostFirst(QuestionReading q) =>
        QuestionWords.Most().Match(q.Lower).Index <= QuestionWords.Least().Match(q.Lower).Index;

    /// <summary>"show tables", "which tables are there", "list the tables": the connector's own list.</summary>
    [GeneratedRegex(@"^\s*(?:show|list)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?tables\b|\b(?:what|which)\s+tables\b|^\s*tables\s*\??\s*$")]
    public static partial Regex ShowTables();

    /// <summary>A message that is a call of one of the connector's tools ("execute_query sql=…").</summary>
    [GeneratedRegex(@"^\s*(?:list_databases|list_tables|describe_table|execute_query|whoami|whats_new)\b")]
    public static partial Regex ToolCall();

    /// <summary>"describe orders", "Describe the orders table", "columns of the orders table", "schema of customers".</summary>
    [GeneratedRegex(@"^\s*(?:describe|desc)\b|\b(?:columns|schema|structure)\s+(?:of|in|for)\b|\bwhat columns\b")]
    public static partial Regex Describe();
}
