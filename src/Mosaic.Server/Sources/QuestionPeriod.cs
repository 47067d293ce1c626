using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources;

/// <summary>
/// The period a question asks about ("yesterday", "in the last 7 days", "since Monday"), as UTC bounds, for the
/// Offline plans: what's new since, revenue over a period, the calendar this week. Days and weeks are counted in
/// <c>zone</c> (UTC when none is given); weeks start on Monday.
/// </summary>
/// <param name="Label">How the answer names the period: "yesterday", "the last 7 days".</param>
public sealed partial record QuestionPeriod(DateTimeOffset Start, DateTimeOffset End, string Label)
{
    /// <summary>The period the question names, or null when it names none.</summary>
    public static QuestionPeriod? Find(string question, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Utc;
        var q = question.ToLowerInvariant();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = new DateTimeOffset(local.Date, local.Offset);
        if (Last().Match(q) is { Success: true } last)
        {
            var n = last.Groups["n"].Success ? int.Parse(last.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
            var unit = last.Groups["u"].Value.TrimEnd('s');
            var span = unit switch
            {
                "hour" => TimeSpan.FromHours(n),
                "week" => TimeSpan.FromDays(7 * n),
                "month" => TimeSpan.FromDays(30 * n),
                _ => TimeSpan.FromDays(n),
            };
            var label = n == 1 ? $"the last {unit}" : $"the last {n} {unit}s";
            return new(now - span, now, label);
        }
        if (Since().Match(q) is { Success: true } since && SinceStart(since.Groups["w"].Value, today) is { } from)
            return new(from.ToUniversalTime(), now, $"since {since.Groups["w"].Value}");
        if (Word(q, "yesterday"))
            return new(today.AddDays(-1).ToUniversalTime(), today.ToUniversalTime(), "yesterday");
        if (Word(q, "today") || Word(q, "tonight"))
            return new(today.ToUniversalTime(), today.AddDays(1).ToUniversalTime(), "today");
        if (Word(q, "tomorrow"))
            return new(today.AddDays(1).ToUniversalTime(), today.AddDays(2).ToUniversalTime(), "tomorrow");
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (q.Contains("this week"))
            return new(monday.ToUniversalTime(), monday.AddDays(7).ToUniversalTime(), "this week");
        if (q.Contains("last week"))
            return new(monday.AddDays(-7).ToUniversalTime(), monday.ToUniversalTime(), "last week");
        if (q.Contains("next week"))
            return new(monday.AddDays(7).ToUniversalTime(), monday.AddDays(14).ToUniversalTime(), "next week");
        var first = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset);
        if (q.Contains("this month"))
            return new(first.ToUniversalTime(), first.AddMonths(1).ToUniversalTime(), "this month");
        if (q.Contains("last month"))
            return new(first.AddMonths(-1).ToUniversalTime(), first.ToUniversalTime(), "last month");
        return null;
    }

    /// <summary>The bound as SQL writes a DATETIME literal ('2026-03-10 14:00:00'), the same in SQLite, MySQL and MariaDB.</summary>
    public static string SqlLiteral(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset? SinceStart(string word, DateTimeOffset today)
    {
        if (word == "yesterday")
            return today.AddDays(-1);
        if (word == "today" || word == "this morning")
            return today;
        if (Enum.TryParse<DayOfWeek>(word, ignoreCase: true, out var day) && !int.TryParse(word, out _))
        {
            var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
            return today.AddDays(-(back == 0 ? 7 : back));
        }
        return DateTimeOffset.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : null;
    }

    private static bool Word(string q, string word) => Regex.IsMatch(q, $@"\b{word}\b");

    /// <summary>
    /// A rolling window: "in the last 7 days", "past 24 hours", "the last week". A bare "last week" or "last month" is
    /// the calendar one before this (handled after).
    /// </summary>
    [GeneratedRegex(
        @"\b(?:(?:the\s+)?(?:last|past)\s+(?<n>\d{1,4})\s+|(?:the\s+last|the\s+past|past)\s+)(?<u>hours?|days?|weeks?|months?)\b"
    )]
    private static partial Regex Last();

    [GeneratedRegex(
        @"\bsince\s+(?<w>yesterday|today|this morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}-\d{2}-\d{2})\b"
    )]
    private static partial Regex Since();
}
