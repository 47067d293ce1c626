using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Tests.Agent;

namespace Mosaic.Server.Tests.Digest;

/// <summary>
/// What You Missed at several hours of the day: the server on a FakeTimeProvider, the demo's own Sandbox started on
/// the same clock (DemoEnvironment hands it over as --now), s3rver and the real connector processes. The default
/// window lists the same story at 00:10, 03:10, 12:00 and 23:50 UTC: the customer's mail, Alice's review, the
/// incident sync still ahead, and nothing that needs action coming and going with the hour.
/// </summary>
public sealed class DigestClockTests
{
    private static readonly string[] Hours = ["00:10", "03:10", "12:00", "23:50"];

    /// <summary>The next moment with that UTC time of day: ahead of the real clock, so the session cookie it dates is unexpired.</summary>
    private static DateTimeOffset NextAt(string hhmm)
    {
        var real = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(real.UtcDateTime.Date, TimeSpan.Zero) + TimeSpan.Parse(hhmm, CultureInfo.InvariantCulture);
        return at > real ? at : at.AddDays(1);
    }

    [Fact]
    public async Task The_default_window_lists_the_same_story_at_every_hour_of_the_day()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MOSAIC_TEST_TOOLS")))
            throw new InvalidOperationException("MOSAIC_TEST_TOOLS is not set: the demo's S3 source needs s3rver (see scripts/test.sh).");
        var seen = new Dictionary<string, List<string>>();
        foreach (var hour in Hours)
        {
            var now = NextAt(hour);
            await using var app = new AgentAppFactory(null) { Time = new FakeTimeProvider(now) };
            await app.InitializeAsync();
            var user = await app.SignUpAliceAsync();
            await app.WithDemoAsync(user);

            var digest = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/digest"));
            // A first sign-in: the last day, to the second, on the server's clock.
            Assert.Equal(now.AddDays(-1), digest.GetProperty("since").GetDateTimeOffset());
            var items = digest
                .GetProperty("sections")
                .EnumerateArray()
                .SelectMany(s =>
                {
                    var error = s.GetProperty("error");
                    Assert.True(error.ValueKind == JsonValueKind.Null, $"{hour} {s.GetProperty("source")}: {error}");
                    return s.GetProperty("items").EnumerateArray();
                })
                .ToList();
            JsonElement Item(string kind, string title) =>
                Assert.Single(items, i =>
                    i.GetProperty("kind").GetString() == kind
                    && i.GetProperty("title").GetString()!.StartsWith(title, StringComparison.Ordinal)
                );
            bool Actionable(JsonElement i) => i.GetProperty("actionable").GetBoolean();

            Assert.True(Actionable(Item("important_mail", "Charged twice for my order #1042")), hour);
            Assert.True(Actionable(Item("important_mail", "Fix for the double charge is up for review (PR #91)")), hour);
            Assert.True(Actionable(Item("review_requested", "PR #91")), hour);
            var sync = Item("event_soon", "Checkout incident sync (ACME-142)");
            Assert.True(Actionable(sync), hour);
            Assert.Matches("^In [23] h · ", sync.GetProperty("summary").GetString());
            Assert.False(Actionable(Item("event_later", "Team lunch")), hour);
            Item("support_ticket", "SUP-2038");
            // Failed runs and new issues only from inside the window, though GitHub is asked by the day.
            Assert.All(items.Where(i => i.GetProperty("kind").GetString() is "failed_run" or "new_issue"), i =>
                Assert.True(i.GetProperty("timestamp").GetDateTimeOffset() >= now.AddDays(-1), $"{hour}: {i}")
            );

            // Recurring meetings (a weekday standup, a weekly 1:1) fall where the calendar puts them; the rest is the same
            // (by kind and title: ids such as a Slack message's timestamp move with the clock).
            bool Recurring(JsonElement i) =>
                i.GetProperty("source").GetString() == "google_workspace" && i.GetProperty("id").GetString()!.Contains('_');
            seen[hour] = items
                .Where(i => !Recurring(i))
                .Select(i => $"{i.GetProperty("kind").GetString()} {i.GetProperty("title").GetString()} actionable={Actionable(i)}")
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        foreach (var hour in Hours.Skip(1))
            Assert.True(
                seen[hour].SequenceEqual(seen[Hours[0]]),
                $"{Hours[0]} and {hour} differ:\n- "
                    + string.Join("\n- ", seen[Hours[0]].Except(seen[hour]))
                    + "\n+ "
                    + string.Join("\n+ ", seen[hour].Except(seen[Hours[0]]))
            );
    }
}
