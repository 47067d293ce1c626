using System.Text.Json.Nodes;
using Mosaic.Sandbox.Google.Drive;
using Mosaic.Sandbox.Google.Sheets;

namespace Mosaic.Sandbox.Google;

/// <summary>Sheets API v4: <c>spreadsheets.get</c> (properties and sheet list) and <c>spreadsheets.values.get</c> (A1 ranges).</summary>
public static class SheetsEndpoints
{
    private static readonly string[] Scopes =
    [
        GoogleAuth.Spreadsheets,
        GoogleAuth.Drive,
        "https://www.googleapis.com/auth/spreadsheets",
        "https://www.googleapis.com/auth/drive",
    ];

    public static void MapSheetsEndpoints(this RouteGroupBuilder google, GoogleGuard guard)
    {
        google.MapGet("/sheets/v4/spreadsheets/{spreadsheetId}", (HttpRequest request, string spreadsheetId) =>
        {
            if (guard.Check(request, "sheets.googleapis.com", Scopes) is { } denied)
                return denied;
            if (!TryFind(spreadsheetId, out var file, out var tabs))
                return GoogleErrors.NotFound();
            return Results.Json(
                new JsonObject
                {
                    ["spreadsheetId"] = spreadsheetId,
                    ["properties"] = new JsonObject
                    {
                        ["title"] = file.Name,
                        ["locale"] = "en_US",
                        ["autoRecalc"] = "ON_CHANGE",
                        ["timeZone"] = "America/Los_Angeles",
                    },
                    ["sheets"] = new JsonArray([
                        .. tabs.Select(
                            (t, i) =>
                                (JsonNode)
                                    new JsonObject
                                    {
                                        ["properties"] = new JsonObject
                                        {
                                            ["sheetId"] = t.SheetId,
                                            ["title"] = t.Title,
                                            ["index"] = i,
                                            ["sheetType"] = "GRID",
                                            ["gridProperties"] = new JsonObject
                                            {
                                                ["rowCount"] = t.RowCount,
                                                ["columnCount"] = t.ColumnCount,
                                                ["frozenRowCount"] = 1,
                                            },
                                        },
                                    }
                        ),
                    ]),
                    ["spreadsheetUrl"] = $"{GooglePages.WebBase(request)}/spreadsheets/d/{spreadsheetId}/edit",
                }
            );
        });

        google.MapGet(
            "/sheets/v4/spreadsheets/{spreadsheetId}/values/{range}",
            (HttpRequest request, string spreadsheetId, string range, string? majorDimension) =>
            {
                if (guard.Check(request, "sheets.googleapis.com", Scopes) is { } denied)
                    return denied;
                if (!TryFind(spreadsheetId, out _, out var tabs))
                    return GoogleErrors.NotFound();
                if (!A1Range.TryParse(range, tabs, out var a1))
                    return GoogleErrors.BadRequest($"Unable to parse range: {range}");
                var rows = a1.Read();
                if (majorDimension == "COLUMNS")
                    rows = Transpose(rows);
                else if (majorDimension is not (null or "ROWS"))
                    return GoogleErrors.InvalidValue("majorDimension");
                var result = new JsonObject { ["range"] = a1.ToString(), ["majorDimension"] = majorDimension ?? "ROWS" };
                // Like Sheets, an empty range has no "values" member.
                if (rows.Count > 0)
                    result["values"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(c => (JsonNode)c)]))]);
                return Results.Json(result);
            }
        );
    }

    private static bool TryFind(string id, out DriveFile file, out SheetTab[] tabs)
    {
        file = DriveSeed.Files.FirstOrDefault(f => f.Id == id && f.MimeType == DriveSeed.Spreadsheet)!;
        tabs = [];
        return file is not null && SheetsSeed.Spreadsheets.TryGetValue(id, out tabs!);
    }

    private static List<string[]> Transpose(List<string[]> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        return [.. Enumerable.Range(0, width).Select(c => rows.Select(r => c < r.Length ? r[c] : "").ToArray())];
    }
}
