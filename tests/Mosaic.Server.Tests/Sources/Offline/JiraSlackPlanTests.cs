using Mosaic.Server.Sources.Jira;
using Mosaic.Server.Sources.Slack;
using static Mosaic.Server.Tests.Sources.Offline.Plans;

namespace Mosaic.Server.Tests.Sources.Offline;

/// <summary>Jira's and Slack's Offline plans: question → the call that answers it, and the sentence the answer leads with.</summary>
public sealed class JiraSlackPlanTests
{
    private static readonly JiraSource Jira = new();
    private static readonly SlackSource Slack = new();

    public static TheoryData<string, string, string> JiraShapes =>
        new()
        {
            { "Show ticket ACME-142", "get_issue", """{"key":"ACME-142"}""" },
            { "What is the status of ACME-142?", "get_issue", """{"key":"ACME-142"}""" },
            {
                "Who is working on the checkout double-charge bug?",
                "query_jira",
                """{"jql":"text ~ 'checkout double charge' ORDER BY updated DESC"}"""
            },
            {
                "List open issues in project ACME",
                "query_jira",
                """{"jql":"project = ACME AND statusCategory != Done ORDER BY updated DESC"}"""
            },
            {
                "What are my open bugs?",
                "query_jira",
                """{"jql":"assignee = currentUser() AND issuetype = Bug AND statusCategory != Done ORDER BY updated DESC"}"""
            },
            {
                "Which open Jira issues are assigned to Bob Martinez?",
                "query_jira",
                """{"jql":"assignee = \"Bob Martinez\" AND statusCategory != Done ORDER BY updated DESC"}"""
            },
            { "Which projects are there?", "list_projects", "{}" },
            { "Which Jira issues are in review?", "query_jira", """{"jql":"status = \"In Review\" ORDER BY updated DESC"}""" },
            // A project's list names no state: every state.
            { "Which issues are in the BREW project?", "query_jira", """{"jql":"project = BREW ORDER BY updated DESC"}""" },
        };

    [Theory]
    [MemberData(nameof(JiraShapes))]
    public async Task Jira_question_shapes_get_their_own_call(string question, string tool, string arguments)
    {
        var call = await PlanAsync(Jira, question);

        Assert.Equal((tool, arguments, false), (call.Tool, Arguments(call), call.Fallback));
        Assert.NotNull(call.Answer);
    }

    [Theory]
    [InlineData("Any tickets about the refund?", "text ~ 'refund' ORDER BY updated DESC")]
    [InlineData("What's the status?", "statusCategory != Done ORDER BY updated DESC")]
    // Not "who is working on": asking who someone is; not a project: "ACME" is not named as one.
    [InlineData("Who is Bob?", "text ~ 'bob' ORDER BY updated DESC")]
    [InlineData("Tell me about the ACME storefront", "text ~ 'acme storefront' ORDER BY updated DESC")]
    public async Task Other_questions_are_the_text_search_fallback(string question, string jql)
    {
        // Two issues fit the words equally: the answer is the list.
        var hub = new CannedHub(
            new() { ["query_jira"] = Found("ACME-1", "Refund the ACME storefront bob order", "ACME-2", "Refund the ACME storefront bob") }
        );
        var call = await PlanAsync(Jira, question, hub);

        Assert.Equal(("query_jira", jql, true), (call.Tool, (string)call.Arguments["jql"]!, call.Fallback));
    }

