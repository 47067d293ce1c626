using System.Text.RegularExpressions;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Infrastructure.WhatsNewAssert;

namespace Mosaic.Connectors.Tests.Slack;

/// <summary>Slack's whats_new against the Sandbox's seeded workspace, asked as Alice.</summary>
public sealed class SlackWhatsNewTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_direct_messages_mentions_and_busy_channels_for_the_asking_user()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var since = DateTimeOffset.UtcNow.AddHours(-72);
        var (items, truncated) = await CallAsync(slack, since);

        Assert.False(truncated);
        var dave = Single(items, "direct_message", "Dave Okafor sent you a direct message");
        Assert.True(dave.Actionable());
        Assert.Equal("high", dave.Text("priority"));
        Assert.Equal("Dave Okafor", dave.Text("author"));
        Assert.Matches($@"^{Regex.Escape(sandbox.BaseUrl)}/slack/archives/D\w+/p\d{{16}}$", dave.Text("url"));
        // The app's DM is listed but asks for nothing; Alice's own messages are never "sent to you".
        Assert.Contains(items, i => i.Text("kind") == "app_message" && !i.Actionable() && i.Text("priority") == "low");
        Assert.DoesNotContain(items, i => i.Text("author") == "Alice Chen");
        var mentions = items.Where(i => i.Text("kind") == "mention").ToList();
        Assert.Contains(mentions, m => m.Text("title") == "Erin Walsh mentioned you in #launch");
        Assert.All(mentions, m => Assert.True(m.Actionable() && m.Text("summary")!.Contains("@Alice Chen"), m.ToString()));
        var busy = Single(items, "busy_channel", "#checkout-eng: ");
        Assert.StartsWith("Latest from ", busy.Text("summary"));
        Assert.All(items, i => Assert.True(i.At() >= since.AddSeconds(-1), i.ToString()));
        // Direct messages come first, as the connector found them.
        Assert.All(items.TakeWhile(i => i.Text("kind") is "direct_message" or "app_message"), i =>
            Assert.StartsWith("slack-dm-", i.Text("id"))
        );
    }

    [Fact]
    public async Task Without_words_for_the_user_nobody_is_mentioned_and_a_small_limit_keeps_what_needs_action()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var since = DateTimeOffset.UtcNow.AddHours(-72);

        var (anonymous, _) = await CallAsync(slack, since, me: null);
        Assert.DoesNotContain(anonymous, i => i.Text("kind") == "mention");

        var (two, truncated) = await CallAsync(slack, since, limit: 2);
        Assert.True(truncated);
        Assert.Equal(2, two.Count);
        Assert.All(two, i => Assert.True(i.Actionable() && i.Text("priority") == "high", i.ToString()));
    }

    [Fact]
    public async Task A_missing_or_unreadable_since_is_a_tool_error_that_says_what_to_send()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        Assert.Contains("since is required", (await slack.CallAsync("whats_new", new { since = " " })).Error());
        Assert.Contains("ISO 8601", (await slack.CallAsync("whats_new", new { since = "last tuesday" })).Error());
        Assert.Contains(
            "after now",
            (await slack.CallAsync("whats_new", new { since = "2025-02-01T00:00:00Z", now = "2025-01-01T00:00:00Z" })).Error()
        );
    }
}
