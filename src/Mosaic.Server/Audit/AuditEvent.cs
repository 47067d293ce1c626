using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>
/// What a feature reports to the audit log; <see cref="IAuditLog"/> stamps the time and stores it as an
/// <see cref="AuditEntry"/>. Never put a secret or message text here: arguments go through the redactor first.
/// </summary>
public sealed record AuditEvent(string Kind, string Action, string Outcome)
{
    public string? UserId { get; init; }
    public string? UserEmail { get; init; }
    public string? Source { get; init; }
    public string? Tool { get; init; }

    /// <summary>Tool arguments as JSON; <see cref="IAuditLog"/> redacts secret-looking values before storing.</summary>
    public string? Arguments { get; init; }
    public string? Approval { get; init; }
    public string? ApprovedBy { get; init; }
    public double? DurationMs { get; init; }
    public bool? FromCache { get; init; }
    public string? SessionId { get; init; }
    public string? RequestId { get; init; }
    public string? Target { get; init; }
    public string? Detail { get; init; }
    public string? Ip { get; init; }
}

/// <summary>The append-only audit log (docs/administration.md#audit-log). Singleton; safe from any thread.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry. A failure to write is logged (without the entry's values) and not thrown:
    /// the audited action has already happened.</summary>
    Task WriteAsync(AuditEvent entry, CancellationToken ct = default);
}
