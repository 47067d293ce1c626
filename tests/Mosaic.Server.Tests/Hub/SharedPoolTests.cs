using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>
/// Shared isolation: one pool of processes per source (tests/Mosaic.TestMcpServer) serving every user, each call carrying
/// its caller's credentials in <c>_meta</c>. The test server's <c>caller</c> tool says whose TOKEN reached it.
/// </summary>
public class SharedPoolTests
{
    sealed record Caller(string? Token, string? EnvToken, string? PerCall, int Pid, int Lists);

    static HubHarness Start(IEnumerable<string> users, Action<McpHubOptions>? configure = null, CapturedLogs? logs = null)
    {
        var h = new HubHarness(configure, logs: logs, minimum: LogLevel.Trace);
        var (command, arguments) = TestServerTests.Locate();
        foreach (var user in users)
            h.Resolver.Set(user, "test", SharedSpec(command, arguments, $"token-of-{user}"));
        return h;
    }

    static StdioLaunchSpec SharedSpec(string command, IReadOnlyList<string> arguments, string token) =>
        new(command, arguments, new Dictionary<string, string> { ["MOSAIC_CREDENTIALS"] = "per-call" })
        {
            CallCredentials = new Dictionary<string, string> { ["TOKEN"] = token },
            Trust = ToolTrust.Annotations,
        };

    /// <summary>What the test server's <c>caller</c> reports for a token it received (a digest).</summary>
    static string Seen(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..16];

    static async Task<Caller> AskAsync(HubHarness h, string user, int ms = 0, string? nonce = null)
    {
        var result = await h.Hub.CallToolAsync(user, "test", "caller", HubHarness.Args(new { ms, nonce = nonce ?? user }), default);
        Assert.False(result.IsError, result.Text);
        return JsonSerializer.Deserialize<Caller>(result.Text, JsonSerializerOptions.Web)!;
    }

    static string[] Users(int n) => [.. Enumerable.Range(1, n).Select(i => $"user{i}")];

    [Fact]
    public async Task Every_user_is_served_by_one_process_with_their_own_credentials_per_call()
    {
        var users = Users(8); // as many as one process takes at once before the pool grows
        await using var h = Start(users);

        var answers = await Task.WhenAll(users.Select(u => AskAsync(h, u, ms: 20)));

        for (var i = 0; i < users.Length; i++)
            Assert.Equal(Seen($"token-of-{users[i]}"), answers[i].Token);
        Assert.All(answers, a => Assert.Null(a.EnvToken)); // never in the process's environment
        Assert.All(answers, a => Assert.Equal("per-call", a.PerCall));
        Assert.Single(answers.Select(a => a.Pid).Distinct()); // concurrent first calls started one process
        var session = Assert.Single(h.Hub.GetStatus().Sessions);
        Assert.True(session.Shared);
    }

    [Fact]
    public async Task The_pool_grows_under_load_up_to_its_cap_and_no_further()
    {
        var users = Users(40);
        await using var h = Start(users, o => o.PoolMaxPerSource = 3);
        await AskAsync(h, users[0]); // warm: one process

        // 40 calls of 1.5 s at once: more than one process's share, so the pool grows, but never past the cap.
        var answers = await Task.WhenAll(users.Select(u => AskAsync(h, u, ms: 1500, nonce: "busy")));

        var pids = answers.Select(a => a.Pid).Distinct().ToList();
        Assert.Equal(3, pids.Count);
        Assert.Equal(3, h.Hub.GetStatus().Sessions.Count(s => s.Shared));
        Assert.All(answers.Zip(users), p => Assert.Equal(Seen($"token-of-{p.Second}"), p.First.Token));
    }

    [Fact]
    public async Task The_tool_list_is_fetched_once_for_every_user_and_results_stay_per_user()
    {
        var users = Users(5);
        await using var h = Start(users);
        foreach (var user in users)
            Assert.Contains(await h.Hub.ListToolsAsync(user, "test", default), t => t.Name == "caller");

        var first = await h.Hub.CallToolAsync("user1", "test", "caller", HubHarness.Args(new { nonce = "same" }), default);
        var other = await h.Hub.CallToolAsync("user2", "test", "caller", HubHarness.Args(new { nonce = "same" }), default);
        var again = await h.Hub.CallToolAsync("user1", "test", "caller", HubHarness.Args(new { nonce = "same" }), default);

        Assert.Equal(1, JsonSerializer.Deserialize<Caller>(first.Text, JsonSerializerOptions.Web)!.Lists);
        Assert.False(other.FromCache); // same tool and arguments, another user: asked again, with their token
        Assert.Contains(Seen("token-of-user2"), other.Text);
        Assert.DoesNotContain(Seen("token-of-user1"), other.Text);
        Assert.True(again.FromCache);
    }

