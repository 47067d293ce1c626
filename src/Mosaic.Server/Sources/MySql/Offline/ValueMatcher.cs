namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>A value of a column that the question names, where it names it.</summary>
/// <param name="Verb">Said as a verb ("orders paid with BREW10"): explains the word, filters nothing.</param>
public sealed record ValueMatch(string Column, string Value, int At, int Length, bool Verb = false);

/// <summary>
/// Finds the values the question names among a table's short text columns' values ("open" → status,
/// "BREW10" → discount_code, "San Francisco" → city). The values are the database's own, so they are exactly as stored.
/// </summary>
public static class ValueMatcher
{
    public static IReadOnlyList<ValueMatch> Match(
        QuestionReading q,
        DbTable table,
        IReadOnlyDictionary<string, IReadOnlyList<string>> values
    )
    {
        var words = q.ValueWords(table).Select(w => w.ToLowerInvariant()).ToHashSet();
        if (words.Count == 0)
            return [];
        var found = new List<ValueMatch>();
        foreach (var column in table.Columns.Where(c => c.IsShortText))
        foreach (var value in values.GetValueOrDefault(column.Name) ?? [])
            if (Find(q, value, words) is { } at && !found.Any(f => f.At == at.At && f.Length == at.Length))
                found.Add(new(column.Name, value, at.At, at.Length, at.Verb));
        // "partially refunded" also contains "refunded": the longer match says what was meant.
        return found
            .Where(f => !found.Any(o => o != f && o.Length > f.Length && o.At <= f.At && o.At + o.Length >= f.At + f.Length))
            .ToList();
    }

    private static (int At, int Length, bool Verb)? Find(QuestionReading q, string value, HashSet<string> words)
    {
        if (value.Length < 2 || SqlText.Literal(value) is null)
            return null;
        foreach (var spelling in new[] { value, value.Replace('_', ' ') }.Distinct())
        {
            var at = QuestionReading.Find(q.Text, spelling);
            if (at < 0)
                continue;
            // An upper-case code written as stored ("US", "BREW10") counts even when it is also a common word ("us");
            // otherwise one of the value's words must be a word the question does not already use for its shape.
            var exact =
                spelling.Any(char.IsLetter) && spelling == spelling.ToUpperInvariant() && q.Text.Substring(at, spelling.Length) == spelling;
            if (!exact && !spelling.ToLowerInvariant().Split(' ').Any(words.Contains))
                continue;
            return (at, spelling.Length, QuestionWords.VerbFollows().IsMatch(q.Text[(at + spelling.Length)..]));
        }
        return null;
    }
}
