using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Google.Calendar;

namespace Mosaic.Sandbox.Google;

/// <summary>Calendar API v3 <c>events.list</c>: time window, free-text q, recurring expansion (singleEvents), ordering, paging.</summary>
public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this RouteGroupBuilder google, GoogleGuard guard) =>
        google.MapGet(
            "/calendar/v3/calendars/{calendarId}/events",
            (
                HttpRequest request,
                string calendarId,
                string? timeMin,
                string? timeMax,
                string? q,
                bool? singleEvents,
                string? orderBy,
                string? pageToken,
                int? maxResults
            ) =>
            {
                if (
                    guard.Check(request, "calendar-json.googleapis.com", GoogleAuth.Calendar, "https://www.googleapis.com/auth/calendar") is
                    { } denied
                )
                    return denied;
                if (calendarId != "primary" && calendarId != CalendarSeed.CalendarId)
                    return GoogleErrors.NotFound("Not Found");
                if (!TryTime(timeMin, out var min))
                    return GoogleErrors.BadRequest("Bad Request", "timeMin");
                if (!TryTime(timeMax, out var max))
                    return GoogleErrors.BadRequest("Bad Request", "timeMax");
                var expand = singleEvents == true;
                if (orderBy == "startTime" && !expand)
                    return GoogleErrors.BadRequest("The requested ordering is not available for the particular query.", "orderBy");
                if (orderBy is not null and not "startTime" and not "updated")
                    return GoogleErrors.InvalidValue("orderBy");
                var size = Math.Clamp(maxResults ?? 250, 1, 2500);

                var items = CalendarSeed
                    .Events.SelectMany(e => expand ? Instances(e, min, max) : [(Event: e, Start: e.Start, Instance: false)])
                    .Where(x => (min is null || x.Start + x.Event.Duration > min) && (max is null || x.Start < max))
                    .Where(x => string.IsNullOrWhiteSpace(q) || Matches(x.Event, q))
                    .OrderBy(x => orderBy == "updated" ? x.Event.Created : x.Start)
                    .Select(x => ToJson(x.Event, x.Start, x.Instance, GooglePages.WebBase(request)))
                    .ToList();
                if (!GoogleErrors.TryPage(items, pageToken, size, out var page, out var next))
                    return GoogleErrors.InvalidValue("pageToken");

                var result = new JsonObject
                {
                    ["kind"] = "calendar#events",
                    ["etag"] = "\"p33c9f8a1e0ee0\"",
                    ["summary"] = CalendarSeed.CalendarId,
                    ["description"] = "",
                    ["updated"] = GoogleErrors.Rfc3339(AcmeCompany.Now),
                    ["timeZone"] = CalendarSeed.TimeZone,
                    ["accessRole"] = "owner",
                    ["defaultReminders"] = new JsonArray(new JsonObject { ["method"] = "popup", ["minutes"] = 10 }),
                    ["items"] = new JsonArray([.. page]),
                };
                if (next is not null)
                    result["nextPageToken"] = next;
                return Results.Json(result);
            }
        );

    private static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (value is null)
            return true;
        // Google requires an RFC 3339 timestamp with an offset; a bare date is a 400.
        if (!value.Contains('T') || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        time = parsed;
        return true;
    }

    private static IEnumerable<(CalendarEvent Event, DateTimeOffset Start, bool Instance)> Instances(
        CalendarEvent e,
        DateTimeOffset? min,
        DateTimeOffset? max
    )
    {
        if (e.RepeatsOn.Length == 0)
        {
            yield return (e, e.Start, false);
            yield break;
        }
        var from = e.Start;
        var until = max ?? (min ?? AcmeCompany.Now).AddDays(60);
        for (var start = from; start < until; start = start.AddDays(1))
            if (e.RepeatsOn.Contains(start.DayOfWeek) && (min is null || start + e.Duration > min))
                yield return (e, start, true);
    }

    private static bool Matches(CalendarEvent e, string q)
    {
        var text = $"{e.Summary} {e.Description} {e.Location} {string.Join(' ', e.Attendees.Select(a => $"{a.Name} {a.Email}"))}";
        return q.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject ToJson(CalendarEvent e, DateTimeOffset start, bool instance, string web)
    {
        var id = instance ? $"{e.Id}_{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}" : e.Id;
        var eid = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id} {CalendarSeed.CalendarId}")).TrimEnd('=');
        var json = new JsonObject
        {
            ["kind"] = "calendar#event",
            ["etag"] = $"\"{e.Created.ToUnixTimeMilliseconds()}000\"",
            ["id"] = id,
            ["status"] = "confirmed",
            ["htmlLink"] = $"{web}/calendar/event?eid={eid}",
            ["created"] = GoogleErrors.Rfc3339(e.Created),
            ["updated"] = GoogleErrors.Rfc3339(e.Created.AddHours(2)),
            ["summary"] = e.Summary,
        };
        if (e.Description is not null)
            json["description"] = e.Description;
        if (e.Location is not null)
            json["location"] = e.Location;
        json["creator"] = new JsonObject { ["email"] = e.Organizer.Email, ["displayName"] = e.Organizer.Name };
        json["organizer"] = new JsonObject { ["email"] = e.Organizer.Email, ["displayName"] = e.Organizer.Name };
        json["start"] = Time(e, start);
        json["end"] = Time(e, start + e.Duration);
        if (e.RepeatsOn.Length > 0 && !instance)
            json["recurrence"] = new JsonArray(
                $"RRULE:FREQ=WEEKLY;BYDAY={string.Join(',', e.RepeatsOn.Select(d => d.ToString()[..2].ToUpperInvariant()))}"
            );
        if (instance)
        {
            json["recurringEventId"] = e.Id;
            json["originalStartTime"] = Time(e, start);
        }
        json["iCalUID"] = $"{e.Id}@google.com";
        json["attendees"] = new JsonArray([
            .. e.Attendees.Select(a =>
                (JsonNode)
                    new JsonObject
                    {
                        ["email"] = a.Email,
                        ["displayName"] = a.Name,
                        ["organizer"] = a == e.Organizer ? true : null,
                        ["self"] = a == AcmeCompany.Alice ? true : null,
                        ["responseStatus"] =
                            a == e.Organizer ? "accepted"
                            : a == AcmeCompany.Dave ? "tentative"
                            : "needsAction",
                    }
            ),
        ]);
        RemoveNulls(json["attendees"]!.AsArray());
        if (e.Meet)
            json["hangoutLink"] = $"{web}/meet/{GooglePages.MeetCode(e)}";
        json["eventType"] = "default";
        return json;
    }

    private static JsonObject Time(CalendarEvent e, DateTimeOffset at) =>
        e.AllDay
            ? new JsonObject { ["date"] = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : new JsonObject
            {
                ["dateTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["timeZone"] = CalendarSeed.TimeZone,
            };

    private static void RemoveNulls(JsonArray items)
    {
        foreach (var item in items.OfType<JsonObject>())
        foreach (var key in item.Where(p => p.Value is null).Select(p => p.Key).ToList())
            item.Remove(key);
    }
}
