using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Google.Docs;
using Mosaic.Sandbox.Google.Drive;
using Mosaic.Sandbox.Google.Sheets;

namespace Mosaic.Sandbox.Google;

/// <summary>Drive API v3 <c>files.list</c>: q, orderBy, pageSize/pageToken and the <c>fields</c> partial response.</summary>
public static class DriveEndpoints
{
    private static readonly string[] Scopes =
    [
        GoogleAuth.Drive,
        "https://www.googleapis.com/auth/drive",
        "https://www.googleapis.com/auth/drive.metadata.readonly",
    ];

    public static void MapDriveEndpoints(this RouteGroupBuilder google, GoogleGuard guard) =>
        google.MapGet(
            "/drive/v3/files",
            (HttpRequest request, string? q, string? pageToken, int? pageSize, string? fields, string? orderBy) =>
            {
                if (guard.Check(request, "drive.googleapis.com", Scopes) is { } denied)
                    return denied;
                Func<DriveFile, bool> filter;
                try
                {
                    filter = string.IsNullOrWhiteSpace(q) ? _ => true : DriveQuery.Parse(q, FullText);
                }
                catch (FormatException)
                {
                    return GoogleErrors.InvalidValue("q");
                }
                FieldSelection selection;
                try
                {
                    selection = FieldSelection.Parse(fields ?? "kind,incompleteSearch,files(kind,id,name,mimeType)");
                }
                catch (FormatException e)
                {
                    return GoogleErrors.BadRequest($"Invalid field selection {e.Message}", "fields");
                }

                var files = DriveSeed.Files.Where(f => DriveQuery.MentionsTrashed(q) || !f.Trashed).Where(filter);
                files = Order(files, orderBy);
                var all = files.Select(f => ToJson(f, GooglePages.WebBase(request))).ToList();
                if (!GoogleErrors.TryPage(all, pageToken, Math.Clamp(pageSize ?? 100, 1, 1000), out var page, out var next))
                    return GoogleErrors.InvalidValue("pageToken");
                var full = new JsonObject
                {
                    ["kind"] = "drive#fileList",
                    ["incompleteSearch"] = false,
                    ["files"] = new JsonArray([.. page]),
                };
                if (next is not null)
                    full["nextPageToken"] = next;
                return Results.Json(selection.Apply(full));
            }
        );

    /// <summary>What fullText search looks at: name, description, and the text inside Docs and Sheets.</summary>
    private static string FullText(DriveFile f) =>
        $"{f.Name} {f.Description} "
        + (DocsSeed.Bodies.TryGetValue(f.Id, out var lines) ? DocsBuilder.PlainText(lines) : "")
        + (
            SheetsSeed.Spreadsheets.TryGetValue(f.Id, out var tabs) ? string.Join(' ', tabs.SelectMany(t => t.Rows.SelectMany(r => r))) : ""
        );

    private static IEnumerable<DriveFile> Order(IEnumerable<DriveFile> files, string? orderBy)
    {
        IOrderedEnumerable<DriveFile>? ordered = null;
        foreach (var key in (orderBy ?? "folder,name").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var desc = key.EndsWith(" desc", StringComparison.Ordinal);
            Func<DriveFile, IComparable> by = key.Split(' ')[0] switch
            {
                "folder" => f => f.MimeType == DriveSeed.Folder ? 0 : 1,
                "modifiedTime" or "modifiedByMeTime" or "viewedByMeTime" or "recency" => f => f.Modified,
                "starred" => f => f.Starred ? 0 : 1,
                _ => f => f.Name,
            };
            ordered = ordered is null
                ? desc
                    ? files.OrderByDescending(by)
                    : files.OrderBy(by)
                : desc
                    ? ordered.ThenByDescending(by)
                    : ordered.ThenBy(by);
        }
        return ordered ?? files;
    }

    private static JsonNode ToJson(DriveFile f, string web)
    {
        // Google's paths (docs.google.com/document/d/…, drive.google.com/drive/folders/…) under the Sandbox's Google base.
        var link = f.MimeType switch
        {
            DriveSeed.Document => $"{web}/document/d/{f.Id}/edit?usp=drivesdk",
            DriveSeed.Spreadsheet => $"{web}/spreadsheets/d/{f.Id}/edit?usp=drivesdk",
            DriveSeed.Folder => $"{web}/drive/folders/{f.Id}",
            _ => $"{web}/file/d/{f.Id}/view?usp=drivesdk",
        };
        JsonObject User(AcmePerson p) =>
            new()
            {
                ["kind"] = "drive#user",
                ["displayName"] = p.Name,
                ["emailAddress"] = p.Email,
                ["me"] = p == AcmeCompany.Alice,
            };
        var json = new JsonObject
        {
            ["kind"] = "drive#file",
            ["id"] = f.Id,
            ["name"] = f.Name,
            ["mimeType"] = f.MimeType,
            ["description"] = f.Description,
            ["starred"] = f.Starred,
            ["trashed"] = f.Trashed,
            ["parents"] = new JsonArray(f.Parent),
            ["webViewLink"] = link,
            ["iconLink"] = $"https://drive-thirdparty.googleusercontent.com/16/type/{f.MimeType}",
            ["createdTime"] = GoogleErrors.Rfc3339(f.Modified.AddDays(-14)),
            ["modifiedTime"] = GoogleErrors.Rfc3339(f.Modified),
            ["owners"] = new JsonArray(User(f.Owner)),
            ["lastModifyingUser"] = User(f.Owner),
            ["shared"] = true,
            ["ownedByMe"] = f.Owner == AcmeCompany.Alice,
            ["size"] = f.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = "42",
        };
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
            json.Remove(key);
        return json;
    }
}
