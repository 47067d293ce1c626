using System.Globalization;
using System.Text;

namespace Mosaic.Sandbox.Google.Drive;

/// <summary>
/// Drive's files.list <c>q</c> language: <c>name contains 'x'</c>, <c>fullText contains 'x'</c>, <c>mimeType = '…'</c>,
/// <c>modifiedTime &gt; '2025-01-01T00:00:00'</c>, <c>trashed = false</c>, <c>starred = true</c>, <c>sharedWithMe</c>,
/// <c>'id' in parents</c>, <c>'email' in owners</c>, combined with and/or/not and parentheses.
/// A query it cannot read throws <see cref="FormatException"/>, answered as Drive's 400 "Invalid Value".
/// </summary>
public sealed class DriveQuery
{
    private readonly List<string> _tokens;
    private int _pos;
    private readonly Func<DriveFile, string> _fullText;

    private DriveQuery(string q, Func<DriveFile, string> fullText)
    {
        _tokens = Tokenize(q);
        _fullText = fullText;
    }

    public static Func<DriveFile, bool> Parse(string q, Func<DriveFile, string> fullText)
    {
        var parser = new DriveQuery(q, fullText);
        var predicate = parser.Or();
        if (parser._pos != parser._tokens.Count)
            throw new FormatException($"unexpected '{parser._tokens[parser._pos]}'");
        return predicate;
    }

    /// <summary>True when the query says anything about trashed; otherwise Drive hides trashed files... unless asked.</summary>
    public static bool MentionsTrashed(string? q) => q?.Contains("trashed", StringComparison.Ordinal) == true;

    private string Next() => _pos < _tokens.Count ? _tokens[_pos++] : throw new FormatException("unexpected end of query");

    private string? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private Func<DriveFile, bool> Or()
    {
        var left = And();
        while (Peek is "or")
        {
            Next();
            var l = left;
            var r = And();
            left = f => l(f) || r(f);
        }
        return left;
    }

    private Func<DriveFile, bool> And()
    {
        var left = Unary();
        while (Peek is "and")
        {
            Next();
            var l = left;
            var r = Unary();
            left = f => l(f) && r(f);
        }
        return left;
    }

    private Func<DriveFile, bool> Unary()
    {
        if (Peek is "not")
        {
            Next();
            var inner = Unary();
            return f => !inner(f);
        }
        if (Peek is "(")
        {
            Next();
            var inner = Or();
            if (Next() != ")")
                throw new FormatException("missing ')'");
            return inner;
        }
        return Clause();
    }

    private Func<DriveFile, bool> Clause()
    {
        var first = Next();
        if (first == "sharedWithMe")
            return f => f.SharedWithMe;
        if (first.StartsWith('\''))
        {
            var value = first[1..];
            if (Next() != "in")
                throw new FormatException("expected 'in'");
            return Next() switch
            {
                "parents" => f => f.Parent == value || (value == "root" && f.Parent == DriveSeed.RootId),
                "owners" or "writers" => f => f.Owner.Email.Equals(value, StringComparison.OrdinalIgnoreCase),
                "readers" => _ => true,
                var other => throw new FormatException($"unknown collection {other}"),
            };
        }
        var op = Next();
        var raw = Next();
        var text = raw.StartsWith('\'') ? raw[1..] : raw;
        return (first, op) switch
        {
            ("name", "contains") => f => f.Name.Contains(text, StringComparison.OrdinalIgnoreCase),
            ("name", "=") => f => f.Name == text,
            ("name", "!=") => f => f.Name != text,
            ("fullText", "contains") => f => _fullText(f).Contains(text, StringComparison.OrdinalIgnoreCase),
            ("mimeType", "=") => f => f.MimeType == text,
            ("mimeType", "!=") => f => f.MimeType != text,
            ("mimeType", "contains") => f => f.MimeType.Contains(text, StringComparison.Ordinal),
            ("trashed", "=" or "!=") => Bool(text, op, f => f.Trashed),
            ("starred", "=" or "!=") => Bool(text, op, f => f.Starred),
            ("modifiedTime" or "createdTime" or "viewedByMeTime", _) => Time(text, op),
            _ => throw new FormatException($"unsupported clause {first} {op}"),
        };
    }

    private static Func<DriveFile, bool> Bool(string text, string op, Func<DriveFile, bool> field)
    {
        if (text is not ("true" or "false"))
            throw new FormatException("expected true or false");
        var wanted = (text == "true") == (op == "=");
        return f => field(f) == wanted;
    }

    private static Func<DriveFile, bool> Time(string text, string op)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            throw new FormatException("bad time");
        return op switch
        {
            ">" => f => f.Modified > t,
            ">=" => f => f.Modified >= t,
            "<" => f => f.Modified < t,
            "<=" => f => f.Modified <= t,
            "=" => f => f.Modified == t,
            _ => throw new FormatException("bad operator"),
        };
    }

    private static List<string> Tokenize(string q)
    {
        var tokens = new List<string>();
        for (var i = 0; i < q.Length; )
        {
            var c = q[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }
            if (c is '\'' or '"')
            {
                var sb = new StringBuilder("'");
                for (i++; i < q.Length && q[i] != c; i++)
                    sb.Append(q[i] == '\\' && i + 1 < q.Length ? q[++i] : q[i]);
                if (i >= q.Length)
                    throw new FormatException("unterminated string");
                i++;
                tokens.Add(sb.ToString());
                continue;
            }
            if (c is '=' or '<' or '>' or '!')
            {
                var op = i + 1 < q.Length && q[i + 1] == '=' ? q.Substring(i, 2) : c.ToString();
                tokens.Add(op);
                i += op.Length;
                continue;
            }
            var start = i;
            while (i < q.Length && !char.IsWhiteSpace(q[i]) && q[i] is not ('(' or ')' or '=' or '<' or '>' or '!' or '\''))
                i++;
            tokens.Add(q[start..i]);
        }
        return tokens;
    }
}
