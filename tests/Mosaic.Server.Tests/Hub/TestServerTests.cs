using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>Behaviour that needs a server we control: tests/Mosaic.TestMcpServer (hang, crash, pid).</summary>
public class TestServerTests
{
    /// <summary>The test server's build output, found like a published connector via MOSAIC_CONNECTORS_DIR.</summary>
    internal static (string Command, IReadOnlyList<string> Arguments) Locate()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name; // .../bin/<Configuration>/net10.0
        var root = testBin;
        while (!File.Exists(Path.Combine(root.FullName, "Mosaic.slnx")))
            root = root.Parent!;
        var dir = Path.Combine(root.FullName, "tests", "Mosaic.TestMcpServer", "bin", configuration, "net10.0");
        return new BuiltInConnectorLocator(connectorsDir: dir).Locate("Mosaic.TestMcpServer");
    }

    static (HubHarness Hub, string CancelLog) Start(Action<McpHubOptions>? configure = null)
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("mosaic-cancel").FullName, "cancel.log");
        var h = new HubHarness(configure);
        var (command, arguments) = Locate();
        h.Resolver.Set("alice", "test", new StdioLaunchSpec(command, arguments, new Dictionary<string, string> { ["CANCEL_LOG"] = log }));
        return (h, log);
    }

    static Task<McpToolResult> Hang(HubHarness h, string tag, CancellationToken ct = default) =>
        h.Hub.CallToolAsync("alice", "test", "hang", HubHarness.Args(new { tag }), ct);

    [Fact]
    public async Task A_timeout_is_sent_to_the_server_as_an_MCP_cancellation()
    {
        var (h, log) = Start(o => o.CallTimeout = TimeSpan.FromSeconds(1.5));
        await using var _ = h;

        var e = await Assert.ThrowsAsync<McpHubException>(() => Hang(h, "t1"));

        Assert.Equal(McpHubFailure.Timeout, e.Failure);
        Assert.True(
            await TestTools.EventuallyAsync(() => File.Exists(log) && File.ReadAllText(log).Contains("cancelled t1")),
            "the server never heard of the cancellation"
        );
    }

    [Fact]
    public async Task A_caller_going_away_is_sent_to_the_server_as_an_MCP_cancellation()
    {
        var (h, log) = Start(o => o.CallTimeout = TimeSpan.FromSeconds(60));
        await using var _ = h;
        await h.Hub.CallToolAsync("alice", "test", "pid", null, CancellationToken.None);

        using var gone = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var e = await Assert.ThrowsAsync<McpHubException>(() => Hang(h, "t2", gone.Token));

        Assert.Equal(McpHubFailure.Cancelled, e.Failure);
        Assert.True(
            await TestTools.EventuallyAsync(() => File.Exists(log) && File.ReadAllText(log).Contains("cancelled t2")),
            "the server never heard of the cancellation"
        );
    }

    [Fact]
    public async Task A_server_exiting_mid_request_is_reported_with_its_exit_code_and_replaced()
    {
        var (h, _) = Start();
        await using var __ = h;
        var pid = (await h.Hub.CallToolAsync("alice", "test", "pid", null, CancellationToken.None)).Text;
        Assert.Equal(pid, h.Pid("alice", "test").ToString());

        var e = await Assert.ThrowsAsync<McpHubException>(() =>
            h.Hub.CallToolAsync("alice", "test", "crash", HubHarness.Args(new { code = 42 }), CancellationToken.None)
        );

        Assert.Equal(McpHubFailure.ProcessDied, e.Failure);
        Assert.Contains("exit code 42", e.Message);
        var next = await h.Hub.CallToolAsync("alice", "test", "pid", HubHarness.Args(new { nonce = "after" }), CancellationToken.None);
        Assert.NotEqual(pid, next.Text);
    }
}
