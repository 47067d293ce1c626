using Mosaic.Server.Sources.GitHub;
using Mosaic.Server.Sources.S3;
using static Mosaic.Server.Tests.Sources.Offline.Plans;

namespace Mosaic.Server.Tests.Sources.Offline;

/// <summary>GitHub's and S3's Offline plans, including the reads they make first (a repository's issues, the buckets).</summary>
public sealed class GitHubS3PlanTests
{
    private static readonly GitHubSource GitHub = new();
    private static readonly S3Source S3 = new();

    public static TheoryData<string, string, string> GitHubShapes =>
        new()
        {
            { "Has PR #91 in acme/storefront been approved yet?", "get_pull_request", """{"repo":"acme/storefront","number":91}""" },
            { "What's the status of issue #87 in acme/storefront?", "get_issue", """{"repo":"acme/storefront","number":87}""" },
            { "List open pull requests in acme/storefront", "list_pull_requests", """{"repo":"acme/storefront","state":"open"}""" },
            { "Show open issues in acme/storefront", "list_issues", """{"repo":"acme/storefront","state":"open"}""" },
            { "Which PRs were merged in acme/storefront?", "list_pull_requests", """{"repo":"acme/storefront","state":"closed"}""" },
            { "Latest commits in acme/storefront", "list_commits", """{"repo":"acme/storefront","limit":10}""" },
            { "Did the CI build fail in acme/storefront?", "get_workflow_runs", """{"repo":"acme/storefront"}""" },
            { "Which workflow runs failed in acme/storefront?", "get_workflow_runs", """{"repo":"acme/storefront","status":"failure"}""" },
        };

    [Theory]
    [MemberData(nameof(GitHubShapes))]
    public async Task GitHub_question_shapes_get_their_own_call(string question, string tool, string arguments)
    {
        var hub = new CannedHub();
        var call = await PlanAsync(GitHub, question, hub);

        Assert.Equal((tool, arguments, false), (call.Tool, Arguments(call), call.Fallback));
        Assert.Empty(hub.Calls);
    }

    [Fact]
    public async Task A_broad_question_lists_the_repository_focused_on_its_words_as_the_fallback()
    {
        // "bug" alone is no list request, and the repository's own name would match every item's link.
        var call = await PlanAsync(GitHub, "What is going on with the checkout bug in acme/storefront?");

        Assert.Equal(
            ("list_issues", """{"repo":"acme/storefront","state":"all","include_pull_requests":true,"limit":50}""", true),
            (call.Tool, Arguments(call), call.Fallback)
        );
        Assert.Equal(["checkout"], call.Answer!.Focus);
    }

    [Fact]
    public async Task A_pull_request_leads_with_its_state_author_checks_and_review()
    {
        var call = await PlanAsync(GitHub, "Has PR #91 in acme/storefront been approved yet?");
        var detail = """
            {"pull_request":{"number":91,"title":"Fix double charge on discounted checkout","state":"open","draft":false,"author":"bobm",
               "html_url":"http://x/github/acme/storefront/pull/91"},
             "reviews":{"decision":"review_required","latest":[],"requested":["alice-chen"]},
             "checks":{"state":"failure","total":3,"failing":["e2e"],"pending":[]}}
            """;

        Assert.Equal(
            "PR #91 (Fix double charge on discounted checkout) is **open**, by bobm; checks: failure (e2e failing); "
                + "review: review required (requested from alice-chen).",
            Lead(call, detail)
        );
    }

    [Fact]
    public async Task Who_is_working_keeps_the_items_with_every_word_and_names_assignees_and_pull_request_authors()
    {
        var hub = new CannedHub(new() { ["list_issues"] = Issues });
        var call = await PlanAsync(GitHub, "Who is working on the checkout double-charge bug in acme/storefront?", hub);

        Assert.Equal(["""list_issues {"repo":"acme/storefront","state":"open","include_pull_requests":true,"limit":100}"""], hub.Calls);
        Assert.Equal(
            ["Checkout double-charges when a discount code is applied", "Fix double charge on discounted checkout"],
            call.Answer!.Focus
        );
        Assert.Equal("bobm is working on it: issue #87 and PR #91.", Lead(call, Issues));
    }

