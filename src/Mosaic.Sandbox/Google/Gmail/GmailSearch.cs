using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Sandbox.Google.Gmail;

/// <summary>
/// Gmail's search operators, as the connector and people use them: from:, to:, cc:, subject:, label:,
/// is:unread|read|important|starred, in:inbox|sent|anywhere, has:attachment, after:/before: (YYYY/MM/DD),
/// newer_than:/older_than: (Nd, Nm, Ny), "phrases", -negation, OR, and plain words.
/// </summary>
public static partial class GmailSearch
{
    public static bool Matches(GmailMessage m, string? query, DateTimeOffset now)
    {
        var tokens = Token().Matches(query ?? "").Select(t => t.Value).ToList();
        var anywhere = tokens.Any(t => t.Equals("in:anywhere", StringComparison.OrdinalIgnoreCase));
        if (!anywhere && (m.Labels.Contains("SPAM") || m.Labels.Contains("TRASH")))
            return false;
        // "a OR b" groups alternatives; everything else is ANDed.
        var groups = new List<List<string>> { new() };
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == "OR" && groups[^1].Count > 0 && i + 1 < tokens.Count)
            {
                var left = groups[^1][^1];
                groups[^1][^1] = $"{left}\u0001{tokens[++i]}";
                continue;
            }
            groups[^1].Add(tokens[i]);
        }
        return groups[0].All(t => t.Split('\u0001').Any(alt => Term(m, alt, now)));
    }

    private static bool Term(GmailMessage m, string term, DateTimeOffset now)
    {
        var negate = term.StartsWith('-');
        if (negate)
            term = term[1..];
        var colon = term.IndexOf(':');
        var result =
            colon > 0 && !term.StartsWith('"')
                ? Operator(m, term[..colon].ToLowerInvariant(), term[(colon + 1)..].Trim('"'), now)
                : Text(m).Contains(term.Trim('"'), StringComparison.OrdinalIgnoreCase);
        return result != negate;
    }

    private static bool Operator(GmailMessage m, string op, string value, DateTimeOffset now) =>
        op switch
        {
            "from" => m.From.Contains(value, StringComparison.OrdinalIgnoreCase),
            "to" => m.To.Contains(value, StringComparison.OrdinalIgnoreCase)
                || (m.Cc?.Contains(value, StringComparison.OrdinalIgnoreCase) ?? false),
            "cc" => m.Cc?.Contains(value, StringComparison.OrdinalIgnoreCase) ?? false,
            "subject" => m.Subject.Contains(value, StringComparison.OrdinalIgnoreCase),
            "label" => m.Labels.Any(l =>
                l.Equals(value, StringComparison.OrdinalIgnoreCase) || l.Equals($"CATEGORY_{value}", StringComparison.OrdinalIgnoreCase)
            ),
            "category" => m.Labels.Contains($"CATEGORY_{value.ToUpperInvariant()}"),
            "is" => value.ToLowerInvariant() switch
            {
                "unread" => m.Labels.Contains("UNREAD"),
                "read" => !m.Labels.Contains("UNREAD"),
                "important" => m.Labels.Contains("IMPORTANT"),
                "starred" => m.Labels.Contains("STARRED"),
                _ => false,
            },
            "in" => value.ToLowerInvariant() switch
            {
                "anywhere" => true,
                "inbox" => m.Labels.Contains("INBOX"),
                "sent" => m.Labels.Contains("SENT"),
                _ => m.Labels.Contains(value.ToUpperInvariant()),
            },
            "has" => value == "attachment" && m.Attachment is not null,
            "after" or "newer" => Date(value) is { } after && m.Date >= after,
            "before" or "older" => Date(value) is { } before && m.Date < before,
            "newer_than" => Age(value) is { } n && m.Date >= now - n,
            "older_than" => Age(value) is { } o && m.Date < now - o,
            _ => Text(m).Contains($"{op}:{value}", StringComparison.OrdinalIgnoreCase),
        };

    private static string Text(GmailMessage m) => $"{m.From} {m.To} {m.Cc} {m.Subject} {m.Body}";

    private static DateTimeOffset? Date(string value)
    {
        if (long.TryParse(value, out var epoch))
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        return DateTime.TryParseExact(
            value.Replace('-', '/'),
            ["yyyy/M/d", "yyyy/MM/dd"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var d
        )
            ? new DateTimeOffset(d, TimeSpan.Zero)
            : null;
    }

    private static TimeSpan? Age(string value)
    {
        if (value.Length < 2 || !int.TryParse(value[..^1], out var n))
            return null;
        return char.ToLowerInvariant(value[^1]) switch
        {
            'd' => TimeSpan.FromDays(n),
            'm' => TimeSpan.FromDays(30 * n),
            'y' => TimeSpan.FromDays(365 * n),
            'h' => TimeSpan.FromHours(n),
            _ => null,
        };
    }

    [GeneratedRegex("""-?[\w]+:"[^"]*"|-?"[^"]*"|\S+""")]
    private static partial Regex Token();
}
