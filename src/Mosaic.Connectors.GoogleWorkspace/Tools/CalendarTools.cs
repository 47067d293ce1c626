using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

[McpServerToolType]
public sealed class CalendarTools(GoogleClient google, GoogleSettings settings)
{
    [McpServerTool(Name = "get_events", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Calendar events in a time window (default: the next 7 days), recurring meetings expanded, in start order: time, title, "
            + "place, organizer, attendees, Meet and calendar links."
    )]
    public async Task<CallToolResult> GetEvents(
        [Description("Window start: YYYY-MM-DD or an ISO 8601 time (default now).")] string? time_min = null,
        [Description("Window end: YYYY-MM-DD or an ISO 8601 time (default 7 days after the start).")] string? time_max = null,
        [Description("Calendar id: \"primary\" (default) or a calendar's e-mail-like id.")] string? calendar_id = null,
        [Description("Free-text filter on title, description, location and attendees.")] string? query = null,
        [Description("Cursor from a previous call's next_cursor.")] string? cursor = null,
        [Description("Maximum events to return (default 25, max 100).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var min = Time("time_min", time_min) ?? DateTimeOffset.UtcNow;
        var max = Time("time_max", time_max) ?? min.AddDays(7);
        if (max <= min)
            throw new ToolInputException("time_max must be after time_min.");
        var calendar = string.IsNullOrWhiteSpace(calendar_id) ? "primary" : calendar_id.Trim();
        var (minText, maxText) = (Rfc3339(min), Rfc3339(max));
        var scope = Cursor.Scope("events", calendar, minText, maxText, query);
        var (pageToken, skip) = PageCursor.Decode(cursor, scope);
        var take = Paging.Limit(limit, 25, 100);

        var url =
            $"{settings.Endpoints.Calendar}/calendars/{Uri.EscapeDataString(calendar)}/events?"
            + PageCursor.Query(
                ("singleEvents", "true"),
                ("orderBy", "startTime"),
                ("timeMin", minText),
                ("timeMax", maxText),
                ("q", query),
                ("maxResults", (take + skip).ToString(CultureInfo.InvariantCulture)),
                ("pageToken", pageToken)
            );
        var data = await google.GetAsync("Google Calendar", url, cancellationToken);
        var events = (data["items"]?.AsArray() ?? []).Skip(skip).Take(take).Select(e => ToEvent(e!)).ToList();
        var next = data["nextPageToken"]?.GetValue<string>();
        return ToolResults.List(
            events,
            new ListShape<EventInfo>
            {
                ItemsName = "events",
                TypeInfo = GoogleJson.Default.EventInfo,
                MoreUpstream = next is not null,
                NextCursor = kept => PageCursor.Next(scope, pageToken, skip, kept, events.Count, next),
                Extra = new JsonObject
                {
                    ["calendar"] = calendar,
                    ["time_min"] = minText,
                    ["time_max"] = maxText,
                    ["time_zone"] = data["timeZone"]?.DeepClone(),
                },
            },
            events.Count == 0 ? $"No events between {minText} and {maxText}." : $"{events.Count} event(s) between {minText} and {maxText}"
        );
    }

    internal static EventInfo ToEvent(JsonNode e)
    {
        var allDay = e["start"]?["date"] is not null;
        string? When(JsonNode? t) => S(t?["dateTime"]) ?? S(t?["date"]);
        var attendees = (e["attendees"]?.AsArray() ?? []).Select(a => S(a!["displayName"]) ?? S(a["email"])).OfType<string>().ToArray();
        return new EventInfo(
            S(e["id"]) ?? "",
            S(e["summary"]) ?? "(no title)",
            When(e["start"]) ?? "",
            When(e["end"]),
            allDay,
            S(e["location"]),
            S(e["organizer"]?["displayName"]) ?? S(e["organizer"]?["email"]),
            attendees.Length == 0 ? null : [.. attendees.Take(15)],
            attendees.Length == 0 ? null : attendees.Length,
            TextClip.Clip(S(e["description"]), 500),
            S(e["hangoutLink"]),
            e["recurringEventId"] is not null,
            S(e["htmlLink"]) ?? ""
        );
    }

    private static string? S(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at;
        throw new ToolInputException(
            $"{name} must be a date like 2025-01-31 or an ISO 8601 time like 2025-01-31T09:00:00Z (got \"{value}\")."
        );
    }
}
