using System.Net;
using System.Net.Http.Json;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

/// <summary>History persists per session, goes back to the model as context, and never crosses users.</summary>
public sealed class ChatSessionsTests(AnthropicChatFixture fx) : IClassFixture<AnthropicChatFixture>
{
    private async Task<string> AskAsync(TestUser user, string message, string? sessionId = null)
    {
        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new
            {
                message,
                datasource = "files",
                session_id = sessionId,
            }
        );
        var events = await sse.ReadToEndAsync();
        Assert.Equal("done", SseStream.Type(events[^1]));
        return events[0].GetProperty("session_id").GetString()!;
    }

    [Fact]
    public async Task History_is_saved_sent_back_as_context_listed_and_deleted()
    {
        var alice = await fx.App.SignInAsync();
        fx.Fake.Enqueue(FakeReply.Text("Noted: pineapple."), FakeReply.Text("The word was pineapple."));

        var session = await AskAsync(alice, "Please remember the secret word pineapple for me.");
        var before = fx.Fake.Requests.Count;
        Assert.Equal(session, await AskAsync(alice, "Which secret word did I ask you to remember a moment ago?", session));

        var context = fx.Fake.Requests.Skip(before).Single(r => r.Model == "claude-sonnet-4-5").MessageTexts.ToList();
        Assert.Equal(
            [
                ("user", "Please remember the secret word pineapple for me."),
                ("assistant", "Noted: pineapple."),
                ("user", "Which secret word did I ask you to remember a moment ago?"),
            ],
            context
        );

        var list = await ProblemAssert.JsonAsync(await alice.Http.GetAsync("/api/chat/sessions"));
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(session, item.GetProperty("id").GetString());
        Assert.Equal("files", item.GetProperty("datasource").GetString());
        Assert.Equal("Please remember the secret word pineapple for me.", item.GetProperty("title").GetString());
        Assert.Equal(4, item.GetProperty("message_count").GetInt32());

        var loaded = await ProblemAssert.JsonAsync(await alice.Http.GetAsync($"/api/chat/sessions/{session}"));
        Assert.Equal(
            ["user", "assistant", "user", "assistant"],
            loaded.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString())
        );
        Assert.Equal("anthropic", loaded.GetProperty("messages")[3].GetProperty("metadata").GetProperty("provider").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/api/chat/sessions/{session}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await alice.Http.GetAsync($"/api/chat/sessions/{session}"), HttpStatusCode.NotFound);
        Assert.Empty((await ProblemAssert.JsonAsync(await alice.Http.GetAsync("/api/chat/sessions"))).EnumerateArray());
    }

    [Fact]
    public async Task Another_users_session_is_not_found_on_every_endpoint()
    {
        var alice = await fx.App.SignInAsync();
        var bob = await fx.App.SignInAsync();
        fx.Fake.Enqueue(FakeReply.Text("Hello Alice."));
        var session = await AskAsync(alice, "Say hello to me, it is Alice writing from the team.");
        var requests = fx.Fake.Requests.Count;

        Assert.Empty((await ProblemAssert.JsonAsync(await bob.Http.GetAsync("/api/chat/sessions"))).EnumerateArray());
        var notFound = await ProblemAssert.IsProblemAsync(
            await bob.Http.GetAsync($"/api/chat/sessions/{session}"),
            HttpStatusCode.NotFound
        );
        var unknown = await ProblemAssert.IsProblemAsync(
            await bob.Http.GetAsync("/api/chat/sessions/no-such-session"),
            HttpStatusCode.NotFound
        );
        Assert.Equal(unknown.GetProperty("detail").GetString(), notFound.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(await bob.Http.DeleteAsync($"/api/chat/sessions/{session}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(
            await bob.Http.PostAsJsonAsync(
                "/api/chat/message/stream",
                new
                {
                    message = "what did she say?",
                    datasource = "files",
                    session_id = session,
                }
            ),
            HttpStatusCode.NotFound
        );
        await ProblemAssert.IsProblemAsync(
            await bob.Http.PostAsJsonAsync(
                "/api/chat/message",
                new
                {
                    message = "what did she say?",
                    datasource = "files",
                    session_id = session,
                }
            ),
            HttpStatusCode.NotFound
        );

        Assert.Equal(requests, fx.Fake.Requests.Count); // nothing of Bob's reached the model
        var kept = await ProblemAssert.JsonAsync(await alice.Http.GetAsync($"/api/chat/sessions/{session}"));
        Assert.Equal(2, kept.GetProperty("messages").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"message":"","datasource":"files"}""", "message")]
    [InlineData("""{"message":"   ","datasource":"files"}""", "message")]
    [InlineData("""{"message":"hi","datasource":"nope"}""", "datasource")]
    [InlineData("""{"message":"hi","datasource":"files","session_id":"../etc/passwd"}""", "session_id")]
    [InlineData("""{"message":"hi"}""", null)]
    [InlineData("""{"message":42,"datasource":"files"}""", null)]
    [InlineData("""not json""", null)]
    public async Task Bad_input_is_a_400_problem_on_both_endpoints(string body, string? field)
    {
        var user = await fx.App.SignInAsync();
        foreach (var path in new[] { "/api/chat/message", "/api/chat/message/stream" })
        {
            var response = await user.Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            if (field is not null)
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        }
        var tooLong = await user.Http.PostAsJsonAsync("/api/chat/message", new { message = new string('x', 10_001), datasource = "files" });
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await user.Http.GetAsync("/api/chat/sessions?limit=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Chat_needs_a_session_and_the_xsrf_header()
    {
        var anonymous = fx.App.CreateClient();
        await ProblemAssert.IsProblemAsync(
            await anonymous.PostAsJsonAsync("/api/chat/message/stream", new { message = "hi", datasource = "files" }),
            HttpStatusCode.Unauthorized
        );
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/chat/sessions"), HttpStatusCode.Unauthorized);

        var user = await fx.App.SignInAsync();
        var bare = fx.App.CreateBrowser(sendXsrfHeader: false);
        await bare.LoginAsync(user.Email, user.Password);
        await ProblemAssert.IsProblemAsync(
            await bare.Http.PostAsJsonAsync("/api/chat/message", new { message = "hi", datasource = "files" }),
            HttpStatusCode.Forbidden
        );
    }
}
