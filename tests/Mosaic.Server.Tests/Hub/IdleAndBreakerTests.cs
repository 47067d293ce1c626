using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

public class IdleAndBreakerTests
{
    [Fact]
    public async Task An_idle_session_is_closed_after_the_idle_timeout()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = new HubHarness(
            o =>
            {
                o.IdleTimeout = TimeSpan.FromSeconds(300);
                o.SweepInterval = TimeSpan.FromSeconds(10);
            },
            clock
        );
        h.UseEverything("alice");
        await h.EchoAsync("alice", "hi");
        var pid = h.Pid("alice")!.Value;

        clock.Advance(TimeSpan.FromSeconds(290));
        await Task.Delay(200);
        Assert.Equal(pid, h.Pid("alice"));

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await TestTools.EventuallyAsync(() => h.Hub.GetStatus().LiveSessions == 0), "idle session not closed");
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(pid)), "idle process still running");
    }

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_and_recovers_after_the_cooldown()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = new HubHarness(
            o =>
            {
                o.BreakerFailureThreshold = 3;
                o.BreakerCooldown = TimeSpan.FromSeconds(30);
            },
            clock
        );
        // The same launch spec throughout (a changed spec would count as new credentials and reset the
        // breaker): a script that first fails to start, then, once "repaired", runs the real server.
        var script = Path.Combine(Directory.CreateTempSubdirectory("mosaic-breaker").FullName, "server.sh");
        File.WriteAllText(script, "#!/bin/sh\nexit 3\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        h.Resolver.Set("alice", "everything", new StdioLaunchSpec(script, [], new Dictionary<string, string>()));

        for (var i = 0; i < 3; i++)
        {
            var e = await Assert.ThrowsAsync<McpHubException>(() => h.EchoAsync("alice", "x"));
            Assert.Equal(McpHubFailure.StartFailed, e.Failure);
        }
        Assert.Equal(BreakerState.Open, h.Hub.GetBreakerState("alice", "everything"));
        var open = await Assert.ThrowsAsync<McpHubException>(() => h.EchoAsync("alice", "x"));
        Assert.Equal(McpHubFailure.BreakerOpen, open.Failure);
        Assert.Contains("30 s", open.Message);
        Assert.Contains(h.Hub.GetStatus().Breakers, b => b is { UserId: "alice", Datasource: "everything", State: BreakerState.Open });
        Assert.Equal(BreakerState.Closed, h.Hub.GetBreakerState("bob", "everything")); // per user

        // Half-open: one trial; it fails, so the breaker opens again for a full cool-down.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(BreakerState.HalfOpen, h.Hub.GetBreakerState("alice", "everything"));
        Assert.Equal(McpHubFailure.StartFailed, (await Assert.ThrowsAsync<McpHubException>(() => h.EchoAsync("alice", "x"))).Failure);
        Assert.Equal(BreakerState.Open, h.Hub.GetBreakerState("alice", "everything"));

        // The source is repaired; after the cool-down the trial succeeds and closes the breaker.
        clock.Advance(TimeSpan.FromSeconds(31));
        File.WriteAllText(script, $"#!/bin/sh\nexec '{TestTools.Everything}' stdio\n");
        Assert.Equal("Echo: back", (await h.EchoAsync("alice", "back")).Text);
        Assert.Equal(BreakerState.Closed, h.Hub.GetBreakerState("alice", "everything"));
        Assert.Empty(h.Hub.GetStatus().Breakers);
    }

    [Fact]
    public async Task A_command_that_does_not_exist_gives_a_clear_error()
    {
        await using var h = new HubHarness();
        h.Resolver.Set("alice", "files", new StdioLaunchSpec("/nonexistent/mcp-server", [], new Dictionary<string, string>()));
        var e = await Assert.ThrowsAsync<McpHubException>(() => h.Hub.ListToolsAsync("alice", "files", CancellationToken.None));
        Assert.Equal(McpHubFailure.StartFailed, e.Failure);
        Assert.StartsWith("Could not start the files connector:", e.Message);
    }
}
