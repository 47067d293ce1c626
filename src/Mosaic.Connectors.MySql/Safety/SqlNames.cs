using System.Globalization;
using System.Text;

namespace Mosaic.Connectors.MySql.Safety;

/// <summary>
/// Names as the server compares them, so a rule sees `sleep`, "SLEEP", [sleep] and sleep as one name.
/// The fold is deliberately wider than any server's: case, compatibility forms (ſ → S) and accents
/// are all folded away, because MySQL compares some names with an accent-insensitive collation.
/// A name that folds onto a refused one is refused even where the server would not have matched it.
/// </summary>
public static class SqlNames
{
    /// <summary>The text inside `backticks`, "double quotes" or [brackets], with doubled quotes collapsed.</summary>
    public static string Unquote(string text)
    {
        if (text.Length < 2) return text;
        var (open, close) = (text[0], text[^1]);
        if (open == '[' && close == ']') return text[1..^1];
        if (open is '`' or '"' && close == open) return text[1..^1].Replace(new string(open, 2), open.ToString(), StringComparison.Ordinal);
        return text;
    }

    /// <summary>Upper case without accents or compatibility forms: the key every name rule compares.</summary>
    public static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) continue;
            sb.Append(c == 'ß' ? 'S' : char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>A name the way it is written in a tool argument (database=...): trimmed, unquoted, folded.</summary>
    public static string FoldArgument(string value) => Fold(Unquote(value.Trim()));
}
