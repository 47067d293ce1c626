using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Infrastructure.WhatsNewAssert;

namespace Mosaic.Connectors.Tests.Google;

/// <summary>Google Workspace's whats_new against the Sandbox's seeded mailbox and calendar.</summary>
public sealed class GoogleWhatsNewTests(GoogleFixture fx) : IClassFixture<GoogleFixture>
{
    [Fact]
    public async Task Lists_unread_important_mail_and_the_next_two_days_of_meetings()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-72);
        var (items, _) = await CallAsync(fx.Connector, since);

        var mail = Single(items, "important_mail", "Charged twice for my order #1042");
        Assert.True(mail.Actionable());
        Assert.Equal("high", mail.Text("priority"));
        Assert.StartsWith($"{fx.Sandbox.BaseUrl}/google/mail/message/", mail.Text("url"));
        Assert.Contains("maya.patel@example.com", mail.Text("author"));
        // The mail's Date header, read as an ISO time inside the window.
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", mail.Text("at"));
        Assert.True(mail.At() >= since);
        Assert.True(mail.Text("summary")!.Length <= 240);

        var sync = Single(items, "event_soon", "Checkout incident sync (ACME-142)");
        Assert.True(sync.Actionable());
        Assert.Equal("medium", sync.Text("priority"));
        Assert.Matches(@"^(Under way|In \d+ min|In \d+ h) · ", sync.Text("summary"));
        var lunch = Single(items, "event_later", "Team lunch");
        Assert.False(lunch.Actionable());
        Assert.Equal("low", lunch.Text("priority"));
        Assert.All(items.Where(i => i.Text("kind") is "event_soon" or "event_later"), e =>
            Assert.True(e.At() <= DateTimeOffset.UtcNow.AddHours(48), e.ToString())
        );
    }

    [Fact]
    public async Task Meetings_are_measured_from_the_given_now()
    {
        var now = DateTimeOffset.UtcNow;
        var (today, _) = await CallAsync(fx.Connector, now.AddHours(-24), now: now);
        var sync = Single(today, "event_soon", "Checkout incident sync (ACME-142)");
        var start = sync.At()!.Value;

        // Seen from an hour after the meeting began, it is under way; from three days before, it is not listed as soon.
        var (later, _) = await CallAsync(fx.Connector, now.AddHours(-24), now: start.AddHours(1));
        Assert.DoesNotContain(later, i => i.Text("id") == sync.Text("id") && i.Text("summary")!.StartsWith("In "));
        var (before, _) = await CallAsync(fx.Connector, now.AddHours(-96), now: start.AddHours(-30));
        var early = Assert.Single(before, i => i.Text("id") == sync.Text("id"));
        Assert.Equal("event_later", early.Text("kind"));
        Assert.StartsWith("In 30 h · ", early.Text("summary"));
    }
}
