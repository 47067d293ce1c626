using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Mosaic.Server.Admin;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>
/// Reading the audit log (docs/administration.md#audit-log): GET /api/admin/audit, every entry, for admins; GET
/// /api/activity, a member's own entries. Both page newest first (<c>cursor</c>, <c>limit</c>) or, with
/// <c>format=csv|jsonl</c>, download the whole filtered log. No route changes or deletes an entry.
/// </summary>
public static class AuditEndpoints
{
    private const string Filters =
        // One sentence a line: the generated UI types keep each line of a description as one comment line.
        "Filters match exactly: user (id or e-mail; admins only), source, tool, outcome, kind.\n"
        + "from (inclusive) and to (exclusive; a date alone means through that day) are ISO 8601.\n"
        + "Newest first; pass next_cursor as cursor for the next page (limit 1-500, default 50).\n"
        + "format=csv or format=jsonl downloads every matching entry.";

    public static WebApplication MapAuditEndpoints(this WebApplication app)
    {
        app.MapAdminGroup("/audit", "Audit")
            .MapGet(
                "",
                (
                    HttpContext http,
                    [AsParameters] AuditQueryString query,
                    MosaicDbContext db,
                    IOptions<JsonOptions> json,
                    TimeProvider time,
                    CancellationToken ct
                ) => ReadAsync(http, query, null, "audit", db, json.Value, time, ct)
            )
            .WithSummary("The audit log: tool calls, credential changes, sign-ins, invitations and admin actions")
            .WithDescription(Filters);

        app.MapGroup("/api/activity")
            .WithTags("Audit")
            .RequireAuthorization()
            .MapGet(
                "",
                (
                    HttpContext http,
                    [AsParameters] ActivityQueryString query,
                    MosaicDbContext db,
                    IOptions<JsonOptions> json,
                    TimeProvider time,
                    CancellationToken ct
                ) => ReadAsync(http, query.ToAudit(), http.User.GetUserId(), "activity", db, json.Value, time, ct)
            )
            .WithSummary("Your own entries in the audit log")
            .WithDescription(Filters);
        return app;
    }

    /// <param name="ownerId">Set for a member's own activity: only entries where they are the user.</param>
    private static async Task<Results<Ok<AuditPage>, PushStreamHttpResult, ValidationProblem>> ReadAsync(
        HttpContext http,
        AuditQueryString raw,
        string? ownerId,
        string fileName,
        MosaicDbContext db,
        JsonOptions json,
        TimeProvider time,
        CancellationToken ct
    )
    {
        var (query, problem) = AuditQuery.Parse(raw);
        if (query is null)
            return TypedResults.ValidationProblem(problem!.Errors, problem.Detail, title: problem.Title);

        var entries = await query.FilterAsync(db, ct);
        if (ownerId is not null)
            entries = entries.Where(a => a.UserId == ownerId);

        if (query.Format != AuditFormat.Json)
        {
            var (extension, type) =
                query.Format == AuditFormat.Csv ? ("csv", "text/csv; charset=utf-8") : ("jsonl", "application/x-ndjson");
            var name = $"{fileName}-{time.GetUtcNow():yyyy-MM-dd}.{extension}";
            return TypedResults.Stream(
                body => AuditExport.WriteAsync(body, entries, query.Format, json.SerializerOptions, http.RequestAborted),
                type,
                name
            );
        }

        var page = await AuditQuery.PageAsync(entries, query.Before, query.Limit + 1, ct);
        var more = page.Count > query.Limit;
        if (more)
            page.RemoveAt(page.Count - 1);
        var next = more ? AuditQuery.EncodeCursor(page[^1].Id) : null;
        return TypedResults.Ok(new AuditPage([.. page.Select(AuditEntryResponse.From)], next));
    }
}
