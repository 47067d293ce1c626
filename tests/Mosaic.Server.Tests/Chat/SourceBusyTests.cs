using System.Net;
using System.Net.Http.Json;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Hub;
using TestTools = Mosaic.Server.Tests.Hub.TestTools;

namespace Mosaic.Server.Tests.Chat;

/// <summary>
/// MCP_MAX_SESSIONS_PER_USER=1 in the real server (Offline mode): while a user's one session is busy, asking
/// another source is refused with 503 + Retry-After and a sentence (REST) or an error event saying the same (SSE),
/// and the busy call finishes untouched.
/// </summary>
public sealed class SourceBusyTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new(null, TrustSources.Json);

    public Task InitializeAsync()
    {
        _app.Settings["MCP_MAX_SESSIONS_PER_USER"] = "1";
        return _app.InitializeAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task With_every_session_busy_the_user_is_told_to_retry_and_the_busy_call_is_not_cancelled()
    {
        var user = await _app.SignInAsync();
        await user.UseNotesFileAsync();
        await using var slow = await SseStream.OpenAsync(user.Http, new { message = "sleep ms=5000", datasource = "vouched" });
        await slow.UntilAsync("tool_start");
        Assert.True(
            await TestTools.EventuallyAsync(() =>
                _app.Hub.GetStatus().Sessions.Any(s => s.UserId == user.Id && s.Datasource == "vouched" && s.InFlight > 0)
            ),
            "the sleep never started"
        );

        var rest = await user.Http.PostAsJsonAsync("/api/chat/message", new { message = "pid", datasource = "notes" });
        var problem = await ProblemAssert.IsProblemAsync(rest, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), rest.Headers.RetryAfter?.Delta);
        Assert.Contains("try notes again in 5 seconds", problem.GetProperty("detail").GetString());

        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "pid", datasource = "notes" });
        var error = await sse.UntilAsync("error");
        Assert.Equal("source_busy", error.GetProperty("code").GetString());
        Assert.Equal(5, error.GetProperty("retry_after").GetInt32());
        Assert.Contains("try notes again in 5 seconds", error.GetProperty("error").GetString());

        var events = await slow.ReadToEndAsync();
        Assert.Equal("done", SseStream.Type(events[^1]));
        Assert.True(events.Single(e => SseStream.Type(e) == "tool_end").GetProperty("success").GetBoolean());
        Assert.Contains("Slept 5000 ms", TrustSources.Text(events));
    }
}
