using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Chat;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

/// <summary>server-filesystem's write_file is not read-only: it must wait for its owner's yes, visibly on disk.</summary>
public sealed class ApprovalLoopTests : IAsyncLifetime
{
    private FakeAnthropic _fake = null!;
    private LoopHub _loopHub = null!;
    private RecordingHub _hub = null!;
    private readonly string _dir = TestTools.TempDir();
    private string Target => Path.Combine(_dir, "note.txt");

    public async Task InitializeAsync()
    {
        _fake = await FakeAnthropic.StartAsync();
        _loopHub = new LoopHub(_dir);
        _hub = _loopHub.Hub;
        _fake.Enqueue(
            FakeReply.ToolUse("write_file", new { path = Path.Combine(_dir, "note.txt"), content = "written after approval" }),
            FakeReply.Text("All done.")
        );
    }

    public async Task DisposeAsync()
    {
        await _loopHub.DisposeAsync();
        await _fake.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Write_tool_runs_only_after_its_owner_approves()
    {
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl));
        var run = harness.RunAsync("files", "save a note");

        var request = await harness.NextAsync<ApprovalRequiredEvent>();
        Assert.Equal("write_file", request.Tool);
        Assert.Equal("written after approval", request.Arguments.GetProperty("content").GetString());
        await Task.Delay(300);
        Assert.False(File.Exists(Target));
        Assert.DoesNotContain("write_file", _loopHub.Calls);
        Assert.Equal(ApprovalDecision.NotFound, harness.Approvals.Decide(request.ApprovalId, "someone-else", true));

        Assert.Equal(ApprovalDecision.Accepted, harness.Approvals.Decide(request.ApprovalId, "user-1", true));
        var (result, _) = await run;

        Assert.Equal("written after approval", await File.ReadAllTextAsync(Target));
        var events = harness.Drain();
        Assert.Equal("approved", Assert.IsType<ApprovalResolvedEvent>(events[0]).Status);
        Assert.Equal("write_file", Assert.IsType<ToolStartEvent>(events[1]).Tool);
        Assert.True(Assert.IsType<ToolEndEvent>(events[2]).Success);
        Assert.Equal("approved", Assert.Single(result.ToolUses).Approval);
        Assert.Equal(ApprovalDecision.NotFound, harness.Approvals.Decide(request.ApprovalId, "user-1", true));
    }

    [Fact]
    public async Task Refusal_runs_nothing_and_tells_the_model()
    {
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl));
        var run = harness.RunAsync("files", "save a note");

        var request = await harness.NextAsync<ApprovalRequiredEvent>();
        harness.Approvals.Decide(request.ApprovalId, "user-1", false);
        var (result, _) = await run;

        Assert.False(File.Exists(Target));
        Assert.DoesNotContain("write_file", _loopHub.Calls);
        Assert.DoesNotContain(harness.Drain(), e => e is ToolStartEvent);
        Assert.Contains("refused", Assert.Single(_fake.Requests[1].ToolResults).Content);
        Assert.Equal("refused", Assert.Single(result.ToolUses).Approval);
        Assert.Equal("All done.", result.Text);
    }

    [Fact]
    public async Task Unanswered_approval_expires_and_runs_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl), clock);
        var run = harness.RunAsync("files", "save a note");

        var request = await harness.NextAsync<ApprovalRequiredEvent>();
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(5), request.ExpiresAt);
        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(200);
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var (result, _) = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("expired", Assert.IsType<ApprovalResolvedEvent>(await harness.NextAsync<ApprovalResolvedEvent>()).Status);
        Assert.False(File.Exists(Target));
        Assert.DoesNotContain("write_file", _loopHub.Calls);
        Assert.Contains("expired", Assert.Single(_fake.Requests[1].ToolResults).Content);
        Assert.Equal(ApprovalDecision.NotFound, harness.Approvals.Decide(request.ApprovalId, "user-1", true));
        Assert.Equal("expired", Assert.Single(result.ToolUses).Approval);
    }

    [Fact]
    public async Task Without_a_way_to_ask_the_write_is_refused_at_once()
    {
        var harness = new LoopHarness(_hub, LoopHarness.Anthropic(_fake.BaseUrl));
        var (result, _) = await harness.RunAsync("files", "save a note", canAsk: false);

        Assert.False(File.Exists(Target));
        Assert.DoesNotContain(harness.Drain(), e => e is ApprovalRequiredEvent or ToolStartEvent);
        Assert.Contains("needs a person's approval", Assert.Single(_fake.Requests[1].ToolResults).Content);
        Assert.False(Assert.Single(result.ToolUses).Success);
    }
}
