using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Common.Paging;

public static class Paging
{
    /// <summary>
    /// Clamps a requested page size: null/0 → <paramref name="defaultLimit"/>, above the hard
    /// maximum → <paramref name="max"/>; negative is a caller error.
    /// </summary>
    public static int Limit(int? requested, int defaultLimit, int max)
    {
        if (requested is null or 0)
            return Math.Min(defaultLimit, max);
        if (requested < 0)
            throw new ToolInputException($"limit must be between 1 and {max} (got {requested}).");
        return Math.Min(requested.Value, max);
    }
}
