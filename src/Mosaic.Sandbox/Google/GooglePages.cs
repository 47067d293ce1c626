using System.Text;
using Mosaic.Sandbox.Google.Calendar;
using Mosaic.Sandbox.Google.Drive;
using Mosaic.Sandbox.Google.Gmail;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Google;

/// <summary>
/// The pages behind the links Google's APIs give out, under the Sandbox's Google base (<c>{sandbox}/google</c>) with
/// Google's own paths: Calendar's htmlLink (<c>/calendar/event?eid=…</c>), Drive's webViewLink (<c>/document/d/{id}/edit</c>,
/// <c>/spreadsheets/d/{id}/edit</c>, <c>/drive/folders/{id}</c>, <c>/file/d/{id}/view</c>, <c>/open?id=</c>) and the
/// Gmail links the connector builds on that base (<c>/mail/message/{id}</c>), Meet rooms (<c>/meet/{code}</c>). Unknown items: 404.
/// </summary>
public static class GooglePages
{
    /// <summary>Where Google's web links point in the Sandbox: the base its Google APIs are served on.</summary>
    public static string WebBase(HttpRequest request) => $"{SandboxPages.BaseUrl(request)}/google";

    public static void MapGooglePages(this RouteGroupBuilder google)
    {
        google.MapGet("/calendar/event", (string? eid) => EventPage(eid));
        google.MapGet("/document/d/{id}/{**rest}", (string id) => FilePage(id, f => f.MimeType == DriveSeed.Document));
        google.MapGet("/spreadsheets/d/{id}/{**rest}", (string id) => FilePage(id, f => f.MimeType == DriveSeed.Spreadsheet));
        google.MapGet("/drive/folders/{id}", (string id) => FilePage(id, f => f.MimeType == DriveSeed.Folder));
        google.MapGet("/file/d/{id}/{**rest}", (string id) => FilePage(id, _ => true));
        google.MapGet("/open", (string? id) => FilePage(id ?? "", _ => true));
        google.MapGet("/meet/{code}", (string code) =>
            CalendarSeed.Events.FirstOrDefault(e => e.Meet && MeetCode(e) == code) is { } e
                ? SandboxPages.Page($"Meet: {e.Summary}", "A simulated Google Meet room.")
                : Results.NotFound()
        );
        google.MapGet("/mail/message/{id}", (string id) =>
            GmailSeed.Messages.FirstOrDefault(m => m.Id == id) is { } m
                ? SandboxPages.Page(m.Subject, $"From: {m.From}", $"To: {m.To}", m.Body)
                : Results.NotFound()
        );
    }

    /// <summary>An event's Meet code (hangoutLink's last segment), "acm-xxxx-brw" as Meet codes look.</summary>
    public static string MeetCode(CalendarEvent e) => $"acm-{e.Id[3..7]}-brw";

    private static IResult FilePage(string id, Func<DriveFile, bool> kind) =>
        DriveSeed.Files.FirstOrDefault(f => f.Id == id) is { } f && kind(f)
            ? SandboxPages.Page(f.Name, $"Owner: {f.Owner.Name}", f.Description)
            : Results.NotFound();

    /// <summary>An eid is base64 of "{event id} {calendar id}"; a recurring event's instance id is "{id}_{start}".</summary>
    private static IResult EventPage(string? eid)
    {
        string decoded;
        try
        {
            var padded = (eid ?? "").PadRight(((eid ?? "").Length + 3) / 4 * 4, '=');
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            return Results.NotFound();
        }
        var id = decoded.Split(' ')[0];
        var baseId = id.Split('_')[0];
        return CalendarSeed.Events.FirstOrDefault(e => e.Id == baseId && (e.RepeatsOn.Length > 0 || e.Id == id)) is { } e
            ? SandboxPages.Page(e.Summary, $"Organizer: {e.Organizer.Name}", e.Location, e.Description)
            : Results.NotFound();
    }
}
