using System.Text.Encodings.Web;
using System.Text.Json;
using Mosaic.Server.Agent;
using Mosaic.Server.Connectors;
using Mosaic.Server.Llm;
using Mosaic.Server.Tests.Agent;
using static Mosaic.Server.Tests.Agent.AgentCalls;

namespace Mosaic.Server.Tests.Sources;

/// <summary>
/// Offline plans are typed calls: per source, the tool and its arguments (numbers as numbers, flags as booleans)
/// that answer a question shape, planned by the app's registered planner against the demo's real sources.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class OfflinePlanTests(DemoAgentFixture fixture)
{
    /// <summary>Question → source → the planned tool, its arguments as JSON, and how the plan shows it.</summary>
    public static TheoryData<string, string, string, string, string> Shapes =>
        new()
        {
            {
                "Read the latest messages in #checkout-eng",
                "slack",
                "read_messages",
                """{"channel":"checkout-eng"}""",
                "read messages #checkout-eng"
            },
            {
                "What is going on with the checkout double-charge bug?",
                "slack",
                "search_messages",
                """{"query":"checkout double charge"}""",
                "search messages \"checkout double charge\""
            },
            { "What's the status of ACME-142?", "jira", "get_issue", """{"key":"ACME-142"}""", "get issue ACME-142" },
            // The search finds one issue whose summary fits best: that issue answers, in full.
            { "Any tickets about the checkout double charge?", "jira", "get_issue", """{"key":"ACME-142"}""", "get issue ACME-142" },
            {
                "What's the status?",
                "jira",
                "query_jira",
                """{"jql":"statusCategory != Done ORDER BY updated DESC"}""",
                "query_jira jql=\"statusCategory != Done ORDER BY updated DESC\""
            },
            {
                "Has PR #91 in acme/storefront been approved yet?",
                "github",
                "get_pull_request",
                """{"repo":"acme/storefront","number":91}""",
                "get_pull_request repo=acme/storefront number=91"
            },
            {
                "Did the CI build fail in acme/storefront?",
                "github",
                "get_workflow_runs",
                """{"repo":"acme/storefront"}""",
                "get_workflow_runs repo=acme/storefront"
            },
            // No repository named: the user's repository that shares the question's words (the Sandbox's storefront).
            {
                "What is going on with the storefront checkout bug?",
                "github",
                "list_issues",
                """{"repo":"acme/storefront","state":"all","include_pull_requests":true,"limit":50}""",
                "list_issues repo=acme/storefront state=all include_pull_requests=true limit=50"
            },
            { "Show me order #1042", "shopify", "get_order", """{"order":"#1042"}""", "get_order order=#1042" },
            { "Is the grinder in stock?", "shopify", "list_products", """{"query":"grinder"}""", "list_products query=\"grinder\"" },
            { "List our products", "shopify", "list_products", "{}", "list_products" },
            // The plan reads the active products first: the Sandbox's store has some at 10 or fewer.
            {
                "Which products are low on stock?",
                "shopify",
                "list_products",
                """{"status":"active","limit":50}""",
                "list_products status=active (low: 10 or fewer)"
            },
            {
                "Find the launch plan doc in Drive",
                "google_workspace",
                "search_drive_files",
                """{"query":"launch plan"}""",
                "search_drive_files query=\"launch plan\""
            },
            {
                "Any unread emails from Maya?",
                "google_workspace",
                "list_messages",
                """{"query":"is:unread from:maya"}""",
                "list_messages query=\"is:unread from:maya\""
            },
            {
                "How many rows are in the customers table?",
                "mysql",
                "execute_query",
                """{"sql":"SELECT COUNT(*) AS `count` FROM `customers`","limit":50}""",
                "execute_query sql=\"SELECT COUNT(*) AS `count` FROM `customers`\""
            },
            {
                "Run a SQL query counting support tickets by status",
                "mysql",
                "execute_query",
                $$"""{"sql":"{{TicketsByStatus}}","limit":50}""",
                $"execute_query sql=\"{TicketsByStatus}\""
            },
            { "What is going on with the tables?", "mysql", "list_tables", "{}", "list_tables" },
            {
                "Which files are in the acme-finance bucket?",
                "s3",
                "list_objects",
                """{"bucket":"acme-finance"}""",
                "list_objects bucket=acme-finance"
            },
            // The demo's buckets are read first: the forecast is in acme-finance, the first bucket is acme-engineering.
            {
                "Find objects named \"forecast\"",
                "s3",
                "search_objects",
                """{"bucket":"acme-finance","pattern":"forecast"}""",
                "search_objects bucket=acme-finance pattern=\"forecast\""
            },
            {
                "List the files in my first bucket",
                "s3",
                "list_objects",
                """{"bucket":"acme-engineering"}""",
                "list_objects bucket=acme-engineering"
            },
            { "List my S3 buckets", "s3", "list_buckets", "{}", "list_buckets" },
        };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Each_question_shape_gets_a_typed_call(string question, string source, string tool, string arguments, string label)
    {
        var call = await PlanAsync(question, source);

        Assert.NotNull(call);
        Assert.Equal(tool, call.Tool);
        Assert.Equal(arguments, JsonSerializer.Serialize(call.Arguments, Json));
        Assert.Equal(label, call.Label);
    }

    [Fact]
    public async Task Questions_without_a_plan_and_custom_sources_are_asked_as_they_are()
    {
        Assert.IsType<OfflineSourcePlanner>(Planner);
        Assert.IsType<ExtractiveSynthesizer>(fixture.App.Services.GetRequiredService<ISynthesizer>());
        Assert.Null(await PlanAsync("What is going on?", "slack"));
        var custom = new SourceDefinition
        {
            Id = "notes",
            Name = "Notes",
            Description = "notes",
            Icon = "mcp",
            Command = "notes",
        };
        Assert.Null(await Planner.PlanCallAsync(fixture.User.Id, "List my S3 buckets", custom, CancellationToken.None));
        Assert.Null(await Planner.RankAsync("List my S3 buckets", [custom], CancellationToken.None));
    }

    [Fact]
    public async Task The_planned_call_runs_as_a_direct_call_with_its_typed_arguments()
    {
        var question = new { query = "Has PR #91 in acme/storefront been approved yet?", sources = new[] { "github" } };
        await using var sse = await fixture.User.StreamAsync(question);
        var events = await sse.ReadToEndAsync(TimeSpan.FromSeconds(120));

        var plan = events.Single(e => EventType(e) == "plan_complete").GetProperty("sources")[0];
        Assert.Equal("get_pull_request repo=acme/storefront number=91", plan.GetProperty("query").GetString());
        var start = Assert.Single(events, e => EventType(e) == "tool_start");
        Assert.Equal("get_pull_request", start.GetProperty("tool").GetString());
        Assert.Equal(91, start.GetProperty("arguments").GetProperty("number").GetInt32());
        var result = events[^1].GetProperty("result");
        Assert.Equal(["github"], Strings(result, "successful_sources"));
        var answer = Result(result, "github").GetProperty("response").GetString();
        Assert.True(answer!.Contains("Fix double charge on discounted checkout"), answer); // the pull request's title
    }

    private const string TicketsByStatus =
        "SELECT `status`, COUNT(*) AS `count` FROM `support_tickets` GROUP BY `status` ORDER BY `count` DESC, `status` LIMIT 50";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ISourcePlanner Planner => fixture.App.Services.GetRequiredService<ISourcePlanner>();

    private async Task<Mosaic.Server.Sources.PlannedCall?> PlanAsync(string question, string source)
    {
        var definition = fixture.App.Services.GetRequiredService<SourceRegistry>().Find(source)!;
        return await Planner.PlanCallAsync(fixture.User.Id, question, definition, CancellationToken.None);
    }
}
