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
    const string JiraQuestion = "What are the open bugs?";

    [Fact]
    public async Task A_frozen_connector_times_out_opens_its_breaker_and_recovers_after_SIGCONT()
    {
        using var dir = new TempDir();
        await using var server = await ServerProcess.StartAsync(
            dir.Sub("data"),
            demo: true,
            new Dictionary<string, string>
            {
                ["MCP_CALL_TIMEOUT"] = "3",
                ["MCP_BREAKER_FAILURES"] = "3",
                ["MCP_BREAKER_COOLDOWN_SECONDS"] = "3",
                ["MCP_RESULT_CACHE_SECONDS"] = "0.001", // every question reaches the connector
            }
        );
        using var alice = new MosaicClient(server.BaseUrl);
        await alice.SignInDemoAsync();
        // Both connectors started and warm first: a cold JIT start on a busy machine could itself exceed the short timeout.
        foreach (var (source, question) in new[] { ("mysql", Question), ("jira", JiraQuestion) })
            await WarmAsync(alice, source, question);
        var pid = await server.ConnectorPidAsync("MySql");

        Signals.Send(pid, Signals.SIGSTOP);
        var frozenAt = Stopwatch.StartNew();
        try
        {
            // Three at once, each a different query (identical calls in flight are made once): all end at the call timeout.
            var timedOut = await Task.WhenAll(
                new[] { "customers", "orders", "products" }.Select(table => alice.AskAsync("mysql", $"How many {table} do we have?"))
            );
            foreach (var answer in timedOut)
            {
                Assert.True(Clear(answer), $"a frozen connector's call: {answer}");
                Assert.Contains("The mysql connector did not answer within 3 s", Said(answer));
                Assert.InRange(answer.Took.TotalSeconds, 2.9, 8);
            }

            var refused = await alice.AskAsync("mysql", "How many payments do we have?");
            Assert.True(Clear(refused), $"with the breaker open: {refused}");
            Assert.True(Said(refused).Contains("The mysql connector failed 3 times in a row", StringComparison.Ordinal), $"{refused}");
            Assert.True(refused.Took < TimeSpan.FromSeconds(1), $"an open breaker refuses at once, not after a timeout: {refused}");

            var other = await alice.AskAsync("jira", JiraQuestion);
            Assert.True(other.Status == HttpStatusCode.OK, $"another source while MySQL is frozen: {other}");
            Assert.Contains("ACME-142", other.Body?["response"]?.GetValue<string>());

            output.WriteLine(
                $"SIGSTOP figures: timed-out calls took {string.Join(", ", timedOut.Select(a => $"{a.Took.TotalSeconds:0.00} s"))} "
                    + $"(MCP_CALL_TIMEOUT=3); breaker refusal {refused.Took.TotalMilliseconds:0} ms; "
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
            if (last.Status == HttpStatusCode.OK && Said(last).Contains("**13** customers", StringComparison.Ordinal))
                break;
            Assert.True(Clear(last), $"while recovering: {last}");
            await Task.Delay(250);
        } while (since.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Contains("**13** customers", Said(last));
        var samePid = server.Children().Any(c => c.Pid == pid);
        output.WriteLine(
            $"SIGSTOP figures: frozen {resumed.TotalSeconds:0.0} s; answered again {since.Elapsed.TotalSeconds:0.0} s after SIGCONT "
                + $"({attempts} attempts, breaker cooldown 3 s), by the {(samePid ? "same, resumed" : "restarted")} process"
        );
    }

    static async Task WarmAsync(MosaicClient client, string source, string question)
    {
        Answer warm = null!;
        for (var attempt = 0; attempt < 5; attempt++)
            if ((warm = await client.AskAsync(source, question)).Status == HttpStatusCode.OK && !Clear(warm))
                return;
        throw new Xunit.Sdk.XunitException($"{source} did not answer while warming up: {warm}");
    }

    /// <summary>The answer's text (a failed tool call is reported in it) or the problem's detail.</summary>
    static string Said(Answer answer) =>
        answer.Body?["response"]?.GetValue<string>() ?? answer.Body?["detail"]?.GetValue<string>() ?? answer.ToString();

    /// <summary>A failure said in the answer (200, the tool marked failed) or a 503 problem: never a 500 or a hang.</summary>
    static bool Clear(Answer answer) =>
        answer.Status == HttpStatusCode.ServiceUnavailable
        || answer.Status == HttpStatusCode.OK
            && answer.Body?["sources"]?.AsArray().All(s => s?["success"]?.GetValue<bool>() == false) == true;
}
