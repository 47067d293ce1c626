using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

/// <summary>
/// Unread important mail since the window (actionable), and the meetings of the next 48 hours: those starting within
/// a day (or under way) actionable. Both are measured from now, not by calendar day, so what is listed does not
/// depend on the hour of the day (or on the time zone a calendar day would be taken in).
/// </summary>
[McpServerToolType]
public sealed class GoogleWhatsNewTools(GoogleClient google, GoogleSettings settings)
{
    [McpServerTool(Name = WhatsNew.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "What is new in Google Workspace since a time: unread important mail (needs action) and the meetings of the "
            + "next 48 hours (those within a day need action)."
    )]
    public async Task<CallToolResult> WhatsNewAsync(
        [Description(WhatsNewWindow.SinceHelp)] string since,
        [Description(WhatsNewWindow.LimitHelp)] int? limit = null,
        [Description(WhatsNewWindow.MeHelp)] string? me = null,
        [Description(WhatsNewWindow.NowHelp)] string? now = null,
        CancellationToken cancellationToken = default
    )
    {
        var window = WhatsNewWindow.From(since, limit, me, now);
        var mail = MailAsync(window, cancellationToken);
        var events = EventsAsync(window, cancellationToken);
        var items = (await mail)
            .Select(m => new WhatsNewItem(
                $"gmail-{m.Id}",
                "important_mail",
                m.Subject ?? "(no subject)",
                WhatsNew.Clip(m.Snippet),
                m.Link,
                m.From,
                MailTime(m.Date),
                true,
                "high"
            ))
            .ToList();
        foreach (var e in await events)
        {
            // All-day events carry a date: they count from that day's start (UTC).
            var start = WhatsNewWindow.Parse(e.Start);
            var soon = start is not { } s || s <= window.Now.AddHours(24);
            var where = e.Location is { } l ? " · " + l : "";
            items.Add(
                new(
                    $"calendar-{e.Id}",
                    soon ? "event_soon" : "event_later",
                    e.Summary,
                    $"{When(start, window.Now)} · {e.Start}{where}",
                    e.Link,
                    e.Organizer,
                    e.Start,
                    soon,
                    soon ? "medium" : "low"
                )
            );
        }
        return WhatsNew.Result(items, window, "Google Workspace");
    }

    private async Task<MessageInfo[]> MailAsync(WhatsNewWindow window, CancellationToken ct)
    {
        // Gmail reads after:YYYY/MM/DD as midnight in Pacific time; seconds since the epoch are exact.
        var query = $"is:unread is:important after:{window.Since.ToUnixTimeSeconds()}";
        var gmail = settings.Endpoints.Gmail;
        var list = await google.GetAsync("Gmail", $"{gmail}/users/me/messages?" + PageCursor.Query(("q", query), ("maxResults", "20")), ct);
        var ids = (list["messages"]?.AsArray() ?? []).Take(20).Select(m => m!["id"]!.GetValue<string>()).ToList();
        var messages = new MessageInfo[ids.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 5, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), parallel, async (i, token) =>
            messages[i] = GmailTools.ToMessage(
                await google.GetAsync(
                    "Gmail",
                    $"{gmail}/users/me/messages/{Uri.EscapeDataString(ids[i])}?{GmailTools.MetadataFormat}",
                    token
                ),
                false,
                settings.Endpoints
            )
        );
        return messages;
    }

    private async Task<List<EventInfo>> EventsAsync(WhatsNewWindow window, CancellationToken ct)
    {
        var url =
            $"{settings.Endpoints.Calendar}/calendars/primary/events?"
            + PageCursor.Query(
                ("singleEvents", "true"),
                ("orderBy", "startTime"),
                ("timeMin", CalendarTools.Rfc3339(window.Now)),
                ("timeMax", CalendarTools.Rfc3339(window.Now.AddHours(48))),
                ("maxResults", "50")
            );
        var data = await google.GetAsync("Google Calendar", url, ct);
        return (data["items"]?.AsArray() ?? []).Take(50).Select(e => CalendarTools.ToEvent(e!)).ToList();
    }

    /// <summary>"Under way", "In 40 min", "In 3 h": how far a meeting is from now.</summary>
    internal static string When(DateTimeOffset? start, DateTimeOffset now)
    {
        if (start is not { } s)
            return "Upcoming";
        var ahead = s - now;
        if (ahead <= TimeSpan.Zero)
            return "Under way";
        return ahead < TimeSpan.FromHours(1) ? $"In {Math.Ceiling(ahead.TotalMinutes):0} min" : $"In {ahead.TotalHours:0} h";
    }

    /// <summary>A mail's Date header ("Tue, 14 Jan 2025 09:12:00 +0000") as an ISO time; null when it cannot be read.</summary>
    internal static string? MailTime(string? date)
    {
        var text = date?.Split(" (", 2)[0].Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > 5 && text[3] == ',')
            text = text[4..].Trim();
        if (
            DateTimeOffset.TryParseExact(
                text,
                ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces,
                out var exact
            )
        )
            return WhatsNewWindow.Iso(exact);
        return WhatsNewWindow.Parse(text) is { } loose ? WhatsNewWindow.Iso(loose) : null;
    }
}
