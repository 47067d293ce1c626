using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Audit;

/// <summary>Chat turns in Offline mode against real MCP servers: each tool call is one audit entry, whatever its fate.</summary>
public sealed class ChatToolCallAuditTests(OfflineChatFixture fx) : IClassFixture<OfflineChatFixture>
{
    private ChatAppFactory App => fx.App;

    [Fact]
    public async Task A_read_is_one_entry_and_the_same_read_again_is_recorded_from_the_cache()
    {
        var user = await App.SignInAsync();
        var sessions = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await using var sse = await SseStream.OpenAsync(user.Http, new { message = "echo \"audit me\"", datasource = "everything" });
            sessions.Add(AuditTestSupport.SessionId(await sse.ReadToEndAsync()));
        }

        var entries = await App.ToolCallsAsync(user.Id);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(("tool_called", "everything", "echo"), (e.Action, e.Source, e.Tool));
            Assert.Equal(("none", "success"), (e.Approval, e.Outcome));
            Assert.Equal(user.Email, e.UserEmail);
            Assert.Null(e.ApprovedBy);
            Assert.False(string.IsNullOrEmpty(e.RequestId));
            Assert.Contains("audit me", e.Arguments);
            Assert.True(e.DurationMs >= 0);
        });
        Assert.Equal([false, true], entries.Select(e => e.FromCache!.Value));
        Assert.Equal(sessions, entries.Select(e => e.SessionId!));
        Assert.NotEqual(entries[0].RequestId, entries[1].RequestId);
        // Sub-millisecond: the duration is the measured time, not whole milliseconds.
        Assert.NotEqual(Math.Floor(entries[0].DurationMs!.Value), entries[0].DurationMs!.Value);
    }

    [Fact]
    public async Task An_approved_write_records_who_approved_it_and_what_ran()
    {
        var user = await App.SignInAsync();
        var path = Path.Combine(App.FilesDir, $"approved-{Guid.NewGuid():N}.txt");
        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = $"write file {path} content=\"audited\"", datasource = "files" }
        );
        var request = await sse.UntilAsync("approval_required");
        Assert.Empty(await App.ToolCallsAsync(user.Id)); // nothing is recorded while the person decides
        var id = request.GetProperty("approval_id").GetString();
        (await user.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true })).EnsureSuccessStatusCode();
        var events = await sse.ReadToEndAsync();

        var entry = Assert.Single(await App.ToolCallsAsync(user.Id));
        Assert.Equal(
            ("files", "write_file", "approved", user.Id, "success"),
            (entry.Source, entry.Tool, entry.Approval, entry.ApprovedBy, entry.Outcome)
        );
        Assert.Contains(path.Replace("\\", "\\\\"), entry.Arguments);
        Assert.Equal(AuditTestSupport.SessionId(events), entry.SessionId);
        Assert.False(entry.FromCache);
        Assert.NotNull(entry.DurationMs);
    }

    [Fact]
    public async Task A_refused_write_is_recorded_as_refused_and_nothing_ran()
    {
        var user = await App.SignInAsync();
        var path = Path.Combine(App.FilesDir, $"refused-{Guid.NewGuid():N}.txt");
        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = $"write file {path} content=\"no\"", datasource = "files" }
        );
        var id = (await sse.UntilAsync("approval_required")).GetProperty("approval_id").GetString();
        (await user.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = false })).EnsureSuccessStatusCode();
        await sse.ReadToEndAsync();

        var entry = Assert.Single(await App.ToolCallsAsync(user.Id));
        Assert.Equal(("write_file", "refused", user.Id, "refused"), (entry.Tool, entry.Approval, entry.ApprovedBy, entry.Outcome));
        Assert.Null(entry.DurationMs);
        Assert.DoesNotContain(App.Hub.Calls, c => c.UserId == user.Id);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_write_the_request_cannot_ask_about_is_recorded_as_refused()
    {
        var user = await App.SignInAsync();
        var path = Path.Combine(App.FilesDir, $"unasked-{Guid.NewGuid():N}.txt");
        var response = await user.Http.PostAsJsonAsync(
            "/api/chat/message",
            new { message = $"write file {path} content=\"x\"", datasource = "files" }
        );
        response.EnsureSuccessStatusCode();

        var entry = Assert.Single(await App.ToolCallsAsync(user.Id));
        Assert.Equal(("write_file", "none", "refused"), (entry.Tool, entry.Approval, entry.Outcome));
        Assert.Contains("approval_unavailable", entry.Detail);
        Assert.Null(entry.ApprovedBy);
    }

    [Fact]
    public async Task A_token_in_the_arguments_is_never_stored()
    {
        var user = await App.SignInAsync();
        const string token = "xoxb-112233445566-aabbccddeeff0011";
        await using var sse = await SseStream.OpenAsync(user.Http, new { message = $"echo \"{token}\"", datasource = "everything" });
        await sse.ReadToEndAsync();

        var entry = Assert.Single(await App.ToolCallsAsync(user.Id));
        Assert.Contains("[redacted]", entry.Arguments);
        var stored = await App.Database.QueryStringsAsync($"SELECT arguments FROM audit_log WHERE user_id = '{user.Id}'");
        Assert.DoesNotContain(stored, s => s.Contains("112233445566"));
    }

    [Fact]
    public async Task An_approval_left_to_expire_is_recorded_as_expired_and_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new ChatAppFactory(null) { Time = clock };
        await app.InitializeAsync();
        var user = await app.SignInAsync();
        var path = Path.Combine(app.FilesDir, "expired.txt");
        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = $"write file {path} content=\"late\"", datasource = "files" }
        );
        await sse.UntilAsync("approval_required");
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal("expired", (await sse.UntilAsync("approval_resolved")).GetProperty("status").GetString());
        await sse.ReadToEndAsync();

        var entry = Assert.Single(await app.ToolCallsAsync(user.Id));
        Assert.Equal(("write_file", "expired", "refused"), (entry.Tool, entry.Approval, entry.Outcome));
        Assert.Null(entry.ApprovedBy);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, entry.At, TimeSpan.FromSeconds(1));
        Assert.False(File.Exists(path));
    }
}
