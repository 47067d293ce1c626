using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

/// <summary>Accepts a file id or the link people paste (…/document/d/&lt;id&gt;/edit, …/spreadsheets/d/&lt;id&gt;,
/// ?id=&lt;id&gt;).</summary>
public static partial class GoogleIds
{
    public static string FileId(string value, string parameter)
    {
        var v = value.Trim();
        if (PathId().Match(v) is { Success: true } path)
            return path.Groups["id"].Value;
        if (QueryId().Match(v) is { Success: true } query)
            return query.Groups["id"].Value;
        if (BareId().IsMatch(v))
            return v;
        throw new ToolInputException($"{parameter} must be a Google file id or its link (got \"{value}\"). search_drive_files gives both.");
    }

    [GeneratedRegex(@"/d/(?<id>[A-Za-z0-9_-]{10,})")]
    private static partial Regex PathId();

    [GeneratedRegex(@"[?&]id=(?<id>[A-Za-z0-9_-]{10,})")]
    private static partial Regex QueryId();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{10,}$")]
    private static partial Regex BareId();
}
