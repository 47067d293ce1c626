using System.Text.Json.Nodes;
using Mosaic.Sandbox.Google.Docs;
using Mosaic.Sandbox.Google.Drive;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Google;

/// <summary>Docs API v1 <c>documents.get</c>: the full body structure of the seeded documents.</summary>
public static class DocsEndpoints
{
    private static readonly string[] Scopes =
    [
        GoogleAuth.Documents,
        GoogleAuth.Drive,
        "https://www.googleapis.com/auth/documents",
        "https://www.googleapis.com/auth/drive",
    ];

    public static void MapDocsEndpoints(this RouteGroupBuilder google, GoogleGuard guard) =>
        google.MapGet("/docs/v1/documents/{documentId}", (HttpRequest request, string documentId) =>
        {
            if (guard.Check(request, "docs.googleapis.com", Scopes) is { } denied)
                return denied;
            if (documentId == DriveSeed.RestrictedDocId)
                return GoogleErrors.Forbidden("The caller does not have permission");
            var file = DriveSeed.Files.FirstOrDefault(f => f.Id == documentId && !f.Trashed);
            if (file is not null && file.MimeType != DriveSeed.Document)
                return GoogleErrors.Error(
                    400,
                    "FAILED_PRECONDITION",
                    "This operation is not supported for this document",
                    "failedPrecondition"
                );
            if (file is null || !DocsSeed.Bodies.TryGetValue(documentId, out var lines))
                return GoogleErrors.NotFound();

            return Results.Json(
                new JsonObject
                {
                    ["title"] = file.Name,
                    ["body"] = new JsonObject
                    {
                        ["content"] = DocsBuilder.Build(
                            lines.Select(l => l.Replace(DocsSeed.SandboxBase, SandboxPages.BaseUrl(request), StringComparison.Ordinal))
                        ),
                    },
                    ["documentStyle"] = new JsonObject
                    {
                        ["pageSize"] = new JsonObject
                        {
                            ["height"] = new JsonObject { ["magnitude"] = 792, ["unit"] = "PT" },
                            ["width"] = new JsonObject { ["magnitude"] = 612, ["unit"] = "PT" },
                        },
                        ["marginTop"] = new JsonObject { ["magnitude"] = 72, ["unit"] = "PT" },
                    },
                    ["lists"] = new JsonObject
                    {
                        [DocsBuilder.ListId] = new JsonObject
                        {
                            ["listProperties"] = new JsonObject
                            {
                                ["nestingLevels"] = new JsonArray(
                                    new JsonObject
                                    {
                                        ["bulletAlignment"] = "START",
                                        ["glyphSymbol"] = "●",
                                        ["glyphFormat"] = "%0",
                                        ["startNumber"] = 1,
                                    }
                                ),
                            },
                        },
                    },
                    ["revisionId"] = "ALBJ4Lv_sandbox_" + documentId[..8],
                    ["suggestionsViewMode"] = "SUGGESTIONS_INLINE",
                    ["documentId"] = documentId,
                }
            );
        });
}
