using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Jira.Tools;

/// <summary>Reading Jira's issue JSON: names out of nested objects, dates as ISO 8601, keys checked.</summary>
internal static partial class JiraFields
{
    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    /// <summary>fields.status.name, fields.assignee.displayName and the like; null when the object is null.</summary>
    public static string? Name(JsonElement fields, string field, string name = "name") =>
        fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(field, out var o) ? Str(o, name) : null;

    /// <summary>"2024-01-15T10:30:00.000+0000" → "2024-01-15T10:30:00Z".</summary>
    public static string? Iso(string? jiraDate)
    {
        if (jiraDate is null)
            return null;
        var fixedOffset = OffsetWithoutColon().Replace(jiraDate, "$1:$2");
        return DateTimeOffset.TryParse(fixedOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : jiraDate;
    }

    /// <summary>"acme-142" → "ACME-142"; numeric ids pass; anything else is explained.</summary>
    public static string IssueKey(string? key)
    {
        var value = key?.Trim() ?? "";
        if (IssueKeyPattern().IsMatch(value))
            return value.ToUpperInvariant();
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
            return value;
        throw new ToolInputException($"key must be an issue key like ACME-142 (project key, dash, number); got \"{key}\".");
    }

    public static List<string> Labels(string? labels) =>
        labels is null ? [] : [.. labels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$")]
    private static partial Regex OffsetWithoutColon();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]+-\d+$")]
    private static partial Regex IssueKeyPattern();
}
