using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>One audit entry as the read API shows it. <c>arguments</c> and <c>detail</c> are JSON text, as stored
/// (arguments already redacted).</summary>
public sealed record AuditEntryResponse(
    long Id,
    DateTimeOffset At,
    string Kind,
    string Action,
    string? UserId,
    string? UserEmail,
    string? Source,
    string? Tool,
    string? Arguments,
    string? Approval,
    string? ApprovedBy,
    string Outcome,
    double? DurationMs,
    bool? FromCache,
    string? SessionId,
    string? RequestId,
    string? Target,
    string? Detail,
    string? Ip
)
{
    public static AuditEntryResponse From(AuditEntry a) =>
        new(
            a.Id,
            new DateTimeOffset(DateTime.SpecifyKind(a.At, DateTimeKind.Utc)),
            a.Kind,
            a.Action,
            a.UserId,
            a.UserEmail,
            a.Source,
            a.Tool,
            a.Arguments,
            a.Approval,
            a.ApprovedBy,
            a.Outcome,
            a.DurationMs,
            a.FromCache,
            a.SessionId,
            a.RequestId,
            a.Target,
            a.Detail,
            a.Ip
        );
}

/// <param name="NextCursor">Pass as <c>cursor</c> for the next (older) page; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Entries, string? NextCursor);
