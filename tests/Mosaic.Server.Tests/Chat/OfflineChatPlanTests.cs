using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Agent;
using Mosaic.Server.Tests.Support;

namespace Mosaic.Server.Tests.Chat;

/// <summary>
/// Single-source chat in Offline mode asks the source's own plan first (the one the agent uses), keeps the catch-all
/// search for when no tool's words fit, and otherwise matches the question to a tool as before. On the demo's sources.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class OfflineChatPlanTests(DemoAgentFixture fx)
{
    private async Task<(string Text, string Tool, string Tier)> AskAsync(string source, string message)
    {
        var body = await ProblemAssert.JsonAsync(
            await fx.User.Http.PostAsJsonAsync("/api/chat/message", new { message, datasource = source })
        );
        var tool = body.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("tool").GetString()).FirstOrDefault() ?? "";
        return (body.GetProperty("response").GetString()!, tool, body.GetProperty("metadata").GetProperty("tier").GetString()!);
    }

    [Fact]
    public async Task A_question_naming_an_issue_is_answered_by_the_plan_that_fetches_it()
    {
        var (text, tool, tier) = await AskAsync("jira", "Show ticket ACME-142");
        Assert.Equal("get_issue", tool);
        Assert.Equal("direct", tier);
        Assert.Contains("Checkout double-charges when a discount code is applied", text);
    }

    [Fact]
    public async Task A_question_the_plan_only_guesses_at_goes_to_the_tool_its_words_name()
    {
        // The Jira plan's catch-all is a text search; "projects" names list_projects, which answers it.
        var (text, tool, _) = await AskAsync("jira", "Which projects are there?");
        Assert.Equal("list_projects", tool);
        Assert.Contains("Acme Storefront", text);
    }

    [Fact]
    public async Task When_no_tool_fits_the_plan_s_search_answers_instead_of_a_list_of_tools()
    {
        var (text, tool, tier) = await AskAsync("slack", "Anything about the espresso machine descaling?");
        Assert.Equal("search_messages", tool);
        Assert.Equal("direct", tier);
        Assert.DoesNotContain("couldn't tell which tool fits", text);
    }

    [Theory]
    [InlineData("jira", "What's new in Jira in the last 7 days?", "changed in Jira in the last 7 days")]
    [InlineData("github", "What did I miss?", "changed in GitHub in the last 24 hours")]
    public async Task A_what_changed_question_is_the_source_s_whats_new_over_the_period_it_names(string source, string q, string lead)
    {
        var (text, tool, tier) = await AskAsync(source, q);
        Assert.Equal("whats_new", tool);
        Assert.Equal("direct", tier);
        Assert.Matches(@"^\*\*\d+ things?\*\* " + System.Text.RegularExpressions.Regex.Escape(lead), text);
    }

    [Theory]
    [InlineData("jira", "get_issue", "#1042")] // one issue fits best: its description names the order
    [InlineData("slack", "search_messages", "ACME-142")] // "what's" half-names whats_new, which needs a time
    public async Task A_search_beats_a_route_or_a_tool_match_that_cannot_answer(string source, string expected, string fact)
    {
        var (text, tool, _) = await AskAsync(source, "What's going on with the checkout bug?");
        Assert.Equal(expected, tool);
        Assert.Contains(fact, text);
        Assert.DoesNotContain("required", text);
        Assert.DoesNotContain("needs `since`", text);
    }
}
