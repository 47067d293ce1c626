using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>
/// A connector that prints its own credential to stderr (the test server's complain tool): nothing of it reaches
/// the log at Information or above, not even in the exception the SDK raises when the process dies; at Debug the
/// line appears with the secret replaced.
/// </summary>
public class ConnectorStderrTests
{
    const string Secret = "sk-live-STDERR-MUST-NOT-LEAK-7731";

    static HubHarness Start(CapturedLogs logs, LogLevel minimum)
    {
        var h = new HubHarness(logs: logs, minimum: minimum);
        var (command, arguments) = TestServerTests.Locate();
        h.Resolver.Set(
            "alice",
            "test",
            new StdioLaunchSpec(command, arguments, new Dictionary<string, string> { ["TEST_SECRET"] = Secret })
        );
        return h;
    }

    static Task<McpToolResult> Complain(HubHarness h, string tag) =>
        h.Hub.CallToolAsync("alice", "test", "complain", HubHarness.Args(new { tag }), CancellationToken.None);

    static bool AtInformationOrAbove(string line) =>
        !line.StartsWith("Debug", StringComparison.Ordinal) && !line.StartsWith("Trace", StringComparison.Ordinal);

    [Fact]
    public async Task At_debug_the_stderr_line_is_logged_with_the_secret_replaced_and_never_above_debug()
    {
        var logs = new CapturedLogs();
        await using var h = Start(logs, LogLevel.Debug);

        Assert.Equal("complained (tag-debug-1)", (await Complain(h, "tag-debug-1")).Text);

        Assert.True(
            await TestTools.EventuallyAsync(() => logs.Lines.Any(l => l.Contains("tag-debug-1"))),
            "the stderr line never reached the Debug log"
        );
        var line = Assert.Single(logs.Lines, l => l.Contains("tag-debug-1: upstream said 401"));
        Assert.StartsWith("Debug", line);
        Assert.Contains("key [redacted]", line);
        Assert.Contains("Bearer [redacted]", line);
        Assert.DoesNotContain(Secret, logs.All);
        Assert.DoesNotContain(logs.Lines, l => AtInformationOrAbove(l) && l.Contains("tag-debug-1"));
    }

    [Fact]
    public async Task At_information_nothing_a_connector_prints_reaches_the_log_even_when_it_dies()
    {
        var logs = new CapturedLogs();
        await using var h = Start(logs, LogLevel.Information);

        await Complain(h, "tag-info-1");
        // Exiting makes the SDK read the rest of stderr and put its tail into the exception it raises.
        var e = await Assert.ThrowsAsync<McpHubException>(() =>
            h.Hub.CallToolAsync("alice", "test", "crash", HubHarness.Args(new { code = 3 }), CancellationToken.None)
        );

        Assert.Equal(McpHubFailure.ProcessDied, e.Failure);
        Assert.Contains(logs.Lines, l => l.Contains("Started test connector")); // the log did capture this session
        Assert.Contains(logs.Lines, l => l.Contains("stopped (exit code 3)"));
        Assert.DoesNotContain(Secret, logs.All);
        Assert.DoesNotContain("tag-info-1", logs.All);
        Assert.DoesNotContain("upstream said", logs.All);
        Assert.DoesNotContain("stderr", logs.All, StringComparison.OrdinalIgnoreCase);
    }
}
