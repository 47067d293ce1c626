using Mosaic.Server.Chat;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

/// <summary>The tool loop over the official Anthropic SDK (against the fake Messages API) and a real MCP server process.</summary>
public sealed class AnthropicToolLoopTests : IAsyncLifetime
{
    private FakeAnthropic _fake = null!;
    private LoopHub _loopHub = null!;
    private RecordingHub _hub = null!;
    private readonly string _dir = TestTools.TempDir();

    public async Task InitializeAsync()
    {
        _fake = await FakeAnthropic.StartAsync();
        _loopHub = new LoopHub(_dir);
        _hub = _loopHub.Hub;
        await File.WriteAllTextAsync(Path.Combine(_dir, "hello.txt"), "hi there");
    }

    public async Task DisposeAsync()
    {
        await _loopHub.DisposeAsync();
        await _fake.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Streams_text_runs_the_tool_and_hands_its_result_back_to_the_model()
    {
        _fake.Enqueue(
            FakeReply.ToolUse("list_directory", new { path = _dir }, preamble: "Let me look."),
            FakeReply.Text("The folder holds hello.txt.")
        );
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl));

        var (result, _) = await harness.RunAsync("files", "what is in the folder?");

        var events = harness.Drain();
        var kinds = events.Select(e => e.GetType().Name).ToList();
        var toolStart = kinds.IndexOf(nameof(ToolStartEvent));
        Assert.True(toolStart > 0, string.Join(",", kinds));
        Assert.Equal(nameof(ToolEndEvent), kinds[toolStart + 1]);
        Assert.All(kinds.Take(toolStart), k => Assert.Equal(nameof(ChunkEvent), k));
        Assert.Equal(nameof(ChunkEvent), kinds[^1]);
        var start = (ToolStartEvent)events[toolStart];
        Assert.Equal("list_directory", start.Tool);
        Assert.Equal(_dir, start.Arguments.GetProperty("path").GetString());
        Assert.True(((ToolEndEvent)events[toolStart + 1]).Success);
        Assert.Equal("Let me look.\n\nThe folder holds hello.txt.", result.Text);
        Assert.Equal(2, result.Rounds);
        Assert.Equal(50, result.Tokens.Input);

        Assert.Equal(2, _fake.Requests.Count);
        Assert.All(_fake.Requests, r => Assert.True(r.Stream));
        Assert.Equal("claude-sonnet-4-5", _fake.Requests[0].Model);
        Assert.Contains("write_file", _fake.Requests[0].ToolNames);
        var toolResult = Assert.Single(_fake.Requests[1].ToolResults);
        Assert.Contains("hello.txt", toolResult.Content);
    }

    [Fact]
    public async Task Model_thinking_streams_as_thinking_events_before_the_answer()
    {
        _fake.Enqueue(FakeReply.Of(new FakeThinking("The user wants a greeting; no tool needed."), new FakeText("Hello!")));
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl));

        var (result, _) = await harness.RunAsync("files", "say hello");

        var events = harness.Drain();
        var kinds = events.Select(e => e.GetType().Name).Distinct().ToList();
        Assert.Equal([nameof(ThinkingStartEvent), nameof(ThinkingEvent), nameof(ThinkingEndEvent), nameof(ChunkEvent)], kinds);
        Assert.Equal("The user wants a greeting; no tool needed.", string.Concat(events.OfType<ThinkingEvent>().Select(e => e.Content)));
        Assert.Equal("Hello!", result.Text);
    }

    [Fact]
    public async Task A_tool_the_source_does_not_have_is_reported_back_not_run()
    {
        _fake.Enqueue(FakeReply.ToolUse("drop_database", new { name = "prod" }), FakeReply.Text("I can't do that here."));
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl));

        var (result, _) = await harness.RunAsync("files", "drop it");

        Assert.Empty(_loopHub.Calls);
        Assert.DoesNotContain(harness.Drain(), e => e is ToolStartEvent);
        Assert.Contains("There is no tool named 'drop_database'", Assert.Single(_fake.Requests[1].ToolResults).Content);
        Assert.False(Assert.Single(result.ToolUses).Success);
    }

    [Fact]
    public async Task The_loop_stops_after_the_round_limit()
    {
        for (var i = 0; i < 3; i++)
            _fake.Enqueue(FakeReply.ToolUse("list_allowed_directories", new { }));
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl), settings: new ChatSettings { MaxToolRounds = 3 });

        var (result, _) = await harness.RunAsync("files", "loop forever");

        Assert.Equal(3, result.Rounds);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal(3, _loopHub.Calls.Count);
        Assert.Contains("stopped after 3 rounds", result.Text);
    }
}
