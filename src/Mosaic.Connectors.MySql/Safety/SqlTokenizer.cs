namespace Mosaic.Connectors.MySql.Safety;

/// <summary>
/// A real lexer for the parts of MySQL/MariaDB and SQLite syntax that matter for safety: it knows
/// where strings, quoted identifiers and comments begin and end, so a keyword inside a string is
/// not a keyword and a keyword hidden in a comment is seen for what the server will do with it.
/// Comments are dropped, except MySQL's executable comments (/*! ... */, /*M! ... */) whose body
/// the server RUNS, and optimizer hints (/*+ ... */) that can change session variables for the
/// statement: those are reported so the guard can refuse them. The MySQL rules are those of the
/// sql_mode the connector pins for every session (no ANSI_QUOTES, no NO_BACKSLASH_ESCAPES).
/// </summary>
public static class SqlTokenizer
{
    public sealed record Result(IReadOnlyList<SqlToken> Tokens, bool HasExecutableComment, string? Error)
    {
        public bool HasOptimizerHint { get; init; }
    }

    public static Result Tokenize(string sql, SqlDialect dialect)
    {
        var tokens = new List<SqlToken>();
        var executable = false;
        var hint = false;
        var mySql = dialect == SqlDialect.MySql;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if ((c == '#' && mySql) || (c == '-' && next == '-' && (!mySql || IsCommentSpace(sql, i + 2))))
            {
                while (i < sql.Length && sql[i] != '\n')
                    i++;
                continue;
            }
            if (c == '/' && next == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                    return new Result(tokens, executable, "a /* comment is never closed");
                var body = sql.AsSpan(i + 2, end - i - 2);
                if (mySql && (body.StartsWith("!") || body.StartsWith("M!", StringComparison.OrdinalIgnoreCase)))
                    executable = true;
                if (mySql && body.StartsWith("+"))
                    hint = true;
                i = end + 2;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '\'':
                case '"' when mySql:
                    if (!SkipQuoted(sql, ref i, c, backslash: mySql))
                        return new Result(tokens, executable, "a string literal is never closed");
                    tokens.Add(new SqlToken(SqlTokenKind.String, sql[start..i], start));
                    continue;
                case '`':
                case '"':
                    if (!SkipQuoted(sql, ref i, c, backslash: false))
                        return new Result(tokens, executable, "a quoted identifier is never closed");
                    tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, sql[start..i], start));
                    continue;
                case '[' when !mySql:
                    var close = sql.IndexOf(']', i + 1);
                    if (close < 0)
                        return new Result(tokens, executable, "a [bracketed] identifier is never closed");
                    i = close + 1;
                    tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, sql[start..i], start));
                    continue;
                case '@':
                    i++;
                    if (i < sql.Length && sql[i] == '@')
                        i++;
                    if (i < sql.Length && sql[i] is '\'' or '"' or '`')
                    {
                        if (!SkipQuoted(sql, ref i, sql[i], backslash: mySql))
                            return new Result(tokens, executable, "a quoted variable name is never closed");
                    }
                    else
                    {
                        while (i < sql.Length && (IsWordChar(sql[i]) || sql[i] == '.'))
                            i++;
                    }
                    tokens.Add(new SqlToken(SqlTokenKind.Variable, sql[start..i], start));
                    continue;
                case ':' or '$' when !mySql && i + 1 < sql.Length && IsWordChar(sql[i + 1]):
                    // SQLite's named parameters: :name and $name.
                    i++;
                    while (i < sql.Length && IsWordChar(sql[i]))
                        i++;
                    tokens.Add(new SqlToken(SqlTokenKind.Placeholder, sql[start..i], start));
                    continue;
                case '?':
                    i++;
                    tokens.Add(new SqlToken(SqlTokenKind.Placeholder, "?", start));
                    continue;
            }

            if (char.IsDigit(c) || (c == '.' && char.IsDigit(next)))
            {
                while (i < sql.Length && (IsWordChar(sql[i]) || sql[i] == '.'))
                    i++;
                // MySQL allows identifiers that start with digits (e.g. 1abc): those are words.
                var text = sql[start..i];
                tokens.Add(new SqlToken(IsNumber(text) ? SqlTokenKind.Number : SqlTokenKind.Word, text, start));
                continue;
            }
            if (IsWordStart(c))
            {
                while (i < sql.Length && IsWordChar(sql[i]))
                    i++;
                tokens.Add(new SqlToken(SqlTokenKind.Word, sql[start..i], start));
                continue;
            }

            // Two-character operators that matter: := (assignment), the rest for completeness.
            var two = i + 1 < sql.Length ? sql.Substring(i, 2) : null;
            if (two is ":=" or "<=" or ">=" or "<>" or "!=" or "||" or "&&" or "<<" or ">>" or "->")
            {
                i += 2;
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, two, start));
                continue;
            }
            i++;
            tokens.Add(new SqlToken(SqlTokenKind.Symbol, c.ToString(), start));
        }
        return new Result(tokens, executable, null) { HasOptimizerHint = hint };
    }

    /// <summary>MySQL needs whitespace or a control character after "--" for it to start a comment.</summary>
    private static bool IsCommentSpace(string sql, int index) =>
        index >= sql.Length || char.IsWhiteSpace(sql[index]) || char.IsControl(sql[index]);

    private static bool SkipQuoted(string sql, ref int i, char quote, bool backslash)
    {
        i++;
        while (i < sql.Length)
        {
            var ch = sql[i];
            if (backslash && ch == '\\')
            {
                i += 2;
                continue;
            }
            if (ch == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                    continue;
                } // doubled quote = escaped
                i++;
                return true;
            }
            i++;
        }
        return false;
    }

    private static bool IsNumber(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^(\d+\.?\d*|\.\d+)([eE]\d*)?$|^0[xX][0-9a-fA-F]+$|^0[bB][01]+$");

    private static bool IsWordStart(char c) => char.IsLetter(c) || c is '_' or '$' || c > 127;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' || c > 127;
}
