using System.Net.Http.Json;
using System.Text.Json;
using static Mosaic.Server.Tests.Agent.AgentCalls;

namespace Mosaic.Server.Tests.Agent;

/// <summary>
/// The --demo wiring (DemoEnvironment: the real Sandbox, s3rver and demo database, credentials for all seven
/// sources) with the real connector processes, in Offline mode.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class DemoAgentTests(DemoAgentFixture fixture)
{
    [Fact]
    public void The_demo_gives_the_account_all_seven_sources()
    {
        Assert.Equal(["github", "google_workspace", "jira", "mysql", "s3", "shopify", "slack"], fixture.Demo.Sources.Order());
        Assert.NotNull(fixture.Demo.S3Url);
    }

    [Fact]
    public void The_demo_allows_exactly_its_own_Sandbox_and_s3rver_and_nothing_else()
    {
        var egress = fixture.App.Services.GetRequiredService<Mosaic.Server.Connectors.Hub.HostEgress>();
        static string Entry(string url) => $"127.0.0.1:{new Uri(url).Port}";

        Assert.Equal($"{Entry(fixture.Demo.SandboxUrl)},{Entry(fixture.Demo.S3Url!)}", egress.Variable);
    }

    [Fact]
    public async Task A_question_about_the_checkout_bug_gathers_facts_from_Slack_Jira_and_GitHub_in_one_answer()
    {
        var response = await fixture.User.AskAsync(new { query = "What is going on with the checkout double-charge bug?" });
        var text = response.GetProperty("response").GetString()!;

        foreach (var source in new[] { "slack", "jira", "github" })
            Assert.Contains(source, Strings(response, "successful_sources"));
        // Each fact names its source and links to the item.
        Assert.Matches(@"\[ACME-142\]\(http://127\.0\.0\.1:\d+/jira/browse/ACME-142\).*\(source: Jira\)", text);
        Assert.Matches(@"\(http://127\.0\.0\.1:\d+/github/acme/storefront/pull/91\).*\(source: GitHub\)", text);
        Assert.Matches(@"\(http://127\.0\.0\.1:\d+/github/acme/storefront/issues/87\).*\(source: GitHub\)", text);
        Assert.Matches(@"http://127\.0\.0\.1:\d+/slack/archives/C0CHECKOUT/p\d+.*\(source: Slack\)", text);
        Assert.Equal("extractive", response.GetProperty("synthesis").GetString());
        Assert.Contains(Result(response, "jira").GetProperty("links").EnumerateArray(), l =>
            l.GetProperty("title").GetString() == "ACME-142"
        );
    }

    [Fact]
    public async Task A_named_entity_is_fetched_directly_from_its_source()
    {
        var response = await fixture.User.AskAsync(new { query = "Summarize ACME-142 and order #1042" });
        var plan = response
            .GetProperty("plan")
            .GetProperty("sources")
            .EnumerateArray()
            .ToDictionary(p => p.GetProperty("source").GetString()!);
        Assert.Equal("get issue ACME-142", plan["jira"].GetProperty("query").GetString());
        Assert.Equal("get_order order=#1042", plan["shopify"].GetProperty("query").GetString());
        var text = response.GetProperty("response").GetString()!;
        Assert.Contains("Maya Patel", Result(response, "shopify").GetProperty("response").GetString());
        Assert.Contains("(source: Shopify)", text);
        Assert.Contains("(source: Jira)", text);
    }

    [Fact]
    public async Task The_stream_ends_with_the_synthesized_answer_and_per_source_tool_events()
    {
        await using var sse = await fixture.User.StreamAsync(new { query = "Show the latest messages in #checkout-eng" });
        var events = await sse.ReadToEndAsync(TimeSpan.FromSeconds(120));
        var plan = events.Single(e => EventType(e) == "plan_complete");
        Assert.Equal("slack", plan.GetProperty("sources")[0].GetProperty("source").GetString());
        Assert.Contains(events, e =>
            EventType(e) == "tool_start"
            && e.GetProperty("source").GetString() == "slack"
            && e.GetProperty("tool").GetString() == "read_messages"
        );
        var chunks = string.Concat(events.Where(e => EventType(e) == "synthesis_chunk").Select(e => e.GetProperty("chunk").GetString()));
        var done = events[^1];
        Assert.Equal("done", EventType(done));
        Assert.Equal(done.GetProperty("result").GetProperty("response").GetString(), chunks.TrimEnd());
        Assert.Contains("(source: Slack)", chunks);
    }
}
