using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

[McpServerToolType]
public sealed class DriveTools(GoogleClient google, GoogleSettings settings)
{
    private const string Fields =
        "nextPageToken,files(id,name,mimeType,modifiedTime,webViewLink,owners(displayName,emailAddress),size,description)";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["document"] = "mimeType = 'application/vnd.google-apps.document'",
        ["doc"] = "mimeType = 'application/vnd.google-apps.document'",
        ["spreadsheet"] = "mimeType = 'application/vnd.google-apps.spreadsheet'",
        ["sheet"] = "mimeType = 'application/vnd.google-apps.spreadsheet'",
        ["presentation"] = "mimeType = 'application/vnd.google-apps.presentation'",
        ["folder"] = "mimeType = 'application/vnd.google-apps.folder'",
        ["pdf"] = "mimeType = 'application/pdf'",
        ["image"] = "mimeType contains 'image/'",
    };

    [McpServerTool(Name = "search_drive_files", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Search Google Drive by name and content (trash excluded): file name, type, owner, last change and the link to open it. Use "
            + "get_document / get_spreadsheet with an id to read one."
    )]
    public async Task<CallToolResult> SearchDriveFiles(
        [Description("Words to find in file names or contents. Empty lists the most recently changed files.")] string? query = null,
        [Description("Only this kind: document, spreadsheet, presentation, folder, pdf, image, or a full MIME type.")]
            string? mime_type = null,
        [Description("Cursor from a previous call's next_cursor.")] string? cursor = null,
        [Description("Maximum files to return (default 20, max 100).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var q = BuildQuery(query, mime_type);
        var scope = Cursor.Scope("files", q);
        var (pageToken, skip) = PageCursor.Decode(cursor, scope);
        var take = Paging.Limit(limit, 20, 100);
        // Drive cannot sort a fullText search; without search words, newest first is the useful order.
        var orderBy = string.IsNullOrWhiteSpace(query) ? "modifiedTime desc" : null;
        var data = await google.GetAsync(
            "Google Drive",
            $"{settings.Endpoints.Drive}/files?"
                + PageCursor.Query(
                    ("q", q),
                    ("fields", Fields),
                    ("orderBy", orderBy),
                    ("pageSize", (take + skip).ToString(CultureInfo.InvariantCulture)),
                    ("pageToken", pageToken)
                ),
            cancellationToken
        );
        var files = (data["files"]?.AsArray() ?? []).Skip(skip).Take(take).Select(f => ToFile(f!, settings.Endpoints)).ToList();
        var next = data["nextPageToken"]?.GetValue<string>();
        return ToolResults.List(
            files,
            new ListShape<FileInfo>
            {
                ItemsName = "files",
                TypeInfo = GoogleJson.Default.FileInfo,
                MoreUpstream = next is not null,
                NextCursor = kept => PageCursor.Next(scope, pageToken, skip, kept, files.Count, next),
            },
            files.Count == 0
                ? "No files match."
                : $"{files.Count} file(s){(string.IsNullOrWhiteSpace(query) ? ", most recently changed first" : $" matching \"{query}\"")}"
        );
    }

    /// <summary>Drive's query language from plain words: each word must appear in the name or the text.</summary>
    public static string BuildQuery(string? query, string? mimeType)
    {
        var clauses = new List<string> { "trashed = false" };
        foreach (var word in (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var literal = Literal(word);
            clauses.Add($"(name contains {literal} or fullText contains {literal})");
        }
        if (!string.IsNullOrWhiteSpace(mimeType))
        {
            var m = mimeType!.Trim();
            clauses.Add(
                Types.TryGetValue(m, out var clause) ? clause
                : m.Contains('/') ? $"mimeType = {Literal(m)}"
                : throw new Mosaic.Connectors.Common.Errors.ToolInputException(
                    $"mime_type must be one of {string.Join(", ", Types.Keys.Distinct())} or a MIME type like application/pdf (got "
                        + $"\"{mimeType}\")."
                )
            );
        }
        return string.Join(" and ", clauses);
    }

    /// <summary>Drive string literals are single-quoted with backslash escapes.</summary>
    private static string Literal(string value) => $"'{value.Replace("\\", "\\\\").Replace("'", "\\'")}'";

    private static FileInfo ToFile(JsonNode f, GoogleEndpoints endpoints)
    {
        var mime = f["mimeType"]?.GetValue<string>() ?? "";
        var owner = f["owners"]?.AsArray().FirstOrDefault();
        return new FileInfo(
            f["id"]!.GetValue<string>(),
            f["name"]?.GetValue<string>() ?? "",
            TypeName(mime),
            mime,
            f["modifiedTime"]?.GetValue<string>(),
            owner?["displayName"]?.GetValue<string>() ?? owner?["emailAddress"]?.GetValue<string>(),
            f["size"]?.GetValue<string>(),
            TextClip.Clip(f["description"]?.GetValue<string>(), 300),
            f["webViewLink"]?.GetValue<string>() ?? endpoints.DriveLink(f["id"]!.GetValue<string>())
        );
    }

    private static string TypeName(string mime) =>
        mime switch
        {
            "application/vnd.google-apps.document" => "document",
            "application/vnd.google-apps.spreadsheet" => "spreadsheet",
            "application/vnd.google-apps.presentation" => "presentation",
            "application/vnd.google-apps.folder" => "folder",
            "application/pdf" => "pdf",
            _ when mime.StartsWith("image/", StringComparison.Ordinal) => "image",
            _ => "file",
        };
}
