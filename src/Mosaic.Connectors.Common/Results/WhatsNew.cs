using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;

namespace Mosaic.Connectors.Common.Results;

/// <summary>
/// One thing that changed in a source since a time, as every connector's <c>whats_new</c> tool returns it
/// (the contract is in docs/connectors.md). <paramref name="At"/> is an ISO 8601 time, or null when the item
/// has none (a stock level); <paramref name="Priority"/> is "high", "medium" or "low".
/// </summary>
public sealed record WhatsNewItem(
    string Id,
    string Kind,
    string Title,
    string? Summary,
    string? Url,
    string? Author,
    string? At,
    bool Actionable,
    string Priority
);

/// <summary>The checked arguments of a <c>whats_new</c> call: the window, how many items, and who is asking.</summary>
public sealed record WhatsNewWindow(DateTimeOffset Since, DateTimeOffset Now, int Limit, IReadOnlyList<string> Me)
{
    public const int DefaultLimit = 20,
        MaxLimit = 100;

    public const string SinceHelp = "Only what changed at or after this ISO 8601 time, e.g. 2025-01-31T09:00:00Z.";
    public const string LimitHelp = "Maximum items (default 20, max 100); the most important are kept.";
    public const string MeHelp =
        "Comma-separated lower-case words that identify the asking user (first name, e-mail local part), "
        + "e.g. \"alice,achen\": they decide \"mentioned you\", \"assigned to you\" and \"review requested from you\".";
    public const string NowHelp =
        "The current time (ISO 8601) the window ends at and upcoming things are measured from; " + "default: this connector's clock.";

    /// <summary>Reads the tool's arguments; anything unusable is a <see cref="ToolInputException"/> saying what to send.</summary>
    public static WhatsNewWindow From(string? since, int? limit, string? me, string? now)
    {
        var end = string.IsNullOrWhiteSpace(now)
            ? DateTimeOffset.UtcNow
            : Parse(now) ?? throw new ToolInputException($"now must be an ISO 8601 time such as 2025-01-31T09:00:00Z (got \"{now}\").");
        if (string.IsNullOrWhiteSpace(since))
            throw new ToolInputException("since is required: an ISO 8601 time such as 2025-01-31T09:00:00Z.");
        var start = Parse(since)
            ?? throw new ToolInputException($"since must be an ISO 8601 time such as 2025-01-31T09:00:00Z (got \"{since}\").");
        if (start > end)
            throw new ToolInputException($"since ({since}) is after now ({Iso(end)}).");
        // Words shorter than three letters would match nearly any text.
        var words = (me ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length >= 3)
            .Select(w => w.ToLowerInvariant())
            .Distinct()
            .ToList();
        return new WhatsNewWindow(start, end, Paging.Paging.Limit(limit, DefaultLimit, MaxLimit), words);
    }

    public string SinceIso => Iso(Since);

    /// <summary>True when the text (a name, a login) contains one of the user's words.</summary>
    public bool IsMe(string? text) => text is not null && Me.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the text @-mentions one of the user's words.</summary>
    public bool MentionsMe(string? text) => text is not null && Me.Any(m => text.Contains("@" + m, StringComparison.OrdinalIgnoreCase));

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}

/// <summary>Builds the result of a <c>whats_new</c> tool: <c>{ "items": [...], "truncated": bool }</c> and a line for a model.</summary>
public static class WhatsNew
{
    public const string ToolName = "whats_new";

    /// <summary>
    /// Keeps the <see cref="WhatsNewWindow.Limit"/> most important items (needs-action first, then priority, then newest),
    /// in the order the connector found them.
    /// </summary>
    public static CallToolResult Result(IReadOnlyList<WhatsNewItem> items, WhatsNewWindow window, string source)
    {
        var kept = items
            .Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.Actionable)
            .ThenBy(x => Rank(x.item.Priority))
            .ThenByDescending(x => x.item.At, StringComparer.Ordinal)
            .Take(window.Limit)
            .OrderBy(x => x.index)
            .Select(x => x.item)
            .ToList();
        var array = new JsonArray();
        foreach (var i in kept)
            array.Add(
                (JsonNode)
                    new JsonObject
                    {
                        ["id"] = i.Id,
                        ["kind"] = i.Kind,
                        ["title"] = i.Title,
                        ["summary"] = i.Summary,
                        ["url"] = i.Url,
                        ["author"] = i.Author,
                        ["at"] = i.At,
                        ["actionable"] = i.Actionable,
                        ["priority"] = i.Priority,
                    }
            );
        var truncated = kept.Count < items.Count;
        var action = kept.Count(i => i.Actionable);
        var summary =
            $"{kept.Count} new item(s) in {source} since {window.SinceIso}"
            + (action > 0 ? $", {action} need action" : "")
            + (truncated ? $" ({items.Count - kept.Count} less important left out)" : "");
        return ToolResults.Object(new JsonObject { ["items"] = array, ["truncated"] = truncated }, summary);
    }

    /// <summary>Shortens text for an item's summary with a trailing ellipsis (no count: a digest line, not a document).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Clip(string? text, int max = 240) => TextClip.Ellipsize(text, max);

    /// <summary>A tool's JSON value as text: strings as they are, numbers and booleans as written, anything else null.</summary>
    public static string? Text(JsonNode? node) =>
        node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => null,
        };

    private static int Rank(string priority) =>
        priority switch
        {
            "high" => 0,
            "medium" => 1,
            _ => 2,
        };
}