    [Fact]
    public async Task One_users_failing_calls_open_only_their_own_breaker()
    {
        await using var h = Start(["alice", "bob"], o =>
        {
            o.CallTimeout = TimeSpan.FromSeconds(2.5); // room for a cold start's first answers on a busy machine
            o.BreakerFailureThreshold = 2;
        });
        var first = await AskAsync(h, "bob", nonce: "before");
        for (var i = 0; i < 2; i++)
        {
            var e = await Assert.ThrowsAsync<McpHubException>(() =>
                h.Hub.CallToolAsync("alice", "test", "hang", HubHarness.Args(new { tag = $"a{i}" }), default)
            );
            Assert.Equal(McpHubFailure.Timeout, e.Failure);
        }

        var refused = await Assert.ThrowsAsync<McpHubException>(() => AskAsync(h, "alice"));
        Assert.Equal(McpHubFailure.BreakerOpen, refused.Failure);
        Assert.Equal(BreakerState.Open, h.Hub.GetBreakerState("alice", "test"));

        var bob = await AskAsync(h, "bob");
        Assert.Equal(Seen("token-of-bob"), bob.Token);
        Assert.Equal(first.Pid, bob.Pid); // the timeouts did not cost anyone the shared process
        Assert.Equal(BreakerState.Closed, h.Hub.GetBreakerState("bob", "test"));
        var open = Assert.Single(h.Hub.GetStatus().Breakers);
        Assert.Equal("alice", open.UserId);
    }

    [Fact]
    public async Task A_users_new_credentials_reach_the_next_call_without_restarting_the_shared_process()
    {
        await using var h = Start(["alice", "bob"]);
        var before = await AskAsync(h, "alice", nonce: "1");
        await AskAsync(h, "bob", nonce: "1");

        var (command, arguments) = TestServerTests.Locate();
        h.Resolver.Set("alice", "test", SharedSpec(command, arguments, "alice-new"));
        var after = await AskAsync(h, "alice", nonce: "1"); // same arguments: not from the old credentials' cache

        Assert.Equal(Seen("alice-new"), after.Token);
        Assert.Equal(before.Pid, after.Pid);
        Assert.Equal(Seen("token-of-bob"), (await AskAsync(h, "bob", nonce: "2")).Token);
    }

    [Fact]
    public async Task A_user_whose_access_ended_loses_their_cached_results_but_others_keep_the_shared_process()
    {
        await using var h = Start(["alice", "bob"]);
        var before = await AskAsync(h, "alice", nonce: "same");
        await AskAsync(h, "bob", nonce: "same");
        Assert.True(
            (await h.Hub.CallToolAsync("alice", "test", "caller", HubHarness.Args(new { ms = 0, nonce = "same" }), default)).FromCache
        );

        Assert.Equal(0, await h.Hub.CloseUserAsync("alice")); // no session of her own to close

        var again = await h.Hub.CallToolAsync("alice", "test", "caller", HubHarness.Args(new { ms = 0, nonce = "same" }), default);
        Assert.False(again.FromCache);
        var bob = await h.Hub.CallToolAsync("bob", "test", "caller", HubHarness.Args(new { ms = 0, nonce = "same" }), default);
        Assert.True(bob.FromCache);
        Assert.Equal(before.Pid, JsonSerializer.Deserialize<Caller>(bob.Text, JsonSerializerOptions.Web)!.Pid);
    }

    [Fact]
    public async Task No_callers_credentials_reach_the_log_even_at_Trace()
    {
        var logs = new CapturedLogs();
        var users = Users(3);
        await using var h = Start(users, logs: logs);
        foreach (var user in users)
            await AskAsync(h, user);

        Assert.Contains("mosaic/credentials", logs.All); // the SDK did log whole messages at Trace
        foreach (var user in users)
            Assert.DoesNotContain($"token-of-{user}", logs.All);
    }
}
