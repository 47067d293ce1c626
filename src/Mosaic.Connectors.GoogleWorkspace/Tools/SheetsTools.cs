using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

[McpServerToolType]
public sealed class SheetsTools(GoogleClient google, GoogleSettings settings)
{
    private const int CellChars = 500;

    [McpServerTool(Name = "get_spreadsheet", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Read a Google Sheet: its title and sheet (tab) names with sizes, and the values of a range (default: the whole first sheet)."
    )]
    public async Task<CallToolResult> GetSpreadsheet(
        [Description("The spreadsheet's id or its link (from search_drive_files).")] string spreadsheet_id,
        [Description("A1 range, e.g. \"Sheet1!A1:D20\", \"'Q4 plan'!A:C\" or just a sheet name. Default: the first sheet.")]
            string? range = null,
        [Description("Maximum rows of values to return (default 200, max 2000); ask for a narrower range for the rest.")]
            int? max_rows = null,
        CancellationToken cancellationToken = default
    )
    {
        var id = GoogleIds.FileId(spreadsheet_id, "spreadsheet_id");
        var rowsLimit =
            max_rows is null or 0 ? 200
            : max_rows < 0 ? throw new ToolInputException("max_rows must be positive.")
            : Math.Min(max_rows.Value, 2000);
        var baseUrl = $"{settings.Endpoints.Sheets}/spreadsheets/{Uri.EscapeDataString(id)}";

        // With a range both requests go out together; without one the first sheet's name is needed first.
        var metaTask = google.GetAsync("Google Sheets", baseUrl, cancellationToken);
        var valuesTask = string.IsNullOrWhiteSpace(range)
            ? null
            : google.GetAsync("Google Sheets", $"{baseUrl}/values/{Uri.EscapeDataString(range.Trim())}", cancellationToken);
        var meta = await metaTask;
        var sheets = (meta["sheets"]?.AsArray() ?? []).Select(s => s!["properties"]!).ToList();
        if (valuesTask is null)
        {
            var first = sheets.FirstOrDefault()?["title"]?.GetValue<string>()
                ?? throw new UpstreamException("Google Sheets", null, null, "the spreadsheet has no sheets");
            valuesTask = google.GetAsync("Google Sheets", $"{baseUrl}/values/{Uri.EscapeDataString(Quote(first))}", cancellationToken);
        }
        var values = await valuesTask;

        var rows = values["values"]?.AsArray() ?? [];
        var kept = new JsonArray([
            .. rows.Take(rowsLimit)
                .Select(r =>
                    (JsonNode)new JsonArray([.. (r?.AsArray() ?? []).Select(c => (JsonNode?)TextClip.Clip(c?.ToString(), CellChars))])
                ),
        ]);
        var title = meta["properties"]?["title"]?.GetValue<string>() ?? "";
        var result = new JsonObject
        {
            ["spreadsheet_id"] = id,
            ["title"] = title,
            ["link"] = meta["spreadsheetUrl"]?.GetValue<string>() ?? settings.Endpoints.SheetLink(id),
            ["sheets"] = new JsonArray([
                .. sheets.Select(s =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["title"] = s["title"]?.DeepClone(),
                            ["rows"] = s["gridProperties"]?["rowCount"]?.DeepClone(),
                            ["columns"] = s["gridProperties"]?["columnCount"]?.DeepClone(),
                        }
                ),
            ]),
            ["range"] = values["range"]?.DeepClone(),
            ["values"] = kept,
            ["returned_rows"] = kept.Count,
            ["total_rows"] = rows.Count,
            ["truncated"] = rows.Count > kept.Count,
        };
        if (rows.Count > kept.Count)
            result["note"] =
                $"truncated to {kept.Count} rows: {rows.Count - kept.Count} more; ask for a narrower range (e.g. rows "
                + $"{kept.Count + 1} onwards) to see them";
        return ToolResults.Object(result, $"\"{title}\": {sheets.Count} sheet(s); {values["range"]} has {rows.Count} row(s)");
    }

    /// <summary>A sheet name as an A1 range: quoted when it has spaces or punctuation, quotes doubled.</summary>
    private static string Quote(string sheet) =>
        sheet.All(c => char.IsLetterOrDigit(c) || c == '_') ? sheet : $"'{sheet.Replace("'", "''")}'";
}
