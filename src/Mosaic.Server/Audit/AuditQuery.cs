using System.Buffers.Text;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Audit;

/// <summary>The query string of GET /api/admin/audit and GET /api/activity (members have no <c>user</c>).</summary>
public sealed record AuditQueryString(
    [FromQuery(Name = "user")] string? User,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "tool")] string? Tool,
    [FromQuery(Name = "outcome")] string? Outcome,
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "format")] string? Format
);

/// <summary>The query string of GET /api/activity: the admin's filters but <c>user</c>, which is always the caller.</summary>
public sealed record ActivityQueryString(
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "tool")] string? Tool,
    [FromQuery(Name = "outcome")] string? Outcome,
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "format")] string? Format
)
{
    public AuditQueryString ToAudit() => new(null, Source, Tool, Outcome, Kind, From, To, Cursor, Limit, Format);
}

public enum AuditFormat
{
    Json,
    Csv,
    Jsonl,
}

/// <summary>
/// A checked audit query: filters (all exact matches; <c>from</c> inclusive, <c>to</c> exclusive), the keyset cursor
/// (entries older than it, newest first) and the page size. Both read endpoints share it, so they filter alike.
/// </summary>
public sealed record AuditQuery(
    string? User,
    string? Source,
    string? Tool,
    string? Outcome,
    string? Kind,
    DateTime? From,
    DateTime? To,
    long? Before,
    int Limit,
    AuditFormat Format
)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private static readonly string[] Kinds =
    [
        .. typeof(AuditKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!),
    ];

    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    /// <summary>The query, or a 400 saying what is wrong with which parameter.</summary>
    public static (AuditQuery? Query, ValidationProblemDetails? Problem) Parse(AuditQueryString q)
    {
        var errors = new ValidationErrors();
        Check(errors, "user", q.User, 255);
        Check(errors, "source", q.Source, 50);
        Check(errors, "tool", q.Tool, 100);
        Check(errors, "outcome", q.Outcome, 20);
        if (q.Kind is not null && !Kinds.Contains(q.Kind, StringComparer.Ordinal))
            errors.Add("kind", $"kind must be one of {string.Join(", ", Kinds)} (got '{Clip(q.Kind)}').");
        var from = Time(errors, "from", q.From, endOfDay: false);
        var to = Time(errors, "to", q.To, endOfDay: true);
        if (from is not null && to is not null && from >= to)
            errors.Add("to", "to must be later than from.");
        var before = q.Cursor is null ? null : DecodeCursor(q.Cursor);
        if (q.Cursor is not null && before is null)
            errors.Add("cursor", "cursor is not one this API returned; start again without it.");
        var limit = DefaultLimit;
        if (
            q.Limit is not null
            && (!int.TryParse(q.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit)
        )
            errors.Add("limit", $"limit must be a whole number from 1 to {MaxLimit} (got '{Clip(q.Limit)}').");
        var format = q.Format?.ToLowerInvariant() switch
        {
            null or "json" => AuditFormat.Json,
            "csv" => AuditFormat.Csv,
            "jsonl" => AuditFormat.Jsonl,
            _ => (AuditFormat?)null,
        };
        if (format is null)
            errors.Add("format", $"format must be json, csv or jsonl (got '{Clip(q.Format!)}').");
        if (errors.Problem("The audit query is not valid") is { } problem)
            return (null, problem);
        return (new AuditQuery(q.User, q.Source, q.Tool, q.Outcome, q.Kind, from, to, before, limit, format!.Value), null);
    }

    /// <summary>The filters (not the cursor) applied to the log.</summary>
    public async Task<IQueryable<AuditEntry>> FilterAsync(MosaicDbContext db, CancellationToken ct)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (User is { } user)
        {
            // An id or an e-mail; the account's current id also finds entries written under an older e-mail.
            var email = EmailAddress.Normalize(user);
            var ids = await db.Users.Where(u => u.Id == user || u.Email == email).Select(u => u.Id).ToListAsync(ct);
            entries = entries.Where(a => a.UserId == user || a.UserEmail == email || ids.Contains(a.UserId!));
        }
        if (Source is not null)
            entries = entries.Where(a => a.Source == Source);
        if (Tool is not null)
            entries = entries.Where(a => a.Tool == Tool);
        if (Outcome is not null)
            entries = entries.Where(a => a.Outcome == Outcome);
        if (Kind is not null)
            entries = entries.Where(a => a.Kind == Kind);
        if (From is { } from)
            entries = entries.Where(a => a.At >= from);
        if (To is { } to)
            entries = entries.Where(a => a.At < to);
        return entries;
    }

    /// <summary>Newest first, then older than <paramref name="before"/>: ids only grow, so pages never overlap or skip.</summary>
    public static Task<List<AuditEntry>> PageAsync(IQueryable<AuditEntry> entries, long? before, int take, CancellationToken ct) =>
        (before is { } b ? entries.Where(a => a.Id < b) : entries).OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);

    public static string EncodeCursor(long id) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"a1:{id}"));

    private static long? DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return
                text.StartsWith("a1:", StringComparison.Ordinal)
                && long.TryParse(text[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Check(ValidationErrors errors, string name, string? value, int max)
    {
        if (value is null)
            return;
        if (value.Length == 0 || value.Length > max)
            errors.Add(name, $"{name} must be 1 to {max} characters.");
    }

    /// <summary>ISO 8601 only (a date, or a date and time with Z or an offset; no zone means UTC), as UTC.</summary>
    private static DateTime? Time(ValidationErrors errors, string name, string? value, bool endOfDay)
    {
        if (value is null)
            return null;
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (
            DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, styles, out var t)
            || DateTimeOffset.TryParseExact(value, [.. Formats.Skip(1).Select(f => f + "K")], CultureInfo.InvariantCulture, styles, out t)
        )
            // A date alone as `to` means "through that day".
            return (endOfDay && value.Length == 10 ? t.AddDays(1) : t).UtcDateTime;
        errors.Add(name, $"{name} must be an ISO 8601 date or time, e.g. 2026-12-07 or 2026-12-07T09:30:00Z (got '{Clip(value)}').");
        return null;
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
