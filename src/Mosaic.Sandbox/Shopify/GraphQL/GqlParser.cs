using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Shopify.GraphQL;

/// <summary>One selected field: <c>alias: name(args) { selection }</c>, with variables already substituted.</summary>
public sealed record GqlField(
    string ResponseKey,
    string Name,
    IReadOnlyDictionary<string, JsonNode?> Args,
    IReadOnlyList<GqlField>? Selection
);

public sealed record GqlOperation(string Type, IReadOnlyList<GqlField> Selection);

public sealed class GqlException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}

/// <summary>
/// A small GraphQL reader: one operation (query or mutation) with variable definitions, aliases,
/// arguments of every literal kind and nested selections. Fragments and directives are rejected with
/// a clear error rather than half-supported, so the simulator never silently answers something else.
/// </summary>
public sealed class GqlParser
{
    private readonly List<string> _tokens;
    private int _pos;
    private readonly JsonObject _variables;
    private readonly Dictionary<string, JsonNode?> _defaults = [];

    private GqlParser(string source, JsonObject? variables)
    {
        _tokens = GqlLexer.Tokenize(source);
        _variables = variables ?? [];
    }

    public static GqlOperation Parse(string source, JsonObject? variables)
    {
        var parser = new GqlParser(source, variables);
        var op = parser.ParseOperation();
        if (parser._pos < parser._tokens.Count)
            throw new GqlException(
                $"Parse error on \"{parser._tokens[parser._pos]}\": only one operation per document is supported",
                "parseError"
            );
        return op;
    }

    private string Peek => _pos < _tokens.Count ? _tokens[_pos] : "<EOF>";

    private string Next()
    {
        if (_pos >= _tokens.Count)
            throw new GqlException("Parse error: unexpected end of document", "parseError");
        return _tokens[_pos++];
    }

    private void Expect(string token)
    {
        var got = Next();
        if (got != token)
            throw new GqlException($"Parse error on \"{got}\": expected \"{token}\"", "parseError");
    }

    private GqlOperation ParseOperation()
    {
        var type = "query";
        if (Peek is "query" or "mutation" or "subscription")
        {
            type = Next();
            if (IsName(Peek))
                Next(); // operation name
            if (Peek == "(")
                ParseVariableDefinitions();
        }
        if (Peek == "fragment")
            throw new GqlException("Fragments are not supported by the Sandbox's Shopify simulator", "parseError");
        return new GqlOperation(type, ParseSelectionSet());
    }

    private void ParseVariableDefinitions()
    {
        Expect("(");
        while (Peek != ")")
        {
            Expect("$");
            var name = Next();
            Expect(":");
            SkipType();
            if (Peek == "=")
            {
                Next();
                _defaults[name] = ParseValue();
            }
        }
        Expect(")");
    }

    private void SkipType()
    {
        if (Peek == "[")
        {
            Next();
            SkipType();
            Expect("]");
        }
        else
            Next();
        if (Peek == "!")
            Next();
    }

    private List<GqlField> ParseSelectionSet()
    {
        Expect("{");
        var fields = new List<GqlField>();
        while (Peek != "}")
        {
            if (Peek == "...")
                throw new GqlException("Fragments are not supported by the Sandbox's Shopify simulator", "parseError");
            var name = Next();
            if (!IsName(name))
                throw new GqlException($"Parse error on \"{name}\": expected a field name", "parseError");
            var key = name;
            if (Peek == ":")
            {
                Next();
                name = Next();
            }
            var args = new Dictionary<string, JsonNode?>();
            if (Peek == "(")
            {
                Next();
                while (Peek != ")")
                {
                    var arg = Next();
                    Expect(":");
                    args[arg] = ParseValue();
                }
                Expect(")");
            }
            if (Peek == "@")
                throw new GqlException("Directives are not supported by the Sandbox's Shopify simulator", "parseError");
            fields.Add(new GqlField(key, name, args, Peek == "{" ? ParseSelectionSet() : null));
        }
        Expect("}");
        if (fields.Count == 0)
            throw new GqlException("Parse error: empty selection set", "parseError");
        return fields;
    }

    private JsonNode? ParseValue()
    {
        var token = Next();
        switch (token)
        {
            case "$":
                var name = Next();
                if (_variables.TryGetPropertyValue(name, out var v))
                    return v?.DeepClone();
                return _defaults.TryGetValue(name, out var d) ? d?.DeepClone() : null;
            case "[":
                var list = new JsonArray();
                while (Peek != "]")
                    list.Add(ParseValue());
                Next();
                return list;
            case "{":
                var obj = new JsonObject();
                while (Peek != "}")
                {
                    var key = Next();
                    Expect(":");
                    obj[key] = ParseValue();
                }
                Next();
                return obj;
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
        }
        if (token.StartsWith('"'))
            return JsonValue.Create(token[1..]);
        if (token[0] is '-' or (>= '0' and <= '9'))
            return token.Contains('.') || token.Contains('e') || token.Contains('E')
                ? JsonValue.Create(double.Parse(token, CultureInfo.InvariantCulture))
                : JsonValue.Create(long.Parse(token, CultureInfo.InvariantCulture));
        if (IsName(token))
            return JsonValue.Create(token); // enum value, e.g. CREATED_AT
        throw new GqlException($"Parse error on \"{token}\": expected a value", "parseError");
    }

    private static bool IsName(string token) => token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_');
}

internal static class GqlLexer
{
    /// <summary>Splits a document into tokens; string tokens keep a leading quote to tell them from names.</summary>
    public static List<string> Tokenize(string s)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                i++;
                continue;
            }
            if (c == '#')
            {
                while (i < s.Length && s[i] != '\n')
                    i++;
                continue;
            }
            if (c == '.' && i + 2 < s.Length && s[i + 1] == '.' && s[i + 2] == '.')
            {
                tokens.Add("...");
                i += 3;
                continue;
            }
            if ("{}():$![]=@|&".Contains(c))
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }
            if (c == '"')
            {
                tokens.Add(ReadString(s, ref i));
                continue;
            }
            var start = i;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '-' or '.' or '+'))
                i++;
            if (i == start)
                throw new GqlException($"Parse error: unexpected character '{c}'", "parseError");
            tokens.Add(s[start..i]);
        }
        return tokens;
    }

    private static string ReadString(string s, ref int i)
    {
        var sb = new StringBuilder("\"");
        i++;
        while (i < s.Length && s[i] != '"')
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
                sb.Append(
                    s[i] switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        'b' => '\b',
                        'f' => '\f',
                        'u' when i + 4 < s.Length => (char)
                            int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                        var other => other,
                    }
                );
                if (s[i] == 'u')
                    i += 4;
            }
            else
                sb.Append(s[i]);
            i++;
        }
        if (i >= s.Length)
            throw new GqlException("Parse error: unterminated string", "parseError");
        i++;
        return sb.ToString();
    }
}
