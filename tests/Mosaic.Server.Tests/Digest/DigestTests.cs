using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Agent;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Digest;

/// <summary>"What You Missed" over the demo's seven sources (real Sandbox, s3rver, demo database, connector processes).</summary>
[Collection(DemoCollection.Name)]
public sealed class DigestTests(DemoAgentFixture fixture)
{
    [Fact]
    public async Task Lists_items_from_every_configured_source_actionable_first_each_linked()
    {
        var digest = await ProblemAssert.JsonAsync(await fixture.User.Http.GetAsync("/api/digest?hours=72&refresh=true"));
        var sections = digest.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);

        Assert.Equal(["github", "google_workspace", "jira", "mysql", "s3", "shopify", "slack"], sections.Keys.Order());
        foreach (var (source, section) in sections)
        {
            Assert.True(section.GetProperty("error").ValueKind == JsonValueKind.Null, $"{source}: {section.GetProperty("error")}");
            var items = section.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count > 0, $"{source} has no items");
            var actionable = items.Select(i => i.GetProperty("actionable").GetBoolean()).ToList();
            Assert.Equal(actionable.OrderByDescending(a => a), actionable); // needs-action first
            Assert.All(items, i => Assert.Equal(source, i.GetProperty("source").GetString()));
            if (source != "mysql")
                Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("url").GetString()), $"{source}: {i}"));
        }
        var all = sections.Values.SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        Assert.Contains(all, i =>
            i.GetProperty("kind").GetString() == "review_requested"
            && i.GetProperty("actionable").GetBoolean()
            && i.GetProperty("title").GetString()!.StartsWith("PR #91")
        );
        Assert.Contains(all, i =>
            i.GetProperty("kind").GetString() == "important_mail"
            && i.GetProperty("title").GetString() == "Charged twice for my order #1042"
        );
        Assert.Contains(all, i => i.GetProperty("kind").GetString() == "low_stock");
        Assert.Contains(all, i => i.GetProperty("kind").GetString() == "mention");
        // A person's DM needs an answer; the app's own DM is listed without asking for action.
        Assert.Contains(all, i =>
            i.GetProperty("kind").GetString() == "direct_message"
            && i.GetProperty("actionable").GetBoolean()
            && i.GetProperty("title").GetString() == "Dave Okafor sent you a direct message"
        );
        Assert.Contains(all, i => i.GetProperty("kind").GetString() == "app_message" && !i.GetProperty("actionable").GetBoolean());
        Assert.DoesNotContain(all, i =>
            i.GetProperty("kind").GetString() == "direct_message" && i.GetProperty("author").GetString() == "Alice Chen"
        );
        Assert.Contains(all, i => i.GetProperty("kind").GetString() == "failed_run");
        Assert.Contains(all, i => i.GetProperty("title").GetString() == "acme-engineering/postmortems/2025-checkout-double-charge.md");
        Assert.Contains(all, i => i.GetProperty("title").GetString()!.StartsWith("SUP-2038"));
        Assert.Equal(all.Count(i => i.GetProperty("actionable").GetBoolean()), digest.GetProperty("actionable_count").GetInt32());
        Assert.Equal("grouped", digest.GetProperty("summary_method").GetString());
        Assert.Contains("need your attention", digest.GetProperty("summary").GetString());
        // Sections with more that needs action come first.
        var counts = digest
            .GetProperty("sections")
            .EnumerateArray()
            .Select(s => s.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("actionable").GetBoolean()))
            .ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
    }

    [Fact]
    public async Task Is_cached_per_user_and_refreshable()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-48).ToString("yyyy-MM-dd'T'HH:mm:00'Z'");
        var first = await ProblemAssert.JsonAsync(await fixture.User.Http.GetAsync($"/api/digest?since={since}&refresh=true"));
        var second = await ProblemAssert.JsonAsync(await fixture.User.Http.GetAsync($"/api/digest?since={since}"));
        var refreshed = await ProblemAssert.JsonAsync(await fixture.User.Http.GetAsync($"/api/digest?since={since}&refresh=true"));
        Assert.False(first.GetProperty("from_cache").GetBoolean());
        Assert.True(second.GetProperty("from_cache").GetBoolean());
        Assert.Equal(first.GetProperty("generated_at").GetString(), second.GetProperty("generated_at").GetString());
        Assert.False(refreshed.GetProperty("from_cache").GetBoolean());

        // Another user has no sources, and never sees the first user's cached digest.
        var other = await fixture.App.SignInAsync();
        var theirs = await ProblemAssert.JsonAsync(await other.Http.GetAsync($"/api/digest?since={since}"));
        Assert.DoesNotContain(theirs.GetProperty("sections").EnumerateArray(), s =>
            s.GetProperty("source").GetString() is "slack" or "jira"
        );
    }

    [Fact]
    public async Task Connecting_sources_forgets_the_cached_digest()
    {
        var newcomer = await fixture.App.SignInAsync();
        var window = "/api/digest?since=" + DateTimeOffset.UtcNow.AddHours(-24).ToString("yyyy-MM-dd'T'HH:mm:00'Z'");
        var empty = await ProblemAssert.JsonAsync(await newcomer.Http.GetAsync(window));
        // The demo connects MySQL and S3 for the whole workspace (once any test here started it): only those may be there.
        Assert.DoesNotContain(empty.GetProperty("sections").EnumerateArray(), s =>
            s.GetProperty("source").GetString() is not ("mysql" or "s3")
        );
        Assert.True((await ProblemAssert.JsonAsync(await newcomer.Http.GetAsync(window))).GetProperty("from_cache").GetBoolean());

        await fixture.App.WithDemoAsync(newcomer); // saves credentials for all seven sources

        var after = await ProblemAssert.JsonAsync(await newcomer.Http.GetAsync(window));
        Assert.False(after.GetProperty("from_cache").GetBoolean());
        Assert.Equal(7, after.GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task The_stream_sends_each_section_then_the_digest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/digest/stream?hours=24&refresh=true");
        using var response = await fixture.User.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var events = text.Split('\n')
            .Where(l => l.StartsWith("data:"))
            .Select(l => JsonDocument.Parse(l[5..]).RootElement.Clone())
            .ToList();
        var types = events.Select(e => e.GetProperty("event_type").GetString()).ToList();
        Assert.Equal("digest_start", types[0]);
        var announced = events[0].GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Order().ToList();
        var delivered = events
            .Where(e => e.GetProperty("event_type").GetString() == "section")
            .Select(e => e.GetProperty("section").GetProperty("source").GetString())
            .Order()
            .ToList();
        Assert.Equal(7, announced.Count);
        Assert.Equal(announced, delivered);
        Assert.Equal(7, types.Count(t => t == "section"));
        Assert.Equal("done", types[^1]);
        Assert.Equal(7, events[^1].GetProperty("digest").GetProperty("sections").GetArrayLength());
    }

    [Theory]
    [InlineData("hours=0")]
    [InlineData("hours=abc")]
    [InlineData("since=yesterday-ish")]
    [InlineData("since=2999-01-01")]
    [InlineData("since=2025-01-01T00:00:00Z&hours=3")]
    public async Task A_bad_window_is_a_400(string query)
    {
        await ProblemAssert.IsProblemAsync(await fixture.User.Http.GetAsync($"/api/digest?{query}"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await fixture.User.Http.GetAsync($"/api/digest/stream?{query}"), HttpStatusCode.BadRequest);
    }
}
