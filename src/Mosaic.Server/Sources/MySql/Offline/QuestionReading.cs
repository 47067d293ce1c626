using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>A time span the question asks about ("yesterday"), in UTC, with how the lead says it.</summary>
public sealed record PeriodSpan(DateTimeOffset Start, DateTimeOffset End, string Label)
{
    /// <summary>"the last 7 days" reads "in the last 7 days"; "yesterday" reads as it is.</summary>
    public string Phrase => Label.StartsWith("the ", StringComparison.Ordinal) ? $"in {Label}" : Label;
}

/// <summary>
/// A question read against a schema: the tables it names (first named first), the N it asks for and its period.
/// Only names from the schema come out of here; the question's own text reaches SQL only as a checked literal.
/// </summary>
public sealed class QuestionReading
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 50;

    public QuestionReading(string query, DbSchema schema, PeriodSpan? period = null)
    {
        Text = query;
        Lower = query.ToLowerInvariant();
        Schema = schema;
        Period = period;
        // Earliest first; at one place the longer name wins ("order items" is order_items, not orders).
        Tables = schema
            .Tables.Select(t => (Table: t, Match: TableAt(t)))
            .Where(m => m.Match.At >= 0)
            .OrderBy(m => m.Match.At)
            .ThenByDescending(m => m.Match.Length)
            .Select(m => m.Table)
            .ToList();
        Limit = QuestionWords.Limit().Match(Lower) is { Success: true } m ? Math.Clamp(int.Parse(m.Groups["n"].Value), 1, MaxLimit) : null;
    }

    public string Text { get; }
    public string Lower { get; }
    public DbSchema Schema { get; }
    public PeriodSpan? Period { get; }

    /// <summary>The tables the question names, in the order it names them.</summary>
    public IReadOnlyList<DbTable> Tables { get; }

    /// <summary>What the question is about: the first table it names.</summary>
    public DbTable? Subject => Tables.Count > 0 ? Tables[0] : null;

    /// <summary>The N the question asks for ("top 5"), capped at <see cref="MaxLimit"/>; null when it asks none.</summary>
    public int? Limit { get; }

    public bool Has(Regex pattern) => pattern.IsMatch(Lower);

    /// <summary>Whole-word (or whole-phrase) presence in the question, case-insensitive.</summary>
    public bool Says(string phrase) => Find(Lower, phrase) >= 0;

    /// <summary>Where a phrase occurs in <paramref name="text"/> as whole words; -1 when it does not.</summary>
    public static int Find(string text, string phrase)
    {
        if (phrase.Length == 0)
            return -1;
        var m = Regex.Match(
            text,
            $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
        );
        return m.Success ? m.Index : -1;
    }

    /// <summary>
    /// A column of <paramref name="table"/> the question names: "financial status", "financial_status", or the last word
    /// of its name ("status" → financial_status, the first such column). Primary and foreign keys are never meant.
    /// </summary>
    public DbColumn? ColumnNamed(DbTable table, Func<DbColumn, bool>? fits = null, string? within = null)
    {
        var text = within ?? Lower;
        var candidates = table.Columns.Where(c => !c.PrimaryKey && !c.Name.EndsWith("_id", StringComparison.OrdinalIgnoreCase));
        if (fits is not null)
            candidates = candidates.Where(fits);
        var list = candidates.ToList();
        return list.FirstOrDefault(c => Find(text, c.Words) >= 0 || Find(text, c.Name) >= 0)
            ?? list.FirstOrDefault(c => c.Words.Split(' ') is { Length: > 1 } w && Find(text, w[^1]) >= 0);
    }

    /// <summary>The date a period applies to: the one the question names ("updated in the last 3 days"), else the table's.</summary>
    public DbColumn? DateColumn(DbTable table) =>
        table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Date && Says(c.Words.Split(' ')[0])) ?? table.DateColumn;

    /// <summary>
    /// Words of the question that could be a value of a column (a status, a city, a code): not a shape word, not a table's
    /// or a column's name. When there are none, the values query is not worth making.
    /// </summary>
    public IReadOnlyList<string> ValueWords(DbTable table)
    {
        var names = Schema
            .Tables.SelectMany(t => new[] { t.Plural, t.Singular })
            .Concat(table.Columns.SelectMany(c => new[] { c.Words, DbNames.Singular(c.Words) }))
            .SelectMany(n => QuestionWords.Word().Matches(n).Select(m => m.Value))
            .ToHashSet();
        return QuestionWords
            .Word()
            .Matches(Text)
            .Select(w => w.Value)
            .Where(w => Code(w) || !QuestionWords.NotValues.Contains(w.ToLowerInvariant()) && !names.Contains(w.ToLowerInvariant()))
            .Where(w => !w.All(c => char.IsDigit(c) || c is '-' or ':')) // "top 5", "#1042", "since 2025-05-01": not values
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>"US", "BREW10": written in capitals, so a value even when it is also a common word.</summary>
    private static bool Code(string word) => word.Length >= 2 && word.Any(char.IsLetter) && word == word.ToUpperInvariant();

    /// <summary>Where the table is named: its name, its name as words, singular or plural, or the last word of a long name.</summary>
    private (int At, int Length) TableAt(DbTable table)
    {
        var strong = Earliest([table.Name, table.Plural, table.Singular]);
        if (strong.At >= 0)
            return strong;
        // "tickets" for support_tickets: weaker, so only when no other table's name ends in that word.
        var tail = table.Plural.Split(' ')[^1];
        var alone = table.Plural.Contains(' ') && Schema.Tables.Count(t => t.Plural.Split(' ')[^1] == tail) == 1;
        return alone ? Earliest([tail, DbNames.Singular(tail)]) : (-1, 0);
    }

    private (int At, int Length) Earliest(IEnumerable<string> phrases) =>
        phrases
            .Select(p => (At: Find(Lower, p), p.Length))
            .Where(m => m.At >= 0)
            .OrderBy(m => m.At)
            .ThenByDescending(m => m.Length)
            .DefaultIfEmpty((-1, 0))
            .First();
}
