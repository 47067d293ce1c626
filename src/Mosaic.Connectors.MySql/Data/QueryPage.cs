using System.Text.Json.Nodes;

namespace Mosaic.Connectors.MySql.Data;

public sealed record ColumnInfo(string Name, string Type);

/// <summary>Rows of one page of a result; each row is a JSON array of cell values in column order.</summary>
public sealed record QueryPage(IReadOnlyList<ColumnInfo> Columns, IReadOnlyList<JsonArray> Rows, bool HasMore);
