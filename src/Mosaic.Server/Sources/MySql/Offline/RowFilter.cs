namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>One condition of a WHERE clause, with how a lead says it.</summary>
/// <param name="Adjective">Said before the rows' name ("open support tickets"); otherwise after it ("customers in Berlin").</param>
public sealed record Condition(string Sql, string Phrase, bool Adjective = false)
{
    /// <summary>Names one row by its number ("order #1042").</summary>
    public bool Row { get; init; }
}

/// <summary>
/// The rows a question narrows to: values it names (a status, a city, a code), a row number (#1042) and its period.
/// Values come from the database (the values query) or, for a place the database did not show, from the question as
/// a checked literal.
/// </summary>
public sealed record RowFilter(IReadOnlyList<Condition> Conditions)
{
    /// <summary>The question's words this filter accounts for (values, places, verbs such as "paid with"), lower case.</summary>
    public IReadOnlySet<string> Explained { get; init; } = new HashSet<string>();

    public bool IsEmpty => Conditions.Count == 0;

    /// <summary>The question names one row ("order 1042"): the row itself answers, whatever else is asked of it.</summary>
    public bool NamesRow => Conditions.Any(c => c.Row);

    public string Sql => IsEmpty ? "" : $" WHERE {string.Join(" AND ", Conditions.Select(c => c.Sql))}";

    /// <summary>"3 open support tickets in the last 7 days": the rows' name with the conditions around it.</summary>
    public string Describe(DbTable table, decimal? count = null, bool one = false)
    {
        var noun = count == 1 || one ? table.Singular : table.Plural;
        var before = Conditions.Where(c => c.Adjective).Select(c => c.Phrase);
        var after = Conditions.Where(c => !c.Adjective).Select(c => c.Phrase);
        return string.Join(' ', [.. count is { } n ? [$"**{DbNames.Number(n)}**"] : Array.Empty<string>(), .. before, noun, .. after]);
    }

    /// <summary>What was searched, for the "not found" answer.</summary>
    public string Searched(DbTable table) =>
        IsEmpty ? $"the {table.Name} table" : $"the {table.Name} table for {string.Join(", ", Conditions.Select(c => c.Phrase))}";

    /// <summary>
    /// The filter for a question over <paramref name="table"/>; null when the question asks for a period and the table
    /// has no date to hold it to (answering without the period would answer another question).
    /// </summary>
    /// <param name="alias">The table's alias in a join ("s"), so its columns are never ambiguous.</param>
    /// <param name="withPeriod">False when the period applies to another table of a join (<see cref="PeriodOn"/>).</param>
    public static RowFilter? For(
        QuestionReading q,
        DbTable table,
        IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        string? alias = null,
        bool withPeriod = true
    )
    {
        var conditions = new List<Condition>();
        var found = ValueMatcher.Match(q, table, values);
        var matched = found.Where(m => !m.Verb).ToList();
        var explained = found.SelectMany(m => Words(m.Value)).ToHashSet();
        foreach (var group in matched.GroupBy(m => m.Column, StringComparer.OrdinalIgnoreCase))
        {
            var column = table.Column(group.Key)!;
            var literals = group.Select(m => SqlText.Literal(m.Value)!).Distinct().ToList();
            var id = SqlText.Id(column, alias);
            var sql = literals.Count == 1 ? $"{id} = {literals[0]}" : $"{id} IN ({string.Join(", ", literals)})";
            var shown = string.Join(" or ", group.Select(m => m.Value).Distinct());
            conditions.Add(Statusy(column) ? new(sql, shown.Replace('_', ' '), true) : new(sql, $"with {column.Words} {shown}"));
        }
        if (Place(q, table, matched, alias) is { } place)
        {
            conditions.Add(place);
            explained.UnionWith(Words(place.Phrase));
        }
        if (NumberConditions.RowNumber(q, table, alias) is { } number)
            conditions.Add(number);
        if (NumberConditions.Comparison(q, table, alias) is { } comparison)
            conditions.Add(comparison);
        if (withPeriod && q.Period is not null)
        {
            if (PeriodOn(q, table, alias) is not { } period)
                return null;
            conditions.Add(period);
        }
        return new(conditions) { Explained = explained };
    }

    private static IEnumerable<string> Words(string text) => text.ToLowerInvariant().Split(' ', '_');

    /// <summary>The question's period on the table's date column; null when there is no period or no date column.</summary>
    public static Condition? PeriodOn(QuestionReading q, DbTable table, string? alias = null)
    {
        if (q.Period is not { } period || q.DateColumn(table) is not { } date)
            return null;
        var d = SqlText.Id(date, alias);
        return new($"{d} >= {SqlText.DateTime(period.Start)} AND {d} < {SqlText.DateTime(period.End)}", period.Phrase);
    }

    /// <summary>A status-like column reads as an adjective: "open tickets", "refunded orders".</summary>
    private static bool Statusy(DbColumn c) =>
        c.Name.Equals("status", StringComparison.OrdinalIgnoreCase)
        || c.Name.Equals("state", StringComparison.OrdinalIgnoreCase)
        || c.Name.EndsWith("_status", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "customers in Berlin" when Berlin is not among the values seen (the values query reads only a sample): the place
    /// column compared case-insensitively, so the honest answer may be zero.
    /// </summary>
    private static Condition? Place(QuestionReading q, DbTable table, IReadOnlyList<ValueMatch> matched, string? alias)
    {
        if (QuestionWords.Place().Match(q.Text) is not { Success: true } m)
            return null;
        var place = m.Groups["place"].Value;
        var words = q.ValueWords(table);
        if (!place.Split(' ').All(w => words.Contains(w, StringComparer.OrdinalIgnoreCase)))
            return null;
        if (matched.Any(v => place.Contains(v.Value, StringComparison.OrdinalIgnoreCase)))
            return null;
        var twoLetters = place.Length == 2 && place.All(char.IsUpper);
        var column = twoLetters
            ? table.Column("country")
            : DbNames.PlaceNames.Where(n => n != "country").Select(table.Column).FirstOrDefault(c => c?.Kind == ColumnKind.Text);
        if (column is null || SqlText.Literal(place.ToLowerInvariant()) is not { } literal)
            return null;
        return new($"LOWER({SqlText.Id(column, alias)}) = {literal}", $"in {place}");
    }
}
