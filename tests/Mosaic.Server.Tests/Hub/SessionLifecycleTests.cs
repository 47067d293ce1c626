using System.Diagnostics;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

public class SessionLifecycleTests
{
    [Fact]
    public async Task The_same_process_serves_consecutive_calls()
    {
        await using var h = new HubHarness();
        h.UseEverything("alice");

        var first = await h.EchoAsync("alice", "one");
        var pid = h.Pid("alice");
        var second = await h.EchoAsync("alice", "two");

        Assert.Equal("Echo: one", first.Text);
        Assert.Equal("Echo: two", second.Text);
        Assert.NotNull(pid);
        Assert.Equal(pid, h.Pid("alice"));
        Assert.False(TestTools.HasExited(pid.Value));
        Assert.Equal(1, h.Hub.GetStatus().LiveSessions);
    }

    [Fact]
    public async Task A_killed_process_fails_the_call_in_flight_fast_and_the_next_call_gets_a_fresh_one()
    {
        await using var h = new HubHarness(o => o.CallTimeout = TimeSpan.FromSeconds(300));
        h.UseEverything("alice");
        await h.EchoAsync("alice", "warm up");
        var pid = h.Pid("alice")!.Value;

        var sw = Stopwatch.StartNew();
        var inFlight = h.Hub.CallToolAsync(
            "alice",
            "everything",
            "trigger-long-running-operation",
            HubHarness.Args(new { duration = 200, steps = 200 }),
            CancellationToken.None
        );
        await Task.Delay(500);
        Process.GetProcessById(pid).Kill();

        var error = await Assert.ThrowsAsync<McpHubException>(() => inFlight);
        Assert.Equal(McpHubFailure.ProcessDied, error.Failure);
        Assert.Contains("stopped while handling the request", error.Message);
        // Far below the 200 s the tool would take and the 300 s timeout, even on a busy machine.
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}, not fast");

        var next = await h.EchoAsync("alice", "again");
        Assert.Equal("Echo: again", next.Text);
        Assert.NotEqual(pid, h.Pid("alice"));
        Assert.Equal(BreakerState.Closed, h.Hub.GetBreakerState("alice", "everything"));
    }

    [Fact]
    public async Task A_hung_tool_is_cancelled_at_the_timeout_and_the_session_stays_usable()
    {
        await using var h = new HubHarness(o => o.CallTimeout = TimeSpan.FromSeconds(2));
        h.UseEverything("alice");
        await h.EchoAsync("alice", "warm up");
        var pid = h.Pid("alice");

        var sw = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<McpHubException>(() =>
            h.Hub.CallToolAsync(
                "alice",
                "everything",
                "trigger-long-running-operation",
                HubHarness.Args(new { duration = 30, steps = 30 }),
                CancellationToken.None
            )
        );

        Assert.Equal(McpHubFailure.Timeout, error.Failure);
        Assert.Contains("did not answer within 2 s", error.Message);
        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(25));
        Assert.Equal("Echo: still here", (await h.EchoAsync("alice", "still here")).Text);
        Assert.Equal(pid, h.Pid("alice"));
    }

    [Fact]
    public async Task A_caller_going_away_cancels_the_call_without_counting_against_the_source()
    {
        await using var h = new HubHarness(o =>
        {
            o.CallTimeout = TimeSpan.FromSeconds(60);
            o.BreakerFailureThreshold = 1;
        });
        h.UseEverything("alice");
        await h.EchoAsync("alice", "warm up");

        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        var sw = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<McpHubException>(() =>
            h.Hub.CallToolAsync(
                "alice",
                "everything",
                "trigger-long-running-operation",
                HubHarness.Args(new { duration = 30, steps = 30 }),
                gone.Token
            )
        );

        Assert.Equal(McpHubFailure.Cancelled, error.Failure);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(25), $"took {sw.Elapsed}");
        Assert.Equal(BreakerState.Closed, h.Hub.GetBreakerState("alice", "everything"));
        Assert.Equal("Echo: ok", (await h.EchoAsync("alice", "ok")).Text);
    }

    [Fact]
    public async Task At_the_cap_the_least_recently_used_session_is_closed()
    {
        await using var h = new HubHarness(o => o.MaxSessions = 2);
        foreach (var user in new[] { "a", "b", "c" })
            h.UseEverything(user);

        await h.EchoAsync("a", "1");
        await h.EchoAsync("b", "1");
        await h.EchoAsync("a", "2"); // b is now the least recently used
        var pidB = h.Pid("b")!.Value;
        await h.EchoAsync("c", "1");

        var live = h.Hub.GetStatus().Sessions.Select(s => s.UserId).ToList();
        Assert.Equal(["a", "c"], live);
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(pidB)), "b's process is still running");
        Assert.Equal("Echo: back", (await h.EchoAsync("b", "back")).Text); // b simply starts again
    }
}
