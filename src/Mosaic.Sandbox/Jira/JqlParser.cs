namespace Mosaic.Sandbox.Jira;

/// <summary>A parsed query: the filter, whether it restricts anything, and its ORDER BY.</summary>
public sealed record JqlQuery(Func<JiraIssue, bool> Where, bool Bounded, IReadOnlyList<(string Field, bool Descending)> OrderBy)
{
    public IEnumerable<JiraIssue> Apply(IEnumerable<JiraIssue> issues)
    {
        var filtered = issues.Where(Where);
        var keys = OrderBy.Count > 0 ? OrderBy : [("created", true)];
        IOrderedEnumerable<JiraIssue>? ordered = null;
        foreach (var (field, desc) in keys)
        {
            Func<JiraIssue, IComparable> key = JqlFields.SortKey(field);
            ordered = ordered is null
                ? desc
                    ? filtered.OrderByDescending(key)
                    : filtered.OrderBy(key)
                : desc
                    ? ordered.ThenByDescending(key)
                    : ordered.ThenBy(key);
        }
        return ordered!.ThenByDescending(i => int.Parse(i.Id));
    }
}

/// <summary>
/// The JQL subset the Sandbox understands: clauses joined by AND / OR / NOT with parentheses; operators
/// = != ~ !~ &gt; &gt;= &lt; &lt;= IN, NOT IN, IS [NOT] EMPTY; ORDER BY. Fields are listed in <see cref="JqlFields"/>.
/// </summary>
public sealed class JqlParser(List<JqlToken> tokens, JqlFields fields)
{
    private int _at;

    public static JqlQuery Parse(string jql, JiraStore store, DateTimeOffset now)
    {
        var parser = new JqlParser(JqlLexer.Tokenize(jql), new JqlFields(store, now));
        var bounded = !parser.AtOrderBy() && parser.Peek.Kind != JqlTokenKind.End;
        var where = bounded ? parser.Or() : (_ => true);
        var order = parser.OrderBy();
        if (parser.Peek.Kind != JqlTokenKind.End)
            throw parser.Unexpected("'AND', 'OR' or 'ORDER BY'");
        return new JqlQuery(where, bounded, order);
    }

    private JqlToken Peek => tokens[_at];

    private JqlToken Next() => tokens[_at++];

    private bool IsWord(string word, int ahead = 0) =>
        tokens[Math.Min(_at + ahead, tokens.Count - 1)] is { Kind: JqlTokenKind.Word } t
        && t.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool AtOrderBy() => IsWord("ORDER") && IsWord("BY", 1);

    private Func<JiraIssue, bool> Or()
    {
        var left = And();
        while (IsWord("OR"))
        {
            Next();
            var l = left;
            var r = And();
            left = i => l(i) || r(i);
        }
        return left;
    }

    private Func<JiraIssue, bool> And()
    {
        var left = Unary();
        while (IsWord("AND"))
        {
            Next();
            var l = left;
            var r = Unary();
            left = i => l(i) && r(i);
        }
        return left;
    }

    private Func<JiraIssue, bool> Unary()
    {
        if (IsWord("NOT"))
        {
            Next();
            var inner = Unary();
            return i => !inner(i);
        }
        if (Peek.Kind != JqlTokenKind.LParen)
            return Clause();
        Next();
        var expr = Or();
        if (Next().Kind != JqlTokenKind.RParen)
            throw Unexpected("')'");
        return expr;
    }

    private Func<JiraIssue, bool> Clause()
    {
        var field = Next();
        if (field.Kind is not (JqlTokenKind.Word or JqlTokenKind.String))
            throw Unexpected("a field name", field);
        string op;
        if (Peek.Kind == JqlTokenKind.Operator)
            op = Next().Text;
        else if (IsWord("IN"))
        {
            Next();
            op = "in";
        }
        else if (IsWord("NOT") && IsWord("IN", 1))
        {
            _at += 2;
            op = "not in";
        }
        else if (IsWord("IS") && IsWord("NOT", 1))
        {
            _at += 2;
            op = "is not";
        }
        else if (IsWord("IS"))
        {
            Next();
            op = "is";
        }
        else
            throw Unexpected("an operator");
        var values = op is "in" or "not in" ? List() : [Value()];
        return fields.Predicate(field.Text.ToLowerInvariant(), op, values);
    }

    private List<string> List()
    {
        if (Next().Kind != JqlTokenKind.LParen)
            throw Unexpected("'('");
        var values = new List<string> { Value() };
        while (Peek.Kind == JqlTokenKind.Comma)
        {
            Next();
            values.Add(Value());
        }
        if (Next().Kind != JqlTokenKind.RParen)
            throw Unexpected("')'");
        return values;
    }

    private string Value()
    {
        var token = Next();
        if (token.Kind == JqlTokenKind.String)
            return token.Text;
        if (token.Kind != JqlTokenKind.Word)
            throw Unexpected("a value", token);
        if (Peek.Kind != JqlTokenKind.LParen)
            return token.Text;
        Next(); // a function such as currentUser() or startOfDay(): no arguments supported
        if (Next().Kind != JqlTokenKind.RParen)
            throw Unexpected("')'");
        return token.Text + "()";
    }

    private List<(string, bool)> OrderBy()
    {
        var order = new List<(string, bool)>();
        if (!AtOrderBy())
            return order;
        _at += 2;
        do
        {
            if (order.Count > 0)
                Next();
            var field = Next().Text.ToLowerInvariant();
            JqlFields.SortKey(field);
            var desc = IsWord("DESC");
            if (desc || IsWord("ASC"))
                Next();
            order.Add((field, desc));
        } while (Peek.Kind == JqlTokenKind.Comma);
        return order;
    }

    private JqlException Unexpected(string expected, JqlToken? got = null)
    {
        var token = got ?? Peek;
        var text = token.Kind == JqlTokenKind.End ? "the end of the query" : $"'{token.Text}'";
        return new JqlException($"Error in the JQL Query: Expecting {expected} but got {text}. (line 1, character {token.Position + 1})");
    }
}
