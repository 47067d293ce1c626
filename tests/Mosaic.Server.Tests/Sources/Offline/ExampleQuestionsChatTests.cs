using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Sources;
using Mosaic.Server.Tests.Agent;

namespace Mosaic.Server.Tests.Sources.Offline;

/// <summary>
/// The questions the empty chat suggests for each source, asked in single-source Offline chat against the demo's real
/// sources (Sandbox, s3rver): each answer leads with the fact asked, backed by linked items, and keeps to what was asked.
/// Facts are the Acme story's (src/Mosaic.Sandbox), fixed relative to the Sandbox's clock.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ExampleQuestionsChatTests(DemoAgentFixture fixture)
{
    private const string Sandbox = @"http://127\.0\.0\.1:\d+";

    /// <summary>Source, question → the tool, what the answer must say, a link pattern it must carry, what it must not say.</summary>
    public static TheoryData<string, string, string, string[], string, string[]> Examples =>
        new()
        {
            {
                "slack",
                "Read the latest messages in #checkout-eng",
                "read_messages",
                ["The latest message in #checkout-eng is from Dave Okafor", "Refund for #1042 went through (OPS-31)"],
                $@"{Sandbox}/slack/archives/C0CHECKOUT/p\d+",
                ["#random"]
            },
            {
                "slack",
                "Search messages for \"checkout\"",
                "search_messages",
                ["4 messages match “checkout”; the latest is from Erin Walsh in #launch", "Launch is blocked on the checkout fix"],
                $@"{Sandbox}/slack/archives/C0LAUNCH01/p\d+",
                ["Coffee, obviously"]
            },
            {
                "slack",
                "Which channels can I see?",
                "list_channels",
                ["You can see 5 channels: #general, #checkout-eng, #launch, #random and #leadership."],
                "",
                []
            },
            {
                "jira",
                "Show ticket ACME-142",
                "get_issue",
                [
                    "/jira/browse/ACME-142) (Checkout double-charges when a discount code is applied) is **In Progress**, "
                        + "assigned to Bob Martinez (priority Highest).",
                ],
                $@"\[ACME-142\]\({Sandbox}/jira/browse/ACME-142\)",
                []
            },
            {
                "jira",
                "List open issues in project ACME",
                "query_jira",
                ["There are 5 open issues in ACME.", "ACME-143", "ACME-139"],
                $@"{Sandbox}/jira/browse/ACME-141",
                ["ACME-138", "OPS-31", "BREW-12"] // done, or in another project
            },
            {
                "jira",
                "Which projects are there?",
                "list_projects",
                [
                    "There are 4 Jira projects: ACME (Acme Storefront), OPS (Support Operations), "
                        + "BREW (Acme Brew Pro Launch) and SEC (Security).",
                ],
                $@"{Sandbox}/jira/browse/BREW",
                []
            },
            {
                "github",
                "List open pull requests in acme/storefront",
                "list_pull_requests",
                ["acme/storefront has 3 open pull requests", "Fix double charge on discounted checkout"],
                $@"{Sandbox}/github/acme/storefront/pull/91",
                ["Acme Brew Pro landing page"] // merged
            },
            {
                "github",
                "Show open issues in acme/storefront",
                "list_issues",
                ["acme/storefront has 8 open issues", "Checkout double-charges when a discount code is applied"],
                $@"{Sandbox}/github/acme/storefront/issues/87",
                ["Upgrade the payment SDK to v5", "/pull/91"] // closed; a pull request
            },
            {
                "github",
                "Latest commits in acme/storefront",
                "list_commits",
                ["The latest commit in acme/storefront is “Merge pull request #86 from acme/feature/brew-pro-landing” by carol-s"],
                $@"{Sandbox}/github/acme/storefront/commit/[0-9a-f]{{40}}",
                []
            },
            {
                "s3",
                "List my S3 buckets",
                "list_buckets",
                ["You have 3 buckets: acme-engineering, acme-finance and acme-marketing."],
                "",
                []
            },
            {
                "s3",
                "Find objects named \"invoice\"",
                "search_objects",
                [
                    "Nothing found: I searched object names containing “invoice” in the buckets acme-engineering, "
                        + "acme-finance and acme-marketing.",
                ],
                "",
                []
            },
            {
                "s3",
                "List the files in my first bucket",
                "list_objects",
                ["acme-engineering, your first bucket, holds 3 objects.", "postmortems/2025-checkout-double-charge.md"],
                "",
                ["q4-sales-forecast.csv"]
            },
            {
                "google_workspace",
                "What's on my calendar this week?",
                "get_events",
                ["events in the next 7 days", "Acme Brew Pro launch review", "Checkout incident sync (ACME-142)"],
                $@"{Sandbox}/google/calendar/event\?eid=",
                ["Sprint retrospective"] // six days ago
            },
            {
                "google_workspace",
                "Search Drive for the Acme Brew Pro launch plan",
                "search_drive_files",
                ["The best match is “Acme Brew Pro launch plan” (document"],
                $@"{Sandbox}/google/document/d/\w+",
                []
            },
            {
                "google_workspace",
                "Show my latest emails",
                "list_messages",
                ["Your latest e-mail is from Shopify <no-reply@shopify.com>: “[Acme Brew] Order #1044 placed by a customer”"],
                $@"{Sandbox}/google/mail/message/\w+",
                []
            },
            {
                "shopify",
                "Show the most recent orders",
                "list_orders",
                ["The latest is #1044 from Oliver Brown: 194.00 USD, **AUTHORIZED**", "#1042"],
                $@"\[#1044\]\({Sandbox}/shopify/admin/orders/5600001044\)",
                []
            },
            {
                "shopify",
                "Which products are low on stock?",
                "list_products",
                [
                    "4 items are low on stock (10 or fewer available): Acme Brew Pro Grinder, Brushed Steel (ABP-STL: **7**), "
                        + "Colombia Decaf Whole Bean, 250g (BEAN-COL-DCF-250: **9**), Gooseneck Electric Kettle, White "
                        + "(KTL-GN-WHT: **4**) and Precision Coffee Scale (SCL-01: **2**).",
                ],
                $@"{Sandbox}/shopify/admin/products/88000010",
                ["Paper Filters", "House Espresso Blend", "Cold Brew Kit"] // plenty in stock; a draft
            },
            {
                "shopify",
                "List our products",
                "list_products",
                ["The store has 12 products.", "Descaling Solution"],
                $@"{Sandbox}/shopify/admin/products/\d+",
                []
            },
        };

    [Fact]
    public void Every_example_question_of_the_six_sources_is_asked()
    {
        var asked = Examples.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        var examples = BuiltInSources
            .All.Where(s => s.Definition.Id != "mysql")
            .SelectMany(s => s.Presentation.Examples.Select(e => (s.Definition.Id, e)));

        Assert.All(examples, e => Assert.Contains(e, asked));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_question_gets_a_focused_answer_with_links(
        string source,
        string question,
        string tool,
        string[] facts,
        string link,
        string[] absent
    )
    {
        var (answer, used) = await AskAsync(source, question);

        Assert.Equal(tool, used);
        foreach (var fact in facts)
            Assert.True(answer.Contains(fact, StringComparison.Ordinal), $"missing “{fact}” in:\n{answer}");
        if (link.Length > 0)
            Assert.Matches(link, answer);
        foreach (var text in absent)
            Assert.False(answer.Contains(text, StringComparison.Ordinal), $"“{text}” should not be in:\n{answer}");
    }

    [Theory]
    [InlineData("jira", "What is the status of ACME-999?", "Nothing found: I searched the Jira issue ACME-999.")]
    [InlineData("jira", "Who is working on the checkout double-charge bug?", "Bob Martinez is working on it: ACME-142 (In Progress).")]
    [InlineData("github", "Who is working on the checkout double-charge bug?", "bobm is working on it: PR #91 and issue #87.")]
    [InlineData(
        "shopify",
        "What is the status of order #1042?",
        "Order #1042 is **PARTIALLY_REFUNDED** and **UNFULFILLED**: 224.10 USD for Maya Patel"
    )]
    public async Task Status_and_people_questions_lead_with_the_fact(string source, string question, string lead)
    {
        var (answer, _) = await AskAsync(source, question);

        Assert.StartsWith(lead, answer);
    }

    private async Task<(string Answer, string? Tool)> AskAsync(string source, string question)
    {
        var response = await fixture.User.Http.PostAsJsonAsync("/api/chat/message", new { message = question, datasource = source });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var sources = body.GetProperty("sources");
        return (
            body.GetProperty("response").GetString()!,
            sources.GetArrayLength() > 0 ? sources[0].GetProperty("tool").GetString() : null
        );
    }
}
