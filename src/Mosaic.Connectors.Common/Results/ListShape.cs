using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Mosaic.Connectors.Common.Results;

/// <summary>How <see cref="ToolResults.List{T}"/> renders one page of a listing.</summary>
public sealed record ListShape<T>
{
    /// <summary>Property name of the array in the structured result, e.g. "tables", "objects", "rows".</summary>
    public required string ItemsName { get; init; }

    /// <summary>Source-generated JSON metadata for one item (keeps the connector AOT-friendly).</summary>
    public required JsonTypeInfo<T> TypeInfo { get; init; }

    /// <summary>
    /// Given how many items were kept after the budget cut, returns the cursor for the rest, or null
    /// when nothing follows. Called only when more exists (a cut, or <see cref="MoreUpstream"/>).
    /// </summary>
    public Func<int, string?>? NextCursor { get; init; }

    /// <summary>Total number of items across all pages, when the source knows it.</summary>
    public int? Total { get; init; }

    /// <summary>Items before this page (used with <see cref="Total"/> to count what is left).</summary>
    public int Offset { get; init; }

    /// <summary>The source reported a further page beyond the items given (count unknown).</summary>
    public bool MoreUpstream { get; init; }

    /// <summary>Extra top-level fields for the structured result (e.g. "columns", "bucket").</summary>
    public JsonObject? Extra { get; init; }

    public ResultBudget Budget { get; init; } = ResultBudget.Default;
}
