using System.Globalization;
using System.Text;
using System.Text.Json;
using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>
/// The whole filtered log as CSV or JSON Lines, written batch by batch (keyset, newest first) as it is read, so an
/// export of a year's log never sits in memory. CSV cells are quoted, and a cell a spreadsheet would run as a formula
/// (starting with = + - @, tab or CR) gets a leading quote (OWASP "CSV injection").
/// </summary>
public static class AuditExport
{
    public const int BatchSize = 500;

    public static readonly string[] Columns =
    [
        "id",
        "at",
        "kind",
        "action",
        "user_id",
        "user_email",
        "source",
        "tool",
        "arguments",
        "approval",
        "approved_by",
        "outcome",
        "duration_ms",
        "from_cache",
        "session_id",
        "request_id",
        "target",
        "detail",
        "ip",
    ];

    public static async Task WriteAsync(
        Stream body,
        IQueryable<AuditEntry> entries,
        AuditFormat format,
        JsonSerializerOptions json,
        CancellationToken ct
    )
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        if (format == AuditFormat.Csv)
            await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        long? before = null;
        while (true)
        {
            var batch = await AuditQuery.PageAsync(entries, before, BatchSize, ct);
            foreach (var entry in batch)
            {
                var row = AuditEntryResponse.From(entry);
                await writer.WriteAsync(format == AuditFormat.Csv ? CsvRow(row) + "\r\n" : JsonSerializer.Serialize(row, json) + "\n");
            }
            await writer.FlushAsync(ct);
            if (batch.Count < BatchSize)
                return;
            before = batch[^1].Id;
        }
    }

    public static string CsvRow(AuditEntryResponse r) =>
        string.Join(
            ',',
            new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture),
                r.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
                r.Kind,
                r.Action,
                r.UserId,
                r.UserEmail,
                r.Source,
                r.Tool,
                r.Arguments,
                r.Approval,
                r.ApprovedBy,
                r.Outcome,
                r.DurationMs?.ToString("R", CultureInfo.InvariantCulture),
                r.FromCache switch
                {
                    true => "true",
                    false => "false",
                    null => null,
                },
                r.SessionId,
                r.RequestId,
                r.Target,
                r.Detail,
                r.Ip,
            }.Select(Cell)
        );

    /// <summary>Every cell quoted (quotes doubled); formula-looking text defused with a leading apostrophe.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
