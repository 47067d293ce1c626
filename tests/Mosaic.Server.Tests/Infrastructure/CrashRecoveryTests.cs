using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Agent;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>
/// The server as a real process, killed (SIGKILL) while the model is still answering a chat question and an
/// agent question, then started again on the same database: both questions are in history, their answers
/// marked interrupted. A second replica on the same database sees the turns in progress while their server
/// lives, and interrupted once it is gone. The model is the fake Anthropic API, which starts each answer and stalls.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const string ChatQuestion = "Which tools does the tester source have?";
    private const string AgentQuestion = "Ask the tester source how long it sleeps";
    private TestDatabase _db = null!;
    private FakeAnthropic _fake = null!;
    private string _connectors = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _fake = await FakeAnthropic.StartAsync();
        _fake.Fallback = _ => FakeReply.Hanging("Let me look that up");
        var (command, args) = AgentAppFactory.TestServer;
        _connectors = Path.Combine(_db.DataDir, "connectors.json");
        await File.WriteAllTextAsync(
            _connectors,
            JsonSerializer.Serialize(
                new
                {
                    sources = new[]
                    {
                        new
                        {
                            id = "tester",
                            name = "Tester",
                            description = "tests/Mosaic.TestMcpServer",
                            command,
                            args,
                        },
                    },
                }
            )
        );
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        await _db.DisposeAsync();
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = _db.Settings();
        settings["MOSAIC_LLM_PROVIDER"] = "anthropic";
        settings["ANTHROPIC_API_KEY"] = "sk-ant-test";
        settings["ANTHROPIC_BASE_URL"] = _fake.BaseUrl;
        settings["MOSAIC_CONNECTORS_FILE"] = _connectors;
        settings["CHAT_TURN_HEARTBEAT_SECONDS"] = "1"; // a turn whose process is gone reads as interrupted after 3 s
        return settings;
    }

    [Fact]
    public async Task A_server_killed_mid_answer_keeps_both_questions_and_marks_their_answers_interrupted()
    {
        var cookies = new CookieContainer();
        var starting = ServerProcess.StartAsync(Settings());
        await using var replica = await ServerProcess.StartAsync(Settings());
        using var onReplica = replica.Client(cookies);
        await using (var first = await starting)
        {
            using var http = first.Client(cookies);
            var signup = await http.PostAsJsonAsync(
                "/api/auth/signup",
                new
                {
                    email = $"crash-{Guid.NewGuid():N}@example.com",
                    password = "correct horse battery staple",
                    name = "Crash Test",
                }
            );
            Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
            (await http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();

            await using var chat = await SseStream.OpenAsync(
                http,
                new
                {
                    message = ChatQuestion,
                    datasource = "tester",
                    session_id = "crash-chat",
                }
            );
            await chat.UntilAsync("chunk"); // the model started answering, and stalls there
            await using var agent = await SseStream.OpenAsync(
                http,
                new
                {
                    query = AgentQuestion,
                    sources = new[] { "tester" },
                    session_id = "crash-agent",
                },
                "/api/agent/query/stream"
            );
            await agent.UntilAsync("source_start");
            await EventuallyAsync(
                () => Task.FromResult(_fake.Requests.Any(r => r.MessageTexts.Any(m => m.Text.Contains(AgentQuestion)))),
                "the agent's source run to reach the model"
            );

            // Past the interrupted window, a live server's turns are still in progress: its heartbeat keeps them fresh.
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Equal("in_progress", (await AnswerAsync(http, "crash-chat")).Status);
            Assert.Equal("in_progress", (await AnswerAsync(http, "crash-agent")).Status);
            Assert.Equal("in_progress", (await AnswerAsync(onReplica, "crash-chat")).Status); // answered on another live replica

            await first.KillAsync();
        }
        await EventuallyAsync(
            async () => (await AnswerAsync(onReplica, "crash-chat")).Status == "interrupted",
            "the other replica to see the killed server's turn as interrupted"
        );

        await using var second = await ServerProcess.StartAsync(Settings());
        using var after = second.Client(cookies); // the same session cookie: tokens survive a restart
        foreach (var (session, question) in new[] { ("crash-chat", ChatQuestion), ("crash-agent", AgentQuestion) })
        {
            await EventuallyAsync(
                async () => (await AnswerAsync(after, session)).Status == "interrupted",
                $"{session} to read as interrupted"
            );
            var messages = (await ProblemAssert.JsonAsync(await after.GetAsync($"/api/chat/sessions/{session}"))).GetProperty("messages");
            Assert.Equal(2, messages.GetArrayLength());
            Assert.Equal(("user", question), (messages[0].GetProperty("role").GetString(), messages[0].GetProperty("content").GetString()));
            Assert.Equal(
                ("assistant", "interrupted"),
                (messages[1].GetProperty("role").GetString(), messages[1].GetProperty("status").GetString())
            );
        }
        var sessions = await ProblemAssert.JsonAsync(await after.GetAsync("/api/chat/sessions"));
        Assert.Equal(["crash-agent", "crash-chat"], sessions.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order());

        // Asking again in the same session works; the interrupted turn is not handed to the model as context.
        _fake.Fallback = _ => FakeReply.Text("Answered after the restart.");
        var asked = _fake.Requests.Count;
        await using var again = await SseStream.OpenAsync(
            after,
            new
            {
                message = "And now?",
                datasource = "tester",
                session_id = "crash-chat",
            }
        );
        Assert.Equal("done", SseStream.Type((await again.ReadToEndAsync())[^1]));
        var context = _fake.Requests.Skip(asked).Single().MessageTexts.Select(m => m.Text).ToList();
        Assert.Equal(["And now?"], context);
        var answer = await AnswerAsync(after, "crash-chat");
        Assert.Equal(("Answered after the restart.", null), (answer.Content, answer.Status));
    }

    /// <summary>The last message of a stored session: its content and its status (null once answered).</summary>
    private static async Task<(string? Content, string? Status)> AnswerAsync(HttpClient http, string session)
    {
        var stored = await ProblemAssert.JsonAsync(await http.GetAsync($"/api/chat/sessions/{session}"));
        var last = stored.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("assistant", last.GetProperty("role").GetString());
        return (last.GetProperty("content").GetString(), last.GetProperty("status").GetString());
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited 30 s for {what}");
            await Task.Delay(250);
        }
    }
}
