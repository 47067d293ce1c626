using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Sandbox.Shopify;

/// <summary>One term of Shopify's search syntax: <c>field:value</c>, <c>field:&gt;=value</c>, <c>-field:value</c> or a bare word.</summary>
public sealed record SearchTerm(string? Field, string Op, string Value, bool Negated);

/// <summary>
/// Shopify's search query syntax, as far as the catalogue needs: terms joined by spaces (AND) or
/// <c>OR</c>, quoted values, comparisons on dates and numbers, <c>-</c> negation. Fields the entity
/// does not know fall back to a free-text match, as Shopify does.
/// </summary>
public sealed partial class ShopifySearch
{
    private readonly List<List<SearchTerm>> _groups;

    private ShopifySearch(List<List<SearchTerm>> groups) => _groups = groups;

    public static ShopifySearch Parse(string? query)
    {
        var groups = new List<List<SearchTerm>> { new() };
        foreach (Match m in TermPattern().Matches(query ?? ""))
        {
            var text = m.Value;
            if (text is "OR")
            {
                groups.Add([]);
                continue;
            }
            if (text is "AND")
                continue;
            var negated = text.StartsWith('-');
            text = text.TrimStart('-');
            var colon = text.IndexOf(':');
            if (colon <= 0 || text.StartsWith('"'))
            {
                groups[^1].Add(new SearchTerm(null, ":", Unquote(text), negated));
                continue;
            }
            var field = text[..colon].ToLowerInvariant();
            var rest = text[(colon + 1)..];
            var op =
                rest.StartsWith(">=") || rest.StartsWith("<=") ? rest[..2]
                : rest.StartsWith('>') || rest.StartsWith('<') ? rest[..1]
                : ":";
            groups[^1].Add(new SearchTerm(field, op, Unquote(rest[(op == ":" ? 0 : op.Length)..]), negated));
        }
        return new ShopifySearch([.. groups.Where(g => g.Count > 0)]);
    }

    /// <summary>
    /// True when any OR-group has all its terms matching. <paramref name="match"/> answers one fielded term
    /// (null when the field is unknown); <paramref name="text"/> is the entity's free-text haystack.
    /// </summary>
    public bool Matches(Func<SearchTerm, bool?> match, string text) =>
        _groups.Count == 0
        || _groups.Any(g =>
            g.All(term =>
            {
                var result = term.Field is null ? null : match(term);
                result ??= text.Contains(term.Value, StringComparison.OrdinalIgnoreCase);
                return result.Value != term.Negated;
            })
        );

    public static bool Text(SearchTerm t, string? value) =>
        value is not null
        && (
            t.Value.EndsWith('*')
                ? value.StartsWith(t.Value.TrimEnd('*'), StringComparison.OrdinalIgnoreCase)
                : value.Equals(t.Value, StringComparison.OrdinalIgnoreCase)
        );

    public static bool Date(SearchTerm t, DateTimeOffset value)
    {
        if (!DateTimeOffset.TryParse(t.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var bound))
            return false;
        var dateOnly = !t.Value.Contains('T');
        return t.Op switch
        {
            ">" => dateOnly ? value >= bound.AddDays(1) : value > bound,
            ">=" => value >= bound,
            "<" => value < bound,
            "<=" => dateOnly ? value < bound.AddDays(1) : value <= bound,
            _ => dateOnly ? value >= bound && value < bound.AddDays(1) : value == bound,
        };
    }

    public static bool Number(SearchTerm t, decimal value) =>
        decimal.TryParse(t.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var bound)
        && t.Op switch
        {
            ">" => value > bound,
            ">=" => value >= bound,
            "<" => value < bound,
            "<=" => value <= bound,
            _ => value == bound,
        };

    private static string Unquote(string s) => s.Trim('"', '\'');

    [GeneratedRegex("""-?[\w.]+:(?:[<>]=?)?(?:"[^"]*"|'[^']*'|\S+)|"[^"]*"|\S+""")]
    private static partial Regex TermPattern();
}
