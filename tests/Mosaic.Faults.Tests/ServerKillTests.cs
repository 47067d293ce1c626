using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Mosaic.Faults.Tests.Support;

namespace Mosaic.Faults.Tests;

/// <summary>The server SIGKILLed in the middle of an answer: after a restart on the same data the question is in history.</summary>
public sealed class ServerKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_question_asked_before_SIGKILL_is_in_history_after_the_restart()
    {
        using var dir = new TempDir();
        var data = dir.Sub("data");
        var env = new Dictionary<string, string>
        {
            ["CHAT_TURN_HEARTBEAT_SECONDS"] = "1", // interrupted after three silent beats
            ["MCP_RESULT_CACHE_SECONDS"] = "0.001",
        };
        const string question = "How many orders do we have?";
        string sessionId;
        var clock = Stopwatch.StartNew();
        await using (var server = await ServerProcess.StartAsync(data, demo: true, env))
        {
            using var alice = new MosaicClient(server.BaseUrl);
            await alice.SignInDemoAsync();
            Assert.Equal(HttpStatusCode.OK, (await alice.AskAsync("mysql", "How many customers do we have?")).Status);
            // The connector is frozen so the answer is certainly in flight (its tool call waiting) when the server dies.
            Signals.Send(await server.ConnectorPidAsync("MySql"), Signals.SIGSTOP);
            var toolStarted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            string? current = null;
            var asking = alice.AskStreamAsync("mysql", question, e =>
            {
                if (Answer.Type(e) == "session_id")
                    current = e["session_id"]!.GetValue<string>();
                if (Answer.Type(e) == "tool_start")
                    toolStarted.TrySetResult(current!);
            });
            sessionId = await toolStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await server.KillHardAsync(); // Dispose then ends its orphans, the frozen connector among them
            var cut = await Record.ExceptionAsync(() => asking);
            output.WriteLine($"SIGKILL figures: the stream ended with {cut?.GetType().Name ?? "no exception"} when the server died");
        }

        var killedAt = clock.Elapsed;
        await using var restarted = await ServerProcess.StartAsync(data, demo: false, env);
        var ready = clock.Elapsed - killedAt;
        using var client = new MosaicClient(restarted.BaseUrl);
        await client.SignInDemoAsync();
        JsonObject session;
        JsonNode? answer;
        var polled = Stopwatch.StartNew();
        do
        {
            session = await client.GetJsonAsync($"/api/chat/sessions/{sessionId}");
            answer = session["messages"]!.AsArray().FirstOrDefault(m => m!["role"]!.GetValue<string>() == "assistant");
            if (answer?["status"]?.GetValue<string>() == "interrupted")
                break;
            await Task.Delay(250);
        } while (polled.Elapsed < TimeSpan.FromSeconds(15));

        var asked = session["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "user");
        Assert.Equal(question, asked!["content"]!.GetValue<string>());
        Assert.True(answer?["status"]?.GetValue<string>() == "interrupted", $"the answer should read as interrupted: {session}");
        output.WriteLine(
            $"SIGKILL figures: restarted server ready in {ready.TotalSeconds:0.0} s; the question is in history and its answer "
                + $"reads \"interrupted\" {polled.Elapsed.TotalSeconds:0.0} s later (CHAT_TURN_HEARTBEAT_SECONDS=1)"
        );
    }
}