    [Theory]
    [InlineData("What's going on with the checkout bug?", "ACME-142")]
    [InlineData("Any tickets about the refund?", "OPS-31")]
    public async Task A_search_with_one_best_fitting_issue_answers_with_that_issue(string question, string key)
    {
        var hub = new CannedHub(
            new()
            {
                ["query_jira"] = Found(
                    "ACME-142",
                    "Checkout double-charges when a discount code is applied",
                    "OPS-31",
                    "Refund the double charge on order #1042"
                ),
            }
        );
        var call = await PlanAsync(Jira, question, hub);

        Assert.Equal(("get_issue", $$"""{"key":"{{key}}"}"""), (call.Tool, Arguments(call)));
        Assert.False(call.Fallback);
        Assert.Single(hub.Calls, c => c.StartsWith("query_jira ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_with_every_word_tries_one_word_fewer()
    {
        static string Search(string phrase) =>
            "query_jira "
            + System.Text.Json.JsonSerializer.Serialize(
                new Dictionary<string, System.Text.Json.JsonElement>
                {
                    ["jql"] = System.Text.Json.JsonSerializer.SerializeToElement($"text ~ '{phrase}' ORDER BY updated DESC"),
                }
            );
        var hub = new CannedHub(
            new()
            {
                ["query_jira"] = """{"issues":[],"returned":0}""",
                [Search("acme brew")] = """{"issues":[{"key":"BREW-12","summary":"Launch checklist: Acme Brew Pro"}],"returned":1}""",
            }
        );
        var call = await PlanAsync(Jira, "What is blocking the Acme Brew Pro launch?", hub);

        Assert.Equal(("get_issue", """{"key":"BREW-12"}"""), (call.Tool, Arguments(call)));
        Assert.Equal([Search("blocking acme brew"), Search("acme brew")], hub.Calls);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_stays_the_search()
    {
        var call = await PlanAsync(
            Jira,
            "Any tickets about the espresso?",
            new CannedHub(new() { ["query_jira"] = """{"issues":[],"returned":0}""" })
        );
        Assert.Equal(("query_jira", true), (call.Tool, call.Fallback));
    }

    private static string Found(string key1, string summary1, string key2, string summary2) =>
        $$"""
            {"issues":[{"key":"{{key1}}","summary":"{{summary1}}"},{"key":"{{key2}}","summary":"{{summary2}}"}],
             "returned":2,"has_more":false}
            """;

    [Fact]
    public async Task An_issue_leads_with_its_status_assignee_and_priority()
    {
        var call = await PlanAsync(Jira, "Show ticket ACME-142");
        var issue = """
            {"key":"ACME-142","url":"http://x/jira/browse/ACME-142","summary":"Checkout double-charges when a discount code is applied",
             "status":"In Progress","priority":"Highest","assignee":"Bob Martinez","labels":["checkout"],"comments":[]}
            """;

        Assert.Equal(
            "[ACME-142](http://x/jira/browse/ACME-142) (Checkout double-charges when a discount code is applied) is **In Progress**, "
                + "assigned to Bob Martinez (priority Highest).",
            Lead(call, issue)
        );
        Assert.Equal("the Jira issue ACME-142", call.Answer!.Searched);
    }

    [Fact]
    public async Task Who_is_working_names_each_assignee_with_their_issues()
    {
        var call = await PlanAsync(Jira, "Who is working on the checkout double-charge bug?");
        var issues = """
            {"issues":[{"key":"ACME-142","summary":"Checkout double-charges","status":"In Progress","assignee":"Bob Martinez"},
                       {"key":"ACME-141","summary":"Idempotency keys","status":"To Do","assignee":"Bob Martinez"},
                       {"key":"ACME-140","summary":"Discount field","status":"In Review","assignee":"Carol Singh"}],"returned":3}
            """;

        Assert.Equal(
            "Bob Martinez is working on ACME-142 (In Progress) and ACME-141 (To Do); Carol Singh on ACME-140 (In Review).",
            Lead(call, issues)
        );
        Assert.Equal("Jira issues matching “checkout double charge”", call.Answer!.Searched);
    }

    public static TheoryData<string, string, string, string> SlackShapes =>
        new()
        {
            {
                "Read the latest messages in #checkout-eng",
                "read_messages",
                """{"channel":"checkout-eng"}""",
                "read messages #checkout-eng"
            },
            {
                "What did people say in #checkout-eng yesterday?",
                "read_messages",
                """{"channel":"checkout-eng","oldest":"2025-06-15T00:00:00Z","latest":"2025-06-16T00:00:00Z"}""",
                "read messages #checkout-eng yesterday"
            },
            { "Search messages for \"checkout\"", "search_messages", """{"query":"checkout"}""", "search messages \"checkout\"" },
            {
                "Find messages about the refund policy",
                "search_messages",
                """{"query":"refund policy"}""",
                "search messages \"refund policy\""
            },
            {
                "Search Slack for the refund of order #1042",
                "search_messages",
                """{"query":"refund #1042"}""",
                "search messages \"refund #1042\""
            },
            {
                "Who asked Alice on Slack to review PR #91?",
                "search_messages",
                """{"query":"alice review #91"}""",
                "search messages \"alice review #91\""
            },
            { "What is the topic of #checkout-eng?", "list_channels", """{"limit":200}""", "topic of #checkout-eng" },
            { "Which channels can I see?", "list_channels", "{}", "list_channels" },
            { "List my DMs", "list_dms", "{}", "list_dms" },
        };

    [Theory]
    [MemberData(nameof(SlackShapes))]
    public async Task Slack_question_shapes_get_their_own_call(string question, string tool, string arguments, string label)
    {
        var call = await PlanAsync(Slack, question);

        Assert.Equal((tool, arguments, label, false), (call.Tool, Arguments(call), call.Label, call.Fallback));
    }

    [Fact]
    public async Task Slack_falls_back_to_a_search_of_the_question_words_and_has_no_plan_without_any()
    {
        var call = await PlanAsync(Slack, "What is going on with the checkout double-charge bug?");

        Assert.Equal(("search_messages", """{"query":"checkout double charge"}""", true), (call.Tool, Arguments(call), call.Fallback));
        var q = new Mosaic.Server.Sources.OfflineQuestion(
            "u1",
            "What is going on?",
            new CannedHub(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            Now
        );
        Assert.Null(await Slack.PlanOfflineAsync(q, CancellationToken.None));
    }

    [Fact]
    public async Task Slack_leads_name_the_latest_message_and_the_channels()
    {
        var read = await PlanAsync(Slack, "Read the latest messages in #checkout-eng");
        var messages = """
            {"messages":[{"ts":"1","time":"2025-06-16T14:00:00Z","user":"Bob Martinez","text":"Fix is up in PR #91.",
              "permalink":"https://acme.slack.com/archives/C1/p1"}],"returned":1}
            """;
        var channels = await PlanAsync(Slack, "Which channels can I see?");

        Assert.Equal(
            "The latest message in #checkout-eng is from Bob Martinez (2025-06-16T14:00:00Z): “Fix is up in PR #91.”",
            Lead(read, messages)
        );
        Assert.Equal(
            "You can see 2 channels: #general and #checkout-eng.",
            Lead(channels, """{"channels":[{"id":"C1","name":"general"},{"id":"C2","name":"checkout-eng"}],"returned":2}""")
        );
    }

    [Fact]
    public async Task A_channel_question_with_topic_words_shows_the_messages_about_them()
    {
        var call = await PlanAsync(Slack, "Who reproduced the double-charge bug in #checkout-eng?");
        var messages = """
            {"messages":[
              {"ts":"3","time":"2025-06-16T14:00:00Z","user":"Dave Okafor","text":"Refund went through."},
              {"ts":"2","time":"2025-06-15T14:00:00Z","user":"Bob Martinez","text":"Reproduced on staging: the card is charged twice."},
              {"ts":"1","time":"2025-06-14T14:00:00Z","user":"Carol Singh","text":"Deployed the new cart drawer."}],"returned":3}
            """;

        Assert.Equal(("read_messages", """{"channel":"checkout-eng"}"""), (call.Tool, Arguments(call)));
        Assert.Equal(["reproduced", "double", "charge"], call.Answer!.Focus);
        Assert.Equal(
            "In #checkout-eng, Bob Martinez wrote (2025-06-15T14:00:00Z): “Reproduced on staging: the card is charged twice.”",
            Lead(call, messages)
        );
        var person = await PlanAsync(Slack, "What did Zack Miller say in #checkout-eng?");
        Assert.Equal("the messages in #checkout-eng mentioning “zack miller”", person.Answer!.Searched);
        Assert.Null(Lead(person, messages));
        Assert.Empty((await PlanAsync(Slack, "What's the latest in #checkout-eng?")).Answer!.Focus);
    }

    [Fact]
    public async Task Active_members_leave_out_deactivated_people_and_bots()
    {
        var users = """
            {"users":[{"id":"U1","name":"Alice Chen","is_bot":false,"deleted":false},
              {"id":"U2","name":"Frank Ito","is_bot":false,"deleted":true},{"id":"U3","name":"Mosaic","is_bot":true,"deleted":false}],
             "returned":3}
            """;
        var call = await PlanAsync(
            Slack,
            "Who are the active members of our Slack workspace?",
            new CannedHub(new() { ["list_users"] = users })
        );

        Assert.Equal(["U1"], call.Answer!.Focus);
        Assert.Equal("The workspace has 1 active member: Alice Chen.", Lead(call, users));
    }

    [Fact]
    public async Task A_channel_topic_is_read_from_the_channel_list()
    {
        var call = await PlanAsync(Slack, "What is the topic of the #checkout-eng channel?");
        var channels = """
            {"channels":[{"id":"C1","name":"random","topic":"Coffee"},{"id":"C2","name":"checkout-eng","topic":"Checkout bugs"}]}
            """;

        Assert.Equal("The topic of #checkout-eng is “Checkout bugs”.", Lead(call, channels));
        Assert.Equal(["\"checkout-eng\""], call.Answer!.Focus);
    }
}
