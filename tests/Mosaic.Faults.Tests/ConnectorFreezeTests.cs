using System.Diagnostics;
using System.Net;
using Mosaic.Faults.Tests.Support;

namespace Mosaic.Faults.Tests;

/// <summary>
/// A connector frozen with SIGSTOP (a hung process: alive, its pipe open, answering nothing): its calls end at
/// MCP_CALL_TIMEOUT with a clear message, the breaker opens after MCP_BREAKER_FAILURES of them, other sources keep
/// answering, and the source answers again after SIGCONT.
/// </summary>
public sealed class ConnectorFreezeTests(ITestOutputHelper output)
{
    const string Question = "How many customers do we have?";

    [Fact]
    public async Task A_frozen_connector_times_out_opens_its_breaker_and_recovers_after_SIGCONT()
    {
        using var dir = new TempDir();
        await using var server = await ServerProcess.StartAsync(
            dir.Sub("data"),
            demo: true,
            new Dictionary<string, string>
            {
                ["MCP_CALL_TIMEOUT"] = "2",
                ["MCP_BREAKER_FAILURES"] = "3",
                ["MCP_BREAKER_COOLDOWN_SECONDS"] = "3",
            }
        );
        using var alice = new MosaicClient(server.BaseUrl);
        await alice.SignInDemoAsync();
        var warm = await alice.AskAsync("mysql", Question);
        Assert.True(warm.Status == HttpStatusCode.OK, $"warm-up: {warm}");
        var pid = await server.ConnectorPidAsync("MySql");

        Signals.Send(pid, Signals.SIGSTOP);
        var frozenAt = Stopwatch.StartNew();
        try
        {
            // Three at once: all wait on the frozen process and all end at the call timeout.
            var timedOut = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => alice.AskAsync("mysql", Question)));
            foreach (var answer in timedOut)
            {
                Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"a frozen connector's call: {answer}");
                Assert.Contains("did not answer within 2 s", Detail(answer));
                Assert.InRange(answer.Took.TotalSeconds, 1.9, 6);
            }

            var refused = await alice.AskAsync("mysql", Question);
            Assert.True(refused.Status == HttpStatusCode.ServiceUnavailable, $"with the breaker open: {refused}");
            Assert.Contains("failed 3 times in a row", Detail(refused));
            Assert.True(refused.Took < TimeSpan.FromSeconds(1), $"an open breaker refuses at once, not after a timeout: {refused}");

            var other = await alice.AskAsync("jira", "What are the open bugs?");
            Assert.True(other.Status == HttpStatusCode.OK, $"another source while MySQL is frozen: {other}");
            Assert.Contains("ACME-142", other.Body?["response"]?.GetValue<string>());

            output.WriteLine(
                $"SIGSTOP figures: timed-out calls took {string.Join(", ", timedOut.Select(a => $"{a.Took.TotalSeconds:0.00} s"))} "
                    + $"(MCP_CALL_TIMEOUT=2); breaker refusal {refused.Took.TotalMilliseconds:0} ms; "
                    + $"Jira answered in {other.Took.TotalMilliseconds:0} ms meanwhile"
            );
        }
        finally
        {
            Signals.Send(pid, Signals.SIGCONT);
        }

        var resumed = frozenAt.Elapsed;
        var since = Stopwatch.StartNew();
        Answer last;
        var attempts = 0;
        do
        {
            attempts++;
            last = await alice.AskAsync("mysql", Question);
            if (last.Status == HttpStatusCode.OK)
                break;
            Assert.True(last.Status == HttpStatusCode.ServiceUnavailable, $"while recovering: {last}");
            await Task.Delay(250);
        } while (since.Elapsed < TimeSpan.FromSeconds(20));
        Assert.True(last.Status == HttpStatusCode.OK, $"MySQL did not answer again within 20 s of SIGCONT: {last}");
        Assert.Contains("13", last.Body?["response"]?.GetValue<string>());
        var samePid = server.Children().Any(c => c.Pid == pid);
        output.WriteLine(
            $"SIGSTOP figures: frozen {resumed.TotalSeconds:0.0} s; answered again {since.Elapsed.TotalSeconds:0.0} s after SIGCONT "
                + $"({attempts} attempts, breaker cooldown 3 s), by the {(samePid ? "same, resumed" : "restarted")} process"
        );
    }

    static string Detail(Answer answer) => answer.Body?["detail"]?.GetValue<string>() ?? answer.ToString();
}
