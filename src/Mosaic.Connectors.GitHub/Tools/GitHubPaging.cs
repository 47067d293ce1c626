using System.Globalization;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>
/// GitHub pages by number (page, per_page). Our cursor remembers the page, its size, and how many of
/// its items were already shown, so a result cut by the size budget resumes exactly where it stopped.
/// </summary>
public sealed record GitHubPage(string Scope, int Page, int PerPage, int Skip)
{
    public const int DefaultLimit = 30;
    public const int MaxLimit = 100;

    public static GitHubPage From(string scope, string? cursor, int? page, int? limit)
    {
        if (Cursor.Decode(cursor, scope) is { } value)
        {
            var parts = value.Split(':');
            if (
                parts.Length == 3
                && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var p)
                && p >= 1
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pp)
                && pp is >= 1 and <= MaxLimit
                && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var s)
                && s >= 0
            )
                return new GitHubPage(scope, p, pp, s);
            throw new ToolInputException("The cursor is not valid. Pass next_cursor exactly as returned, or omit cursor to start over.");
        }
        if (page is < 1)
            throw new ToolInputException($"page must be 1 or more (got {page}).");
        return new GitHubPage(scope, page ?? 1, Paging.Limit(limit, DefaultLimit, MaxLimit), 0);
    }

    /// <summary>Items before this page's first shown item, across all pages.</summary>
    public int Offset => (Page - 1) * PerPage + Skip;

    public Dictionary<string, string> Query(Dictionary<string, string>? filters = null)
    {
        var query = filters is null ? new Dictionary<string, string>() : new Dictionary<string, string>(filters);
        query["per_page"] = PerPage.ToString(CultureInfo.InvariantCulture);
        query["page"] = Page.ToString(CultureInfo.InvariantCulture);
        return query;
    }

    /// <summary>
    /// The cursor after showing <paramref name="kept"/> of the items that followed <see cref="Skip"/> on this page.
    /// <paramref name="rawIndex"/> maps a shown position to its index on the GitHub page (when some were filtered out).
    /// </summary>
    public string? Next(int kept, int shownCount, bool hasNextPage, Func<int, int>? rawIndex = null)
    {
        if (kept < shownCount)
            return Encode(Page, (rawIndex?.Invoke(kept) ?? Skip + kept));
        return hasNextPage ? Encode(Page + 1, 0) : null;
    }

    private string Encode(int page, int skip) => Cursor.Encode(Scope, $"{page}:{PerPage}:{skip}");
}
