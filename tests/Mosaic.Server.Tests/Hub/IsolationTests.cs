using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

public class IsolationTests
{
    internal static Dictionary<string, string> Token(string value) => new() { ["EVERYTHING_TOKEN"] = value };

    internal static async Task<Dictionary<string, string>> ChildEnvAsync(HubHarness h, string user)
    {
        var result = await h.Hub.CallToolAsync(user, "everything", "get-env", null, CancellationToken.None);
        Assert.False(result.IsError, result.Text);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(result.Text)!;
    }

    [Fact]
    public async Task Two_users_get_different_processes_with_their_own_credentials()
    {
        await using var h = new HubHarness();
        h.UseEverything("alice", env: Token("alice-token"));
        h.UseEverything("bob", env: Token("bob-token"));

        Assert.Equal("alice-token", (await ChildEnvAsync(h, "alice"))["EVERYTHING_TOKEN"]);
        Assert.Equal("bob-token", (await ChildEnvAsync(h, "bob"))["EVERYTHING_TOKEN"]);
        Assert.NotEqual(h.Pid("alice"), h.Pid("bob"));
    }

    [Fact]
    public async Task Cached_results_never_cross_users()
    {
        await using var h = new HubHarness();
        h.UseEverything("alice", env: Token("alice-token"));
        h.UseEverything("bob", env: Token("bob-token"));

        var aliceFirst = await h.Hub.CallToolAsync("alice", "everything", "get-env", null, CancellationToken.None);
        var aliceAgain = await h.Hub.CallToolAsync("alice", "everything", "get-env", null, CancellationToken.None);
        var bobFirst = await h.Hub.CallToolAsync("bob", "everything", "get-env", null, CancellationToken.None);

        Assert.False(aliceFirst.FromCache);
        Assert.True(aliceAgain.FromCache); // read-only tool, same arguments: the 30 s result cache
        Assert.Equal(aliceFirst.Text, aliceAgain.Text);
        Assert.False(bobFirst.FromCache);
        Assert.Contains("bob-token", bobFirst.Text);
        Assert.DoesNotContain("alice-token", bobFirst.Text);
    }

    [Fact]
    public async Task Changed_credentials_replace_the_session_and_drop_its_cache()
    {
        await using var h = new HubHarness();
        h.UseEverything("alice", env: Token("old-token"));
        Assert.Equal("old-token", (await ChildEnvAsync(h, "alice"))["EVERYTHING_TOKEN"]);
        var oldPid = h.Pid("alice")!.Value;

        h.UseEverything("alice", env: Token("new-token"));
        var result = await h.Hub.CallToolAsync("alice", "everything", "get-env", null, CancellationToken.None);

        Assert.False(result.FromCache);
        Assert.Contains("new-token", result.Text);
        Assert.NotEqual(oldPid, h.Pid("alice"));
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(oldPid)), "the old process still runs");
    }

    [Fact]
    public async Task Deleted_credentials_close_the_session()
    {
        await using var h = new HubHarness();
        h.UseEverything("alice", env: Token("t"));
        await h.EchoAsync("alice", "hi");
        var pid = h.Pid("alice")!.Value;

        h.Resolver.Remove("alice", "everything");
        var e = await Assert.ThrowsAsync<McpHubException>(() => h.EchoAsync("alice", "hi"));

        Assert.Equal(McpHubFailure.NotConfigured, e.Failure);
        Assert.Equal(0, h.Hub.GetStatus().LiveSessions);
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(pid)));
    }

    [Fact]
    public async Task ResetAsync_replaces_the_session_at_once()
    {
        await using var h = new HubHarness();
        h.UseEverything("alice");
        await h.EchoAsync("alice", "hi");
        var pid = h.Pid("alice")!.Value;

        await h.Hub.ResetAsync("alice", "everything");

        Assert.Null(h.Pid("alice"));
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(pid)));
        Assert.False((await h.EchoAsync("alice", "hi")).FromCache);
    }
}
