using System.Globalization;
using Mosaic.Connectors.Common.Paging;

namespace Mosaic.Connectors.Slack;

/// <summary>
/// Our cursor over Slack's: Slack's own next_cursor plus how many items of that upstream page were already
/// shown, so a page cut short by the size budget resumes exactly after the last item returned.
/// </summary>
public sealed record SlackPaging(string Scope, string? Upstream, int Skip)
{
    public static SlackPaging From(string? cursor, string scope)
    {
        var value = Cursor.Decode(cursor, scope);
        if (value is null)
            return new SlackPaging(scope, null, 0);
        var bar = value.IndexOf('|');
        var skip = bar > 0 && int.TryParse(value[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var upstream = bar >= 0 ? value[(bar + 1)..] : value;
        return new SlackPaging(scope, upstream.Length > 0 ? upstream : null, skip);
    }

    /// <summary>The cursor after keeping <paramref name="kept"/> of <paramref name="shown"/> items; null at the end.</summary>
    public string? Next(int kept, int shown, string? upstreamNext) =>
        kept < shown ? Cursor.Encode(Scope, $"{Skip + kept}|{Upstream}")
        : upstreamNext is not null ? Cursor.Encode(Scope, $"0|{upstreamNext}")
        : null;
}
