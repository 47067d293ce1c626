namespace Mosaic.Server.Data;

/// <summary>
/// A workspace-wide setting an admin changes at run time (table <c>workspace_settings</c>), e.g. who may join.
/// One row per key; the value is text (JSON where it has structure). Unset keys fall back to the environment.
/// </summary>
public sealed class WorkspaceSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
