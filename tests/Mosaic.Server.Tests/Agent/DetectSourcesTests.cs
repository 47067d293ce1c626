using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mosaic.Server.Tests.Agent;

/// <summary>POST /api/agent/detect-sources in Offline mode (heuristics) for a user with all seven demo sources.</summary>
[Collection(DemoCollection.Name)]
public sealed class DetectSourcesTests(DemoAgentFixture fixture)
{
    /// <summary>Question → the source that must rank first, and others that must be among the chosen (|-separated).</summary>
    public static TheoryData<string, string, string> Questions =>
        new()
        {
            { "What's the status of ACME-142?", "jira", "" },
            { "Has PR #91 been approved yet?", "github", "" },
            { "What did people say in #checkout-eng today?", "slack", "" },
            { "Show me order #1042", "shopify", "" },
            { "Which files are in the acme-finance bucket?", "s3", "" },
            { "How many rows are in the customers table?", "mysql", "" },
            { "What meetings do I have tomorrow?", "google_workspace", "" },
            { "Any unread emails from Maya about her refund?", "google_workspace", "" },
            { "Which products are low on stock?", "shopify", "" },
            { "List the open pull requests in acme/storefront", "github", "" },
            { "Which Jira tickets are assigned to me this sprint?", "jira", "" },
            { "Did the CI workflow fail on main?", "github", "" },
            { "Find the launch plan doc in Drive", "google_workspace", "" },
            { "Run a SQL query counting support tickets by status", "mysql", "" },
            { "Download the q4-sales-forecast.csv report", "s3", "" },
            { "What did Bob say about the refund?", "slack", "shopify" },
            { "What is going on with the checkout double-charge bug?", "slack", "jira|github" },
            { "How many orders did we get this week and what was the revenue?", "shopify", "" },
            { "Was anything announced in the team channel?", "slack", "" },
            { "Which customers paid with discount code BREW10?", "shopify", "" },
            { "Is there a runbook for deploying the storefront in S3?", "s3", "" },
            { "Show the schema of the payments table", "mysql", "" },
            { "Who is reviewing the fix for the double charge?", "github", "" },
            { "What's on my calendar today?", "google_workspace", "" },
        };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Picks_sensible_sources(string question, string first, string alsoExpected)
    {
        var response = await fixture.User.Http.PostAsJsonAsync("/api/agent/detect-sources", new { query = question });
        var body = await ProblemAssert.JsonAsync(response);
        var ranked = body.GetProperty("relevant_sources").EnumerateArray().ToList();
        var ids = ranked.Select(r => r.GetProperty("source").GetString()!).ToList();
        Assert.True(
            ids.Count > 0 && ids[0] == first,
            $"'{question}': expected {first} first, got {string.Join(", ", ranked.Select(r => r.ToString()))}"
        );
        foreach (var other in alsoExpected.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(other, ids);
        Assert.Equal("heuristic", body.GetProperty("method").GetString());
        Assert.All(ranked, r =>
        {
            Assert.InRange(r.GetProperty("confidence").GetDouble(), 0.3, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reasoning").GetString()));
        });
        Assert.True(ranked.Count <= 4, "at most AGENT_MAX_SOURCES sources");
    }

    [Theory]
    [InlineData("What do we know about the Acme Brew Pro launch?", 4)]
    [InlineData("What needs my attention today?", 4)]
    [InlineData("What's new in Jira?", 1)]
    public async Task A_broad_question_asks_every_source_unless_it_names_one(string question, int expected)
    {
        var body = await ProblemAssert.JsonAsync(
            await fixture.User.Http.PostAsJsonAsync("/api/agent/detect-sources", new { query = question })
        );
        var ids = body.GetProperty("relevant_sources").EnumerateArray().Select(r => r.GetProperty("source").GetString()).ToList();
        Assert.Equal(expected, ids.Count);
        if (expected == 1)
            Assert.Equal("jira", ids[0]);
    }

    [Fact]
    public async Task Detection_is_limited_to_the_sources_asked_about_and_rejects_unknown_ones()
    {
        var only = await ProblemAssert.JsonAsync(
            await fixture.User.Http.PostAsJsonAsync(
                "/api/agent/detect-sources",
                new { query = "What did people say in #checkout-eng about ACME-142?", available_sources = new[] { "jira" } }
            )
        );
        Assert.Equal(["jira"], only.GetProperty("relevant_sources").EnumerateArray().Select(r => r.GetProperty("source").GetString()));

        var bad = await fixture.User.Http.PostAsJsonAsync(
            "/api/agent/detect-sources",
            new { query = "x", available_sources = new[] { "nosuch" } }
        );
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
        var empty = await fixture.User.Http.PostAsJsonAsync("/api/agent/detect-sources", new { query = " " });
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest);
    }
}
