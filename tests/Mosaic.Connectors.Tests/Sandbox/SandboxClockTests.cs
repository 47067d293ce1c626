using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Sandbox;

/// <summary>
/// The Sandbox's story on a set clock (--now) at several hours of the day, around a new year and a new month too:
/// every seeded time is in the past and clear of the edges of the windows a digest reads, and the items the demo
/// is about (the customer's mail, the incident sync, the #1042 ticket) are where "the last 24 hours" finds them.
/// </summary>
public sealed class SandboxClockTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan[] WindowEdges =
    [
        TimeSpan.FromHours(24),
        TimeSpan.FromHours(48),
        TimeSpan.FromHours(72),
        TimeSpan.FromDays(7),
    ];

    public static TheoryData<string> Clocks =>
        new() { "2027-01-01T00:10:00Z", "2027-03-01T03:10:00Z", "2026-06-15T12:00:00Z", "2026-12-31T23:50:00Z" };

    private static async Task WithSandboxAt(string time, Func<SandboxFixture, DateTimeOffset, Task> test)
    {
        var now = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var sandbox = new SandboxFixture { Now = now };
        await sandbox.InitializeAsync();
        try
        {
            await test(sandbox, now);
        }
        finally
        {
            await sandbox.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(Clocks))]
    public Task Every_seeded_time_is_in_the_past_and_clear_of_the_digest_window_edges(string time) =>
        WithSandboxAt(time, async (sandbox, now) =>
        {
            var times = await SeededTimes.ReadAsync(sandbox);
            Assert.True(times.Count > 300, $"only {times.Count} seeded times were read");
            Assert.Equal(["drive", "github", "gmail", "jira", "mysql", "shopify", "slack"], times.Select(t => t.Source).Distinct().Order());
            var problems = times
                .Select(t => (t, Age: now - t.At))
                .SelectMany(x =>
                    x.Age < TimeSpan.Zero
                        ? [$"in the future: {x.t}"]
                        : WindowEdges
                            .Where(edge => (x.Age - edge).Duration() < Margin)
                            .Select(edge => $"{x.Age.TotalHours:0.00} h old, on the {edge.TotalHours} h edge: {x.t}")
                )
                .ToList();
            Assert.True(problems.Count == 0, string.Join('\n', problems));
        });

    [Theory, MemberData(nameof(Clocks))]
    public Task The_story_is_inside_the_last_24_hours_at_every_hour(string time) => WithSandboxAt(time, async (sandbox, now) =>
        {
            var auth = new AuthenticationHeaderValue("Bearer", await SeededTimes.GoogleTokenAsync(sandbox));
            // What the digest asks Gmail for: unread important mail since exactly 24 hours ago.
            var since = now.AddHours(-24).ToUnixTimeSeconds();
            const string messages = "/google/gmail/v1/users/me/messages";
            var ids = (await SeededTimes.GetAsync(sandbox, $"{messages}?q=is:unread%20is:important%20after:{since}", auth))["messages"]!
                .AsArray()
                .Select(m => (string)m!["id"]!)
                .ToList();
            var subjects = new List<string>();
            foreach (var id in ids)
            {
                var m = await SeededTimes.GetAsync(sandbox, $"{messages}/{id}?format=metadata&metadataHeaders=Subject", auth);
                subjects.Add((string)m["payload"]!["headers"]!.AsArray().Single(h => (string?)h!["name"] == "Subject")!["value"]!);
            }
            Assert.Contains("Charged twice for my order #1042", subjects);
            Assert.Contains("Fix for the double charge is up for review (PR #91)", subjects);

            // The incident sync is always a few hours ahead (never over, never tomorrow's), the team lunch a day ahead.
            var window =
                $"timeMin={Uri.EscapeDataString(now.ToString("O"))}&timeMax={Uri.EscapeDataString(now.AddHours(48).ToString("O"))}";
            var calendar = $"/google/calendar/v3/calendars/primary/events?singleEvents=true&orderBy=startTime&{window}";
            var events = (await SeededTimes.GetAsync(sandbox, calendar, auth))["items"]!
                .AsArray()
                .ToDictionary(e => (string)e!["summary"]! + " " + (string?)e["start"]!["dateTime"], e => e!);
            var sync = Assert.Single(events, e => e.Key.StartsWith("Checkout incident sync (ACME-142)", StringComparison.Ordinal)).Value;
            Assert.InRange(SeededTimes.Parse((string)sync["start"]!["dateTime"]!) - now, TimeSpan.FromHours(2), TimeSpan.FromHours(3));
            var lunch = Assert.Single(events, e => e.Key.StartsWith("Team lunch", StringComparison.Ordinal)).Value;
            Assert.InRange(SeededTimes.Parse((string)lunch["start"]!["dateTime"]!) - now, TimeSpan.FromHours(26), TimeSpan.FromHours(27));

            // The demo database moved to this clock, in a file of its own: the #1042 ticket came in 20 hours ago.
            var path = sandbox.EnvFor("mysql")["SQLITE_PATH"];
            Assert.StartsWith("acme-at-", Path.GetFileName(path));
            var times = await SeededTimes.ReadAsync(sandbox);
            var ticket = times.Single(t => t.What == "support_tickets SUP-2038 created_at");
            Assert.InRange(now - ticket.At, TimeSpan.FromHours(19), TimeSpan.FromHours(21));
            var mail = times.Single(t => t.Source == "gmail" && t.What == "Charged twice for my order #1042");
            Assert.InRange(now - mail.At, TimeSpan.FromHours(19), TimeSpan.FromHours(21));
        });

    [Theory]
    [InlineData("--now=yesterday")]
    [InlineData("--now=2026-01-15T03:10:00")] // no zone: refused rather than guessed
    [InlineData("--now")]
    public async Task A_clock_that_is_not_an_iso_time_with_a_zone_stops_the_sandbox(string argument)
    {
        using var process = SandboxFixture.Start(["--print-env", argument]);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--now needs an ISO 8601 time with a zone", await stderr);
        Assert.Empty(stdout);
    }
}
