using System.ComponentModel.DataAnnotations;

namespace Mosaic.Server.Audit;

/// <summary>How long the audit log keeps its entries (docs/configuration.md#audit-log).</summary>
public sealed record AuditSettings
{
    /// <summary>Entries older than this are deleted by <see cref="AuditRetention"/>, hourly, on every replica.</summary>
    [ConfigurationKeyName("AUDIT_RETENTION_DAYS"), Range(1, 36500)]
    public int RetentionDays { get; init; } = 365;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
