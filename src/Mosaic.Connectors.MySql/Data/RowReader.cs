using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.MySql.Data;

/// <summary>Reads a page of rows from a data reader into compact JSON cells.</summary>
public static class RowReader
{
    /// <summary>Longest text cell returned; longer values are clipped with a marker.</summary>
    public const int MaxCellChars = 500;

    public static async Task<QueryPage> ReadAsync(DbDataReader reader, int skip, int take, CancellationToken cancellationToken)
    {
        var columns = Enumerable
            .Range(0, reader.FieldCount)
            .Select(i => new ColumnInfo(reader.GetName(i), reader.GetDataTypeName(i)))
            .ToList();
        var rows = new List<JsonArray>();
        var index = 0;
        var hasMore = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (index++ < skip)
                continue;
            if (rows.Count == take)
            {
                hasMore = true;
                break;
            }
            var row = new JsonArray();
            for (var i = 0; i < reader.FieldCount; i++)
                row.Add(Cell(reader, i));
            rows.Add(row);
        }
        return new QueryPage(columns, rows, hasMore);
    }

    private static JsonNode? Cell(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
            return null;
        object value;
        try
        {
            value = reader.GetValue(i);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            return $"<unreadable {reader.GetDataTypeName(i)} value>";
        }
        return value switch
        {
            string s => TextClip.Clip(s, MaxCellChars),
            bool b => b,
            long or int or short or sbyte or byte or ulong or uint or ushort => JsonValue.Create(
                Convert.ToDecimal(value, CultureInfo.InvariantCulture)
            ),
            decimal d => d,
            double d => double.IsFinite(d) ? d : d.ToString(CultureInfo.InvariantCulture),
            float f => float.IsFinite(f) ? f : f.ToString(CultureInfo.InvariantCulture),
            DateTime dt => reader.GetDataTypeName(i).Equals("DATE", StringComparison.OrdinalIgnoreCase)
                ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dt.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            byte[] bytes => Binary(bytes),
            Guid g => g.ToString(),
            _ => TextClip.Clip(Convert.ToString(value, CultureInfo.InvariantCulture), MaxCellChars),
        };
    }

    /// <summary>Binary is described, not dumped: size plus the first bytes in hex.</summary>
    private static string Binary(byte[] bytes) =>
        bytes.Length <= 32 ? $"0x{Convert.ToHexString(bytes)}" : $"<binary {bytes.Length} bytes: 0x{Convert.ToHexString(bytes, 0, 16)}…>";
}
