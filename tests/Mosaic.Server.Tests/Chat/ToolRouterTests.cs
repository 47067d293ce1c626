using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Mosaic.Server.Chat;
using Mosaic.Server.Llm;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

public sealed class ToolRouterTests
{
    private static readonly IReadOnlyList<DirectRoute> SlackRoutes =
    [
        new(["channel", "channels"], "list_channels"),
        new(["user", "users", "who"], "list_users"),
        new(["message", "messages"], "read_messages"),
    ];

    /// <summary>The router the app registers for this provider's mode.</summary>
    private static IToolRouter Router(LlmProvider llm, ChatSettings? settings = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(llm)
            .AddSingleton(settings ?? new ChatSettings())
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        return services.AddByLlmMode<IToolRouter, ToolRouter, OfflineToolRouter>().BuildServiceProvider().GetRequiredService<IToolRouter>();
    }

    private static LlmProvider Offline => new(LlmProviderNames.Offline, "offline", null, new OfflineChatClient(), null);

    [Fact]
    public async Task Keywords_route_directly_and_arguments_decide_between_matches()
    {
        var plan = await Router(Offline).RouteAsync("list channels", Tools.Slack, SlackRoutes, null, default);
        Assert.Equal((RouteTiers.Direct, "list_channels"), (plan.Tier, plan.DirectTool?.Name));

        // "channel" and "messages" both match; only read_messages can use #checkout-eng.
        plan = await Router(Offline).RouteAsync("messages in channel #checkout-eng", Tools.Slack, SlackRoutes, null, default);
        Assert.Equal("read_messages", plan.DirectTool?.Name);
        Assert.Equal("checkout-eng", plan.DirectArguments!["channel"]);
    }

    [Fact]
    public async Task Direct_tier_needs_every_required_argument_and_never_writes()
    {
        var plan = await Router(Offline).RouteAsync("show messages", Tools.Slack, SlackRoutes, null, default);
        Assert.Equal(RouteTiers.Offline, plan.Tier);
        plan = await Router(Offline)
            .RouteAsync(
                "show messages",
                Tools.Slack,
                SlackRoutes,
                new Dictionary<string, string> { ["default_channel"] = "general" },
                default
            );
        Assert.Equal("read_messages", plan.DirectTool?.Name);
        Assert.False(plan.DirectArguments!.ContainsKey("channel")); // left for the executor to inject and record
        plan = await Router(Offline).RouteAsync("send_message #general text=hi", Tools.Slack, SlackRoutes, null, default);
        Assert.Null(plan.DirectTool);
    }

    [Fact]
    public async Task Many_tools_let_the_fast_model_narrow_the_set()
    {
        await using var fake = await FakeAnthropic.StartAsync();
        fake.Enqueue(FakeReply.Text("""["tool_3", "tool_7", "not_a_tool"]"""));
        var many = Enumerable.Range(1, 12).Select(i => Tools.NoArgs($"tool_{i}")).ToList();

        var plan = await Router(LoopHarness.Anthropic(fake.BaseUrl)).RouteAsync("which thing fits best?", many, [], null, default);

        Assert.Equal(RouteTiers.Fast, plan.Tier);
        Assert.Equal(["tool_3", "tool_7"], plan.Tools.Select(t => t.Name));
        var request = Assert.Single(fake.Requests);
        Assert.Equal("claude-haiku-4-5", request.Model);
        Assert.Contains("tool_12", request.Body.GetRawText());
    }

    [Fact]
    public async Task Fast_tier_failures_and_small_sources_fall_back_to_the_standard_model()
    {
        await using var fake = await FakeAnthropic.StartAsync();
        fake.Fallback = _ => FakeReply.Error(400);
        var many = Enumerable.Range(1, 12).Select(i => Tools.NoArgs($"tool_{i}")).ToList();
        var llm = LoopHarness.Anthropic(fake.BaseUrl);

        var plan = await Router(llm).RouteAsync("which thing fits best?", many, [], null, default);
        Assert.Equal((RouteTiers.Standard, 12), (plan.Tier, plan.Tools.Count));
        plan = await Router(llm).RouteAsync("which thing fits best?", many.Take(5).ToList(), [], null, default);
        Assert.Equal(RouteTiers.Standard, plan.Tier);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task With_a_model_long_questions_skip_the_direct_tier()
    {
        await using var fake = await FakeAnthropic.StartAsync();
        var llm = LoopHarness.Anthropic(fake.BaseUrl);
        var plan = await Router(llm).RouteAsync("list channels", Tools.Slack, SlackRoutes, null, default);
        Assert.Equal(RouteTiers.Direct, plan.Tier);
        plan = await Router(llm)
            .RouteAsync(
                "which channels talk about the checkout bug and who in them reported it first, and when?",
                Tools.Slack,
                SlackRoutes,
                null,
                default
            );
        Assert.Equal(RouteTiers.Standard, plan.Tier);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void Parameter_injection_fills_only_empty_parameters_the_tool_has()
    {
        var fields = new Dictionary<string, string>
        {
            ["default_channel"] = "general",
            ["default_project"] = "ACME",
            ["bot_token"] = "x",
        };
        var args = new Dictionary<string, object?> { ["channel"] = "" };
        Assert.Equal(["channel"], ParameterInjection.Inject(args, Tools.Slack[2].Schema, fields));
        Assert.Equal("general", args["channel"]);

        args = new Dictionary<string, object?> { ["channel"] = "random" };
        Assert.Empty(ParameterInjection.Inject(args, Tools.Slack[2].Schema, fields));
        Assert.Equal("random", args["channel"]);

        args = [];
        Assert.Equal(["project_key"], ParameterInjection.Inject(args, Tools.Props("query_jira", "", "project_key", "jql").Schema, fields));
        Assert.Equal("ACME", args["project_key"]);
    }
}
