using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>
/// MCP_MAX_SESSIONS and MCP_MAX_SESSIONS_PER_USER over real test-server processes: only idle sessions close to
/// make room, a user's own cap only closes that user's, and when nothing can close the caller is told to retry.
/// </summary>
public class SessionCapTests
{
    static HubHarness Start(Action<McpHubOptions> configure, params (string User, string Source)[] keys)
    {
        var h = new HubHarness(o =>
        {
            o.CallTimeout = TimeSpan.FromSeconds(60);
            configure(o);
        });
        var (command, arguments) = TestServerTests.Locate();
        foreach (var (user, source) in keys)
            h.Resolver.Set(
                user,
                source,
                new StdioLaunchSpec(command, arguments, new Dictionary<string, string>()) { Trust = ToolTrust.Annotations }
            );
        return h;
    }

    static Task<McpToolResult> Pid(HubHarness h, string user, string source) =>
        h.Hub.CallToolAsync(user, source, "pid", HubHarness.Args(new { nonce = Guid.NewGuid().ToString() }), CancellationToken.None);

    /// <summary>Starts a sleep call and returns once the session counts it in flight.</summary>
    static async Task<Task<McpToolResult>> BusyAsync(HubHarness h, string user, string source, int ms = 4000)
    {
        // Listed (and cached) first, so the call seen in flight below is the sleep itself, not its tool listing.
        await h.Hub.ListToolsAsync(user, source, CancellationToken.None);
        var call = h.Hub.CallToolAsync(user, source, "sleep", HubHarness.Args(new { ms }), CancellationToken.None);
        Assert.True(
            await TestTools.EventuallyAsync(() =>
                h.Hub.GetStatus().Sessions.Any(s => s.UserId == user && s.Datasource == source && s.InFlight > 0)
            ),
            "the sleep call never started"
        );
        return call;
    }

    static IReadOnlyList<string> Live(HubHarness h) =>
        [.. h.Hub.GetStatus().Sessions.Select(s => $"{s.UserId}/{s.Datasource}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_call_in_flight_is_never_evicted_when_another_user_needs_room()
    {
        await using var h = Start(o => o.MaxSessions = 1, ("a", "t"), ("b", "t"));
        var busy = await BusyAsync(h, "a", "t");
        var pidA = h.Pid("a", "t")!.Value;

        var e = await Assert.ThrowsAsync<McpHubException>(() => Pid(h, "b", "t"));

        Assert.Equal(McpHubFailure.AtCapacity, e.Failure);
        Assert.Equal(TimeSpan.FromSeconds(5), e.RetryAfter);
        Assert.Contains("try t again in 5 seconds", e.Message);
        Assert.StartsWith("Slept 4000 ms", (await busy).Text); // a's work finished, untouched
        Assert.Equal(BreakerState.Closed, h.Hub.GetBreakerState("b", "t")); // being busy is not the source's fault

        // Now a's session is idle: b may have its place.
        Assert.False((await Pid(h, "b", "t")).IsError);
        Assert.Equal(["b/t"], Live(h));
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(pidA)), "a's idle process was not closed");
    }

    [Fact]
    public async Task The_global_cap_closes_the_least_recently_used_idle_session_and_skips_busy_ones()
    {
        await using var h = Start(o => o.MaxSessions = 2, ("a", "t"), ("c", "t"), ("b", "t"));
        var busy = await BusyAsync(h, "a", "t", ms: 5000); // a is the least recently used, but busy
        await Pid(h, "c", "t");
        var pidA = h.Pid("a", "t");

        await Pid(h, "b", "t");

        Assert.Equal(["a/t", "b/t"], Live(h));
        Assert.Equal(pidA, h.Pid("a", "t"));
        Assert.StartsWith("Slept 5000 ms", (await busy).Text);
    }

    [Fact]
    public async Task A_users_own_cap_closes_only_that_users_idle_sessions()
    {
        await using var h = Start(
            o =>
            {
                o.MaxSessions = 10;
                o.MaxSessionsPerUser = 2;
            },
            ("b", "t1"),
            ("b", "t2"),
            ("a", "t1"),
            ("a", "t2"),
            ("a", "t3")
        );
        await Pid(h, "b", "t1"); // b's sessions are the least recently used of all
        await Pid(h, "b", "t2");
        await Pid(h, "a", "t1");
        await Pid(h, "a", "t2");
        var pidsB = new[] { h.Pid("b", "t1"), h.Pid("b", "t2") };

        await Pid(h, "a", "t3");

        Assert.Equal(["a/t2", "a/t3", "b/t1", "b/t2"], Live(h)); // a's own oldest went
        Assert.Equal(pidsB, new[] { h.Pid("b", "t1"), h.Pid("b", "t2") });
    }

    [Fact]
    public async Task When_all_of_a_users_sessions_are_busy_that_user_waits_and_others_are_unaffected()
    {
        await using var h = Start(
            o =>
            {
                o.MaxSessions = 10;
                o.MaxSessionsPerUser = 1;
            },
            ("a", "t1"),
            ("a", "t2"),
            ("b", "t1")
        );
        var busy = await BusyAsync(h, "a", "t1");

        var e = await Assert.ThrowsAsync<McpHubException>(() => h.Hub.ListToolsAsync("a", "t2", CancellationToken.None));
        var b = await Pid(h, "b", "t1");

        Assert.Equal(McpHubFailure.AtCapacity, e.Failure);
        Assert.Contains("one person", e.Message);
        Assert.NotNull(e.RetryAfter);
        Assert.False(b.IsError);
        Assert.StartsWith("Slept 4000 ms", (await busy).Text);
        Assert.Equal(["a/t1", "b/t1"], Live(h));
    }
}
