using System.Text.Json;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Slack;

/// <summary>The Slack connector as a real process against the Sandbox's Slack Web API: the read tools.</summary>
public sealed class SlackReadTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_channels_pages_past_the_first_page_and_shows_private_ones_the_person_is_in()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var (channels, pages) = await SlackTestKit.AllPagesAsync(slack, "list_channels", "channels", new() { ["limit"] = 2 });

        Assert.True(pages >= 3, $"5 channels at 2 per page should take 3 pages, took {pages}");
        Assert.Equal(["checkout-eng", "general", "launch", "leadership", "random"], channels.Select(c => c.S("name")).Order());
        var checkout = channels.Single(c => c.S("name") == "checkout-eng");
        Assert.Equal(5, checkout.GetProperty("members").GetInt32());
        Assert.Contains("ACME-142", checkout.S("topic"));
        Assert.True(channels.Single(c => c.S("name") == "leadership").GetProperty("is_private").GetBoolean());
    }

    [Fact]
    public async Task List_users_pages_and_keeps_names_titles_and_emails()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var (users, pages) = await SlackTestKit.AllPagesAsync(slack, "list_users", "users", new() { ["limit"] = 3 });

        Assert.True(pages >= 3);
        Assert.Equal(users.Count, users.Select(u => u.S("id")).Distinct().Count());
        var alice = users.Single(u => u.S("handle") == "alice");
        Assert.Equal("Alice Chen", alice.S("name"));
        Assert.Equal("alice@acme.test", alice.S("email"));
        Assert.Equal("Engineering Manager", alice.S("title"));
        Assert.Contains(users, u => u.GetProperty("is_bot").GetBoolean());
    }

    [Fact]
    public async Task Read_messages_resolves_names_dates_and_permalinks_and_pages_newest_first()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var (messages, pages) = await SlackTestKit.AllPagesAsync(
            slack,
            "read_messages",
            "messages",
            new() { ["channel"] = "#checkout-eng", ["limit"] = 2 }
        );

        Assert.True(pages >= 3, $"took {pages} page(s)");
        var times = messages.Select(m => DateTimeOffset.Parse(m.S("time"))).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(messages, m => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", m.S("time")));
        Assert.All(messages, m =>
            Assert.Matches($@"^{Regex.Escape(sandbox.BaseUrl)}/slack/archives/C0CHECKOUT/p\d{{16}}$", m.S("permalink"))
        );
        var report = messages.Single(m => m.S("text").StartsWith("Reproduced on staging"));
        Assert.Equal("Bob Martinez", report.S("user"));
        Assert.Equal(3, report.GetProperty("reply_count").GetInt32());
    }

    [Fact]
    public async Task Read_messages_of_a_thread_renders_mentions_as_names()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var channel = (await slack.CallAsync("read_messages", new { channel = "checkout-eng", limit = 20 })).Ok();
        var parent = channel.GetProperty("messages").EnumerateArray().Single(m => m.TryGetProperty("reply_count", out _));

        var thread = (await slack.CallAsync("read_messages", new { channel = "C0CHECKOUT", thread_ts = parent.S("ts") })).Ok();
        var replies = thread.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(4, replies.Count);
        Assert.Equal(parent.S("ts"), replies[0].S("ts"));
        var ask = replies.Single(r => r.S("text").Contains("could you review"));
        Assert.Contains("@Alice Chen", ask.S("text"));
        Assert.DoesNotContain("<@", ask.S("text"));
        Assert.Contains("thread_ts=", ask.S("permalink"));
    }

    [Fact]
    public async Task Read_messages_honours_oldest_and_latest()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var all = (await slack.CallAsync("read_messages", new { channel = "#checkout-eng", limit = 50 }))
            .Ok()
            .GetProperty("messages")
            .EnumerateArray()
            .Select(m => DateTimeOffset.Parse(m.S("time")))
            .ToList();
        var cut = all[2].AddSeconds(-1); // a second before the third-newest message

        var recent = (await slack.CallAsync("read_messages", new { channel = "#checkout-eng", oldest = cut.ToString("O") })).Ok();
        Assert.Equal(3, recent.GetProperty("messages").GetArrayLength());
        var older = (await slack.CallAsync("read_messages", new { channel = "#checkout-eng", latest = cut.ToString("O") })).Ok();
        Assert.Equal(all.Count - 3, older.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Search_messages_with_the_user_token_finds_and_pages()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var (hits, pages) = await SlackTestKit.AllPagesAsync(
            slack,
            "search_messages",
            "matches",
            new() { ["query"] = "discount in:#checkout-eng", ["limit"] = 1 }
        );

        Assert.Equal(2, pages);
        Assert.All(hits, h => Assert.Equal("#checkout-eng", h.S("channel")));
        Assert.All(hits, h => Assert.Contains("discount", h.S("text"), StringComparison.OrdinalIgnoreCase));
        Assert.All(hits, h => Assert.StartsWith($"{sandbox.BaseUrl}/slack/archives/C0CHECKOUT/p", h.S("permalink")));
        Assert.Contains(hits, h => h.S("user") == "Carol Singh");
    }

    [Fact]
    public async Task List_dms_names_the_other_person_and_shows_the_latest_message()
    {
        await using var slack = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        var dms = (await slack.CallAsync("list_dms")).Ok().GetProperty("dms").EnumerateArray().ToList();

        var bob = dms.Single(d => d.S("user") == "Bob Martinez");
        Assert.Equal("Sure, after standup.", bob.S("last_message"));
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT"), bob.S("last_time"));
        Assert.Contains(dms, d => d.S("user") == "Dave Okafor");
        var read = (await slack.CallAsync("read_messages", new { channel = bob.S("id") })).Ok();
        Assert.Equal(2, read.GetProperty("messages").GetArrayLength());
    }
}
