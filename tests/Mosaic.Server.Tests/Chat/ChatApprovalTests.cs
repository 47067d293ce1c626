using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat;

/// <summary>Over HTTP: write_file (not read-only) waits in the stream for POST /api/chat/approvals/{id} from its owner.</summary>
public sealed class ChatApprovalTests(AnthropicChatFixture fx) : IClassFixture<AnthropicChatFixture>
{
    private const string Ask = "Please write a short note called note.txt into the shared folder saying hello to the team.";

    private string Script(string name, string content)
    {
        var path = Path.Combine(fx.App.FilesDir, name);
        fx.Fake.Enqueue(FakeReply.ToolUse("write_file", new { path, content }), FakeReply.Text("Done."));
        return path;
    }

    [Fact]
    public async Task The_write_runs_only_after_the_owner_approves()
    {
        var alice = await fx.App.SignInAsync();
        var bob = await fx.App.SignInAsync();
        var path = Script("approved.txt", "hello team");

        await using var sse = await SseStream.OpenAsync(alice.Http, new { message = Ask, datasource = "files" });
        var request = await sse.UntilAsync("approval_required");
        Assert.Equal("write_file", request.GetProperty("tool").GetString());
        Assert.Equal(path, request.GetProperty("arguments").GetProperty("path").GetString());
        var id = request.GetProperty("approval_id").GetString()!;
        Assert.DoesNotContain("tool_start", sse.Types);
        await Task.Delay(300);
        Assert.False(File.Exists(path));

        // Bob can't answer it, nor can a request without the XSRF header.
        await ProblemAssert.IsProblemAsync(
            await bob.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }),
            HttpStatusCode.NotFound
        );
        var noXsrf = fx.App.CreateDefaultClient(new CookieContainerHandler(alice.Browser.Cookies));
        await ProblemAssert.IsProblemAsync(
            await noXsrf.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }),
            HttpStatusCode.Forbidden
        );
        await ProblemAssert.IsProblemAsync(
            await alice.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { }),
            HttpStatusCode.BadRequest
        );
        Assert.False(File.Exists(path));

        var answer = await ProblemAssert.JsonAsync(await alice.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }));
        Assert.Equal("approved", answer.GetProperty("status").GetString());
        var events = await sse.ReadToEndAsync();

        Assert.Equal("hello team", await File.ReadAllTextAsync(path));
        var after = sse.Types.SkipWhile(t => t != "approval_required").Distinct().ToList();
        Assert.Equal(["approval_required", "approval_resolved", "tool_start", "tool_end", "chunk", "done"], after);
        Assert.Equal("approved", events[^1].GetProperty("metadata").GetProperty("tools_used")[0].GetProperty("approval").GetString());
        await ProblemAssert.IsProblemAsync(
            await alice.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = false }),
            HttpStatusCode.NotFound
        );
    }

    [Fact]
    public async Task A_refusal_runs_nothing_and_the_model_is_told()
    {
        var alice = await fx.App.SignInAsync();
        var path = Script("refused.txt", "should never exist");
        var before = fx.Fake.Requests.Count;

        await using var sse = await SseStream.OpenAsync(alice.Http, new { message = Ask, datasource = "files" });
        var id = (await sse.UntilAsync("approval_required")).GetProperty("approval_id").GetString()!;
        var answer = await ProblemAssert.JsonAsync(await alice.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = false }));
        Assert.Equal("refused", answer.GetProperty("status").GetString());
        await sse.ReadToEndAsync();

        Assert.False(File.Exists(path));
        Assert.DoesNotContain("tool_start", sse.Types);
        Assert.DoesNotContain(fx.App.Hub.Calls, c => c.Tool == "write_file" && c.UserId == alice.Id);
        var followUp = fx.Fake.Requests.Skip(before).Last(r => r.Model == "claude-sonnet-4-5");
        Assert.Contains("refused", Assert.Single(followUp.ToolResults).Content);
        Assert.Equal("done", sse.Types.Last());
    }

    [Fact]
    public async Task An_unanswered_approval_expires_after_five_minutes_and_runs_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new ChatAppFactory(fx.Fake) { Time = clock };
        await app.InitializeAsync();
        var alice = await app.SignInAsync();
        var path = Path.Combine(app.FilesDir, "expired.txt");
        fx.Fake.Enqueue(FakeReply.ToolUse("write_file", new { path, content = "too late" }), FakeReply.Text("Nothing was written."));

        await using var sse = await SseStream.OpenAsync(alice.Http, new { message = Ask, datasource = "files" });
        var request = await sse.UntilAsync("approval_required");
        Assert.Equal(clock.GetUtcNow().AddMinutes(5), request.GetProperty("expires_at").GetDateTimeOffset());
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var resolved = await sse.UntilAsync("approval_resolved");
        Assert.Equal("expired", resolved.GetProperty("status").GetString());
        await sse.ReadToEndAsync();
        Assert.False(File.Exists(path));
        Assert.DoesNotContain("tool_start", sse.Types);
        var id = request.GetProperty("approval_id").GetString()!;
        await ProblemAssert.IsProblemAsync(
            await alice.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }),
            HttpStatusCode.NotFound
        );
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_non_streaming_endpoint_cannot_ask_so_the_write_is_refused()
    {
        var alice = await fx.App.SignInAsync();
        var path = Script("whole.txt", "no way to approve");
        var body = await ProblemAssert.JsonAsync(
            await alice.Http.PostAsJsonAsync("/api/chat/message", new { message = Ask, datasource = "files" })
        );
        Assert.False(File.Exists(path));
        Assert.False(body.GetProperty("sources")[0].GetProperty("success").GetBoolean());
    }
}