    private const string Issues = """
        {"issues":[
          {"number":87,"title":"Checkout double-charges when a discount code is applied","state":"open","author":"dokafor",
           "assignees":["bobm"],"is_pull_request":false},
          {"number":91,"title":"Fix double charge on discounted checkout","state":"open","author":"bobm","assignees":[],
           "is_pull_request":true},
          {"number":88,"title":"Discount code field accepts expired codes","state":"open","author":"carol-s",
           "assignees":["carol-s"],"is_pull_request":false}],"returned":3}
        """;

    [Fact]
    public async Task Objects_named_something_are_searched_in_every_bucket_and_planned_where_they_are()
    {
        var hub = Buckets(
            (
                """search_objects {"bucket":"acme-finance","pattern":"invoice"}""",
                """{"matches":[{"key":"invoices/2025-06.csv"}],"returned":1}"""
            )
        );

        var call = await PlanAsync(S3, "Find objects named \"invoice\"", hub);

        Assert.Equal(("search_objects", """{"bucket":"acme-finance","pattern":"invoice"}"""), (call.Tool, Arguments(call)));
        Assert.Equal("object names containing “invoice” in the buckets acme-engineering and acme-finance", call.Answer!.Searched);
        Assert.Equal(3, hub.Calls.Count); // the buckets, then one search in each
        Assert.Equal(
            "1 object in acme-finance matches “invoice”: invoices/2025-06.csv.",
            Lead(call, """{"matches":[{"key":"invoices/2025-06.csv"}],"returned":1}""")
        );
    }

    [Fact]
    public async Task The_first_bucket_is_the_first_the_source_lists()
    {
        var hub = Buckets();
        var call = await PlanAsync(S3, "List the files in my first bucket", hub);

        Assert.Equal(("list_objects", """{"bucket":"acme-engineering"}"""), (call.Tool, Arguments(call)));
        Assert.Equal(
            "acme-engineering, your first bucket, holds 2 objects.",
            Lead(call, """{"objects":[{"key":"a.md"},{"key":"b.md"}],"returned":2,"has_more":false}""")
        );
    }

    [Theory]
    [InlineData("Which files are in the acme-finance bucket?", "list_objects", """{"bucket":"acme-finance"}""", false)]
    [InlineData(
        "Which file mentions the double charge in the acme-engineering bucket?",
        "search_objects",
        """{"bucket":"acme-engineering","contains":"double"}""",
        false
    )]
    [InlineData("List my S3 buckets", "list_buckets", "{}", false)]
    [InlineData(
        "What is the Q4 forecast in acme-finance/sales/q4-sales-forecast.csv?",
        "get_object",
        """{"bucket":"acme-finance","key":"sales/q4-sales-forecast.csv"}""",
        false
    )]
    // Nothing S3 can search for: the buckets, as the catch-all.
    [InlineData("What's in S3?", "list_buckets", "{}", true)]
    public async Task S3_questions_naming_a_bucket_need_no_lookup(string question, string tool, string arguments, bool fallback)
    {
        var hub = new CannedHub();
        var call = await PlanAsync(S3, question, hub);

        Assert.Equal((tool, arguments, fallback), (call.Tool, Arguments(call), call.Fallback));
        Assert.Empty(hub.Calls);
    }

    private static CannedHub Buckets(params (string Call, string Result)[] searches)
    {
        var results = new Dictionary<string, string>
        {
            ["list_buckets"] = """{"buckets":[{"name":"acme-engineering"},{"name":"acme-finance"}],"returned":2,"total":2}""",
            ["search_objects"] = """{"matches":[],"returned":0}""",
        };
        foreach (var (call, result) in searches)
            results[call] = result;
        return new CannedHub(results);
    }
}
