using Mosaic.Connectors.Common.Paging;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

/// <summary>
/// A cursor over Google's pageToken paging that can also resume in the middle of a page: when the size
/// budget cuts a page, the cursor keeps that page's token plus how many of its items were already shown.
/// </summary>
public static class PageCursor
{
    public static (string? PageToken, int Skip) Decode(string? cursor, string scope)
    {
        var value = Cursor.Decode(cursor, scope);
        if (value is null)
            return (null, 0);
        var bar = value.LastIndexOf('|');
        return bar < 0 || !int.TryParse(value[(bar + 1)..], out var skip)
            ? throw new Mosaic.Connectors.Common.Errors.ToolInputException(
                "The cursor is not valid. Pass next_cursor exactly as a previous result returned it, or omit cursor."
            )
            : (value[..bar] is { Length: > 0 } token ? token : null, skip);
    }

    /// <summary>The cursor after <paramref name="kept"/> of the items shown from this page.</summary>
    public static string? Next(string scope, string? pageToken, int skip, int kept, int shownFromPage, string? nextPageToken) =>
        kept < shownFromPage ? Cursor.Encode(scope, $"{pageToken}|{skip + kept}")
        : nextPageToken is null ? null
        : Cursor.Encode(scope, $"{nextPageToken}|0");

    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
