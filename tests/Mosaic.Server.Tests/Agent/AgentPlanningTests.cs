using System.Text.Json;
using static Mosaic.Server.Tests.Agent.AgentCalls;

namespace Mosaic.Server.Tests.Agent;

/// <summary>
/// The agent plans while it asks: a lookup that only refines one source's call (GitHub's repository) runs inside that
/// source's run, alongside the other sources, never ahead of them. Real Sandbox and connector processes, Offline mode.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class AgentPlanningTests(DemoAgentFixture fixture)
{
    // GitHub first: were the sources planned one after another before any run, its lookup would be the first call made.
    private static readonly string[] Everything = ["github", "google_workspace", "jira", "mysql", "s3", "shopify", "slack"];
    private const string Question = "What do we know about the checkout double-charge bug?";

    [Fact]
    public async Task Other_sources_finish_their_calls_while_GitHubs_repository_lookup_is_still_waiting()
    {
        var hub = fixture.App.Hub;
        await fixture.User.AskAsync(new { query = Question, sources = Everything }); // every connector process started
        // list_repositories answers only once another source's call has ended. Were it made before the fan-out, nothing
        // else could run meanwhile: it would wait out the whole minute (and the assertions below would fail).
        using var hold = hub.HoldUntil(
            "github",
            "list_repositories",
            log => log.Any(e => e.Moment == "end" && e.Datasource != "github"),
            TimeSpan.FromMinutes(1)
        );
        var from = hub.Log.Count;
        await using var sse = await fixture.User.StreamAsync(new { query = Question, sources = Everything });
        var events = (await sse.ReadToEndAsync(TimeSpan.FromSeconds(180))).ToList();
        var log = hub.Log.Skip(from).ToList();

        Assert.Equal(1, hold.Held);
        Assert.False(hold.TimedOut, Calls(log));
        var lookupEnded = log.FindIndex(e => e is { Moment: "end", Datasource: "github", Tool: "list_repositories" });
        var otherEnded = log.FindIndex(e => e.Moment == "end" && e.Datasource != "github");
        Assert.InRange(otherEnded, 0, lookupEnded - 1);

        // The stream: the plan, then every source's start.
        var types = events.Select(EventType).ToList();
        Assert.True(types.IndexOf("plan_complete") < types.IndexOf("source_start"), string.Join(", ", types));
        Assert.Equal(Everything.Length, types.Count(t => t == "source_start"));

        // The plan and the answer are as before: GitHub's call is in the repository the lookup picked.
        var result = events[^1].GetProperty("result");
        Assert.Contains("github", Strings(result, "successful_sources"));
        Assert.StartsWith("list_issues repo=acme/storefront", PlannedQuery(result.GetProperty("plan"), "github"));
        Assert.Matches(@"\(http://127\.0\.0\.1:\d+/github/acme/storefront/issues/87\).*\(source: GitHub\)", Text(result));
        var announced = events.Single(e => EventType(e) == "plan_complete").GetProperty("sources").EnumerateArray();
        Assert.Equal(Everything.Order(), announced.Select(s => s.GetProperty("source").GetString()!).Order());
    }

    [Fact]
    public async Task A_source_whose_plan_needs_no_lookup_is_announced_with_its_call_and_asked_as_before()
    {
        await using var sse = await fixture.User.StreamAsync(new { query = "Summarize ACME-142 and order #1042" });
        var events = await sse.ReadToEndAsync(TimeSpan.FromSeconds(120));

        var announced = events.Single(e => EventType(e) == "plan_complete");
        Assert.Equal("get issue ACME-142", PlannedQuery(announced, "jira"));
        Assert.Equal("get_order order=#1042", PlannedQuery(announced, "shopify"));
        var result = events[^1].GetProperty("result");
        Assert.Equal("get issue ACME-142", PlannedQuery(result.GetProperty("plan"), "jira"));
        Assert.Equal("get_order order=#1042", PlannedQuery(result.GetProperty("plan"), "shopify"));
        Assert.Contains("Maya Patel", Result(result, "shopify").GetProperty("response").GetString());
    }

    private static string PlannedQuery(JsonElement plan, string source) =>
        plan.GetProperty("sources")
            .EnumerateArray()
            .Single(s => s.GetProperty("source").GetString() == source)
            .GetProperty("query")
            .GetString()!;

    private static string Text(JsonElement result) => result.GetProperty("response").GetString()!;

    private static string Calls(IEnumerable<OrderedHub.Entry> log) =>
        string.Join(", ", log.Select(e => $"{e.Moment} {e.Datasource}.{e.Tool}"));
}
