namespace Mosaic.Server.Data;

/// <summary>
/// What an admin decided about one source for the whole workspace (table <c>source_settings</c>,
/// docs/administration.md#sources). No row means the source's defaults. Nothing here is secret: shared
/// credentials live encrypted in <c>credentials</c> (the row with no user).
/// </summary>
public sealed class SourceSetting
{
    public required string SourceId { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary><c>personal</c> or <c>shared</c>; null for the source's default.</summary>
    public string? Connection { get; set; }

    /// <summary>JSON object of credential fields fixed by the admin (where to connect: site, host, endpoint).</summary>
    public string? FixedSettings { get; set; }

    /// <summary>JSON array of tool names switched off for everyone.</summary>
    public string? DisabledTools { get; set; }

    /// <summary>JSON array of tool names that always ask for approval, read-only or not.</summary>
    public string? AlwaysAskTools { get; set; }

    /// <summary>On a shared connection, write tools are switched off altogether.</summary>
    public bool WritesDisabled { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
