using System.Globalization;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Slack;

/// <summary>Slack's message markup and timestamps, turned into what a person reads.</summary>
public static partial class SlackText
{
    /// <summary>&lt;@U123&gt; → @Alice Chen, &lt;#C1|name&gt; → #name, &lt;url|label&gt; → label (url), entities unescaped.</summary>
    public static string Readable(string text, Func<string, string?> userName)
    {
        text = Mention()
            .Replace(text, m => "@" + (userName(m.Groups[1].Value) ?? (m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value)));
        text = ChannelRef().Replace(text, m => "#" + (m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value));
        text = Special().Replace(text, m => "@" + m.Groups[1].Value);
        text = Link().Replace(text, m => m.Groups[2].Success ? $"{m.Groups[2].Value} ({m.Groups[1].Value})" : m.Groups[1].Value);
        return text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
    }

    /// <summary>A Slack ts ("1712345678.000200") as an ISO 8601 UTC time.</summary>
    public static string Iso(string ts) =>
        double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset
                .FromUnixTimeMilliseconds((long)(seconds * 1000))
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : ts;

    /// <summary>Accepts a Slack ts, Unix seconds, or an ISO date/time, and returns a Slack ts for oldest/latest.</summary>
    public static string? ToTs(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return value;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000000";
        throw new ToolInputException(
            $"{parameter} must be an ISO date or time (2024-05-01, 2024-05-01T09:30:00Z) or a Slack ts (1714555800.000100); got "
                + $"\"{value}\"."
        );
    }

    /// <summary>The documented permalink form, built locally instead of one chat.getPermalink call per message.</summary>
    public static string Permalink(string workspaceUrl, string channelId, string ts, string? threadTs) =>
        $"{workspaceUrl.TrimEnd('/')}/archives/{channelId}/p{ts.Replace(".", "", StringComparison.Ordinal)}"
        + (threadTs is not null && threadTs != ts ? $"?thread_ts={threadTs}&cid={channelId}" : "");

    [GeneratedRegex(@"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>")]
    private static partial Regex ChannelRef();

    [GeneratedRegex(@"<!(here|channel|everyone)(?:\|[^>]*)?>")]
    private static partial Regex Special();

    [GeneratedRegex(@"<((?:https?|mailto):[^|>]+)(?:\|([^>]+))?>")]
    private static partial Regex Link();
}
