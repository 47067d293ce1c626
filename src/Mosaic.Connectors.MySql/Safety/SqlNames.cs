using System.Globalization;
using System.Text;

namespace Mosaic.Connectors.MySql.Safety;

/// <summary>
/// Names as the server compares them, so a rule sees `sleep`, "SLEEP", [sleep] and sleep as one name.
/// MySQL compares some names with an accent-insensitive collation (sleép may be SLEEP), and this process
/// runs without ICU, so rather than fold accents the rules treat every non-ASCII letter as matching any
/// letter in that place (<see cref="Matches"/>): a look-alike of a refused name is refused too. Combining
/// marks and invisible format characters are dropped first.
/// </summary>
public static class SqlNames
{
    /// <summary>The text inside `backticks`, "double quotes" or [brackets], with doubled quotes collapsed.</summary>
    public static string Unquote(string text)
    {
        if (text.Length < 2)
            return text;
        var (open, close) = (text[0], text[^1]);
        if (open == '[' && close == ']')
            return text[1..^1];
        if (open is '`' or '"' && close == open)
            return text[1..^1].Replace(new string(open, 2), open.ToString(), StringComparison.Ordinal);
        return text;
    }

    /// <summary>Upper case, without combining marks or format characters: the form every name rule compares.</summary>
    public static string Fold(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
                continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>A name the way it is written in a tool argument (database=...): trimmed, unquoted, folded.</summary>
    public static string FoldArgument(string value) => Fold(Unquote(value.Trim()));

    /// <summary>
    /// True when the folded <paramref name="name"/> is <paramref name="target"/> (an upper-case ASCII name) or could be
    /// read as it: same length, and every character equal or non-ASCII. With <paramref name="prefix"/>, the name starts so.
    /// </summary>
    public static bool Matches(string name, string target, bool prefix = false)
    {
        if (prefix ? name.Length < target.Length : name.Length != target.Length)
            return false;
        for (var i = 0; i < target.Length; i++)
            if (name[i] != target[i] && name[i] < 128)
                return false;
        return true;
    }

    /// <summary>The entry of <paramref name="targets"/> the folded name matches, if any.</summary>
    public static string? Find(string name, IEnumerable<string> targets) =>
        name.All(char.IsAscii) ? targets.FirstOrDefault(t => t == name) : targets.FirstOrDefault(t => Matches(name, t));
}
