namespace Mosaic.Sandbox.Jira;

/// <summary>A JQL error, reported as Jira does: 400 with errorMessages.</summary>
public sealed class JqlException(string message) : Exception(message);

public enum JqlTokenKind
{
    Word,
    String,
    Operator,
    LParen,
    RParen,
    Comma,
    End,
}

public sealed record JqlToken(JqlTokenKind Kind, string Text, int Position);

/// <summary>Splits JQL into words, quoted strings, operators, parentheses and commas.</summary>
public static class JqlLexer
{
    private static readonly string[] Operators = ["!=", ">=", "<=", "!~", "=", "~", ">", "<"];

    public static List<JqlToken> Tokenize(string jql)
    {
        var tokens = new List<JqlToken>();
        var i = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c is '(' or ')' or ',')
            {
                tokens.Add(
                    new(
                        c == '(' ? JqlTokenKind.LParen
                            : c == ')' ? JqlTokenKind.RParen
                            : JqlTokenKind.Comma,
                        c.ToString(),
                        i
                    )
                );
                i++;
                continue;
            }
            if (c is '"' or '\'')
            {
                var end = jql.IndexOf(c, i + 1);
                if (end < 0)
                    throw new JqlException($"Error in the JQL Query: The quoted string starting at character {i + 1} is not terminated.");
                tokens.Add(new(JqlTokenKind.String, jql[(i + 1)..end], i));
                i = end + 1;
                continue;
            }
            if (Operators.FirstOrDefault(op => string.CompareOrdinal(jql, i, op, 0, op.Length) == 0) is { } found)
            {
                tokens.Add(new(JqlTokenKind.Operator, found, i));
                i += found.Length;
                continue;
            }
            var start = i;
            while (
                i < jql.Length
                && !char.IsWhiteSpace(jql[i])
                && jql[i] is not ('(' or ')' or ',' or '"' or '\'' or '=' or '!' or '~' or '>' or '<')
            )
                i++;
            if (i == start)
                throw new JqlException(
                    $"Error in the JQL Query: The character '{c}' is a reserved JQL character. (line 1, character {i + 1})"
                );
            tokens.Add(new(JqlTokenKind.Word, jql[start..i], start));
        }
        tokens.Add(new(JqlTokenKind.End, "", jql.Length));
        return tokens;
    }
}
