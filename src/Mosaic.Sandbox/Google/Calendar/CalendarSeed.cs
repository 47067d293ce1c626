using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.Google.Calendar;

public sealed record CalendarEvent(
    string Id,
    string Summary,
    DateTimeOffset Start,
    TimeSpan Duration,
    AcmePerson Organizer,
    AcmePerson[] Attendees
)
{
    public string? Description { get; init; }
    public string? Location { get; init; }
    public bool AllDay { get; init; }
    public bool Meet { get; init; }

    /// <summary>Days a weekly recurring event repeats on; empty for a single event.</summary>
    public DayOfWeek[] RepeatsOn { get; init; } = [];
    public DateTimeOffset Created { get; init; }
}

/// <summary>Alice's calendar: the Acme Brew Pro launch review and launch day, the checkout incident sync, recurring meetings.</summary>
public static class CalendarSeed
{
    public static readonly string CalendarId = AcmeCompany.Alice.Email;
    public const string TimeZone = "America/Los_Angeles";

    /// <summary>A recurring meeting's first time, or an all-day event's day: a calendar day at a time of day.</summary>
    private static DateTimeOffset Day(int offset, int hourUtc, int minute = 0) =>
        new DateTimeOffset(AcmeCompany.Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(offset).AddHours(hourUtc).AddMinutes(minute);

    /// <summary>
    /// A one-off meeting, a whole number of hours from the hour the Sandbox started in: as far ahead (or behind) at
    /// every hour of the day, so the incident sync is always two to three hours away and never already over.
    /// </summary>
    private static DateTimeOffset InHours(int hours)
    {
        var now = AcmeCompany.Now.UtcDateTime;
        return new DateTimeOffset(now.Date.AddHours(now.Hour), TimeSpan.Zero).AddHours(hours);
    }

    public static IReadOnlyList<CalendarEvent> Events { get; } = Build();

    private static IReadOnlyList<CalendarEvent> Build()
    {
        var (alice, bob, carol, dave, erin) = (AcmeCompany.Alice, AcmeCompany.Bob, AcmeCompany.Carol, AcmeCompany.Dave, AcmeCompany.Erin);
        var everyone = AcmeCompany.People.ToArray();
        var created = AcmeCompany.Now.AddDays(-20);
        CalendarEvent E(string id, string summary, DateTimeOffset start, int minutes, AcmePerson organizer, AcmePerson[] attendees) =>
            new(id, summary, start, TimeSpan.FromMinutes(minutes), organizer, attendees) { Created = created, Meet = true };

        return
        [
            E("7k3launchreview01", AcmeCompany.Launch.CalendarEvent, InHours(2 * 24 + 5), 60, erin, everyone) with
            {
                Description =
                    $"Go/no-go for {AcmeCompany.Launch.ProductName}. Please read the \"{AcmeCompany.Launch.PlanDocument}\" doc and "
                    + $"the \"{AcmeCompany.Launch.Spreadsheet}\" sheet first. Open question: is the checkout double-charge bug "
                    + $"({AcmeCompany.CheckoutBug.JiraKey}) fixed before launch?",
                Location = "Espresso room (3F)",
            },
            E("7k3launchday00001", $"{AcmeCompany.Launch.ProductName} launch day", Day(7, 0), 24 * 60, erin, everyone) with
            {
                AllDay = true,
                Meet = false,
            },
            E(
                "7k3checkoutsync01",
                $"Checkout incident sync ({AcmeCompany.CheckoutBug.JiraKey})",
                InHours(3),
                30,
                alice,
                [alice, bob, carol, dave]
            ) with
            {
                Description =
                    $"{AcmeCompany.CheckoutBug.Summary}. Customers double-charged so far: order "
                    + $"{AcmeCompany.CheckoutBug.ShopifyOrderName} and #1038. Fix in PR "
                    + $"#{AcmeCompany.CheckoutBug.GitHubFixPullRequest}.",
                Created = AcmeCompany.Now.AddDays(-1),
            },
            E("7k3standup0000001", "Engineering standup", Day(-30, 17, 30), 15, alice, [alice, bob, carol]) with
            {
                RepeatsOn = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
                Created = AcmeCompany.Now.AddDays(-60),
            },
            E("7k3oneonebob00001", "1:1 Alice / Bob", Day(-27, 22), 30, alice, [alice, bob]) with
            {
                RepeatsOn = [DayOfWeek.Thursday],
                Created = AcmeCompany.Now.AddDays(-60),
            },
            E("7k3triage0000001", "Support backlog triage", InHours(-20), 45, dave, [dave, alice, erin]) with
            {
                Description = "Three double-charge reports since the BREW10 promo started; refunds issued manually.",
            },
            E("7k3forecast00001", $"{AcmeCompany.Launch.Spreadsheet} review", InHours(4 * 24 + 2), 60, erin, [erin, alice, dave]) with
            {
                Description = $"Walk through the \"{AcmeCompany.Launch.Spreadsheet}\" sheet, tab \"Launch - Acme Brew Pro\".",
            },
            E("7k3designrev00001", "Design review: checkout UI", InHours(-3 * 24 + 2), 60, carol, [carol, alice, erin]),
            E("7k3retro000000001", "Sprint retrospective", InHours(-6 * 24 + 4), 60, alice, [alice, bob, carol, erin]),
            E("7k3vendor00000001", "Vendor call: burr supplier (Brew Pro restock)", InHours(5 * 24 - 2), 30, erin, [erin, dave]) with
            {
                Description = "Brew Pro Brushed Steel is almost out of stock; confirm the 60-unit restock date.",
                Meet = false,
                Location = "Phone",
            },
            E("7k3teamlunch00001", "Team lunch", InHours(27), 90, erin, everyone) with
            {
                Meet = false,
                Location = "Caffè Lupo",
            },
        ];
    }
}
