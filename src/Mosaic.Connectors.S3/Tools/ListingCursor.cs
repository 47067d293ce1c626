using Mosaic.Connectors.Common.Paging;

namespace Mosaic.Connectors.S3.Tools;

/// <summary>
/// Where a listing resumes: S3's continuation token when a whole page was shown, or "start after
/// this key" when the result budget cut a page short (so nothing is skipped).
/// </summary>
internal readonly record struct ListingCursor(string? ContinuationToken, string? StartAfter)
{
    public static ListingCursor Decode(string? cursor, string scope)
    {
        var value = Cursor.Decode(cursor, scope);
        return value switch
        {
            null => default,
            ['t', ':', ..] => new ListingCursor(value[2..], null),
            ['a', ':', ..] => new ListingCursor(null, value[2..]),
            _ => throw new Mosaic.Connectors.Common.Errors.ToolInputException(
                "The cursor is not valid: pass next_cursor exactly as returned."
            ),
        };
    }

    public static string Token(string scope, string token) => Cursor.Encode(scope, "t:" + token);

    public static string After(string scope, string key) => Cursor.Encode(scope, "a:" + key);
}
