namespace Mosaic.Server.Data;

/// <summary>
/// One line of the append-only audit log (table <c>audit_log</c>, docs/administration.md#audit-log): a tool call,
/// a credential save or deletion (never the values), a sign-in event, an invitation or an admin action. No API
/// edits or deletes a row; only the retention sweep (<c>AUDIT_RETENTION_DAYS</c>) removes old ones. No foreign
/// key to <c>users</c>: the record outlives a deleted account, and <see cref="UserEmail"/> keeps it readable.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary><see cref="AuditKinds"/>: tool_call, credential, auth, invite, admin.</summary>
    public required string Kind { get; set; }

    /// <summary>What happened within the kind, e.g. <c>login_failed</c>, <c>credentials_saved</c>, <c>user_disabled</c>.</summary>
    public required string Action { get; set; }
    public string? UserId { get; set; }
    public string? UserEmail { get; set; }
    public string? Source { get; set; }
    public string? Tool { get; set; }

    /// <summary>The tool's arguments as JSON, secret-looking values redacted.</summary>
    public string? Arguments { get; set; }

    /// <summary>Tool calls: none, approved, refused or expired.</summary>
    public string? Approval { get; set; }
    public string? ApprovedBy { get; set; }

    /// <summary>success, error, denied, …</summary>
    public required string Outcome { get; set; }
    public double? DurationMs { get; set; }
    public bool? FromCache { get; set; }
    public string? SessionId { get; set; }
    public string? RequestId { get; set; }

    /// <summary>The subject of an admin action or invitation (a user id, a source id, an invite id).</summary>
    public string? Target { get; set; }

    /// <summary>A short JSON object of further facts (never a secret, never message text).</summary>
    public string? Detail { get; set; }
    public string? Ip { get; set; }
}

public static class AuditKinds
{
    public const string ToolCall = "tool_call";
    public const string Credential = "credential";
    public const string Auth = "auth";
    public const string Invite = "invite";
    public const string Admin = "admin";
}
