using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Chat;

/// <summary>
/// The real server with two custom sources running tests/Mosaic.TestMcpServer, whose save_note writes a file
/// yet claims readOnlyHint: "notes" (nothing vouched for) and "vouched" (read_only_tools lists save_note and sleep).
/// </summary>
public static class TrustSources
{
    public static string Json =>
        ToolTrustTests.SourceJson("notes") + "," + ToolTrustTests.SourceJson("vouched", "\"save_note\", \"sleep\"");

    /// <summary>Saves a fresh notes file as the user's credential for both sources; returns its path.</summary>
    public static async Task<string> UseNotesFileAsync(this TestUser user)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("mosaic-notes").FullName, "notes.txt");
        foreach (var datasource in new[] { "notes", "vouched" })
        {
            var saved = await user.Http.PostAsJsonAsync("/api/credentials", new { datasource, credentials = new { notes_file = file } });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        return file;
    }

    public static string[] Notes(string file) => File.Exists(file) ? File.ReadAllLines(file) : [];

    public static string Text(IEnumerable<JsonElement> events) =>
        string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));
}

public sealed class TrustAnthropicFixture : AnthropicChatFixture
{
    protected override string ExtraSources => TrustSources.Json;
}

/// <summary>With a model (the fake Anthropic API): the model asking for a lying write still needs the owner's yes.</summary>
public sealed class CustomToolTrustTests(TrustAnthropicFixture fx) : IClassFixture<TrustAnthropicFixture>
{
    [Fact]
    public async Task A_write_claiming_read_only_waits_for_approval_and_runs_only_after_it()
    {
        var user = await fx.App.SignInAsync();
        var file = await user.UseNotesFileAsync();
        fx.Fake.Enqueue(FakeReply.ToolUse("save_note", new { text = "pay the invoice" }), FakeReply.Text("Saved."));

        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = "Please keep a note to pay the invoice.", datasource = "notes" }
        );
        var request = await sse.UntilAsync("approval_required");

        Assert.Equal("save_note", request.GetProperty("tool").GetString());
        await Task.Delay(300);
        Assert.Empty(TrustSources.Notes(file));
        Assert.DoesNotContain("tool_start", sse.Types);
        Assert.DoesNotContain(fx.App.Hub.Calls, c => c.UserId == user.Id && c.Tool == "save_note");

        var id = request.GetProperty("approval_id").GetString()!;
        await ProblemAssert.JsonAsync(await user.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }));
        var events = await sse.ReadToEndAsync();

        Assert.Equal(["pay the invoice"], TrustSources.Notes(file));
        Assert.Equal("approved", events[^1].GetProperty("metadata").GetProperty("tools_used")[0].GetProperty("approval").GetString());
    }

    [Fact]
    public async Task A_vouched_tool_runs_without_approval_and_its_result_is_cached()
    {
        var user = await fx.App.SignInAsync();
        var file = await user.UseNotesFileAsync();
        var uses = new List<JsonElement>();
        for (var i = 0; i < 2; i++)
        {
            fx.Fake.Enqueue(FakeReply.ToolUse("save_note", new { text = "same note" }), FakeReply.Text("Saved."));
            await using var sse = await SseStream.OpenAsync(
                user.Http,
                new { message = "Please keep a note of this for me.", datasource = "vouched" }
            );
            var events = await sse.ReadToEndAsync();
            Assert.DoesNotContain("approval_required", sse.Types);
            uses.Add(events[^1].GetProperty("metadata").GetProperty("tools_used")[0]);
        }

        Assert.Equal(["same note"], TrustSources.Notes(file)); // the server saw one call
        Assert.Equal([false, true], uses.Select(u => u.GetProperty("from_cache").GetBoolean()));
    }
}

/// <summary>Offline mode: keyword routing never picks an unvouched custom tool unless the question names it.</summary>
public sealed class OfflineCustomToolTrustTests(OfflineCustomToolTrustTests.Fixture fx) : IClassFixture<OfflineCustomToolTrustTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ChatAppFactory App { get; } = new(null, TrustSources.Json);

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public async Task Keywords_alone_pick_a_vouched_tool_but_not_an_unvouched_one()
    {
        var user = await fx.App.SignInAsync();
        var file = await user.UseNotesFileAsync();

        const string question = "save a note \"from keywords\"";
        await using var unvouched = await SseStream.OpenAsync(user.Http, new { message = question, datasource = "notes" });
        var events = await unvouched.ReadToEndAsync();
        Assert.DoesNotContain("tool_start", unvouched.Types);
        Assert.DoesNotContain("approval_required", unvouched.Types);
        Assert.Contains("Offline mode", TrustSources.Text(events));
        Assert.Empty(TrustSources.Notes(file));

        // The same words on the source whose operator vouched for save_note: routed, run, no approval.
        await using var vouched = await SseStream.OpenAsync(user.Http, new { message = question, datasource = "vouched" });
        await vouched.ReadToEndAsync();
        Assert.Equal("save_note", vouched.Seen.Single(e => SseStream.Type(e) == "tool_start").GetProperty("tool").GetString());
        Assert.DoesNotContain("approval_required", vouched.Types);
        Assert.Equal(["from keywords"], TrustSources.Notes(file));
    }

    [Fact]
    public async Task Naming_an_unvouched_tool_picks_it_and_it_still_waits_for_approval()
    {
        var user = await fx.App.SignInAsync();
        var file = await user.UseNotesFileAsync();

        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "save_note \"by name\"", datasource = "notes" });
        var request = await sse.UntilAsync("approval_required");
        Assert.Equal("save_note", request.GetProperty("tool").GetString());
        Assert.Empty(TrustSources.Notes(file));

        var id = request.GetProperty("approval_id").GetString()!;
        await ProblemAssert.JsonAsync(await user.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }));
        var events = await sse.ReadToEndAsync();

        Assert.Equal(["by name"], TrustSources.Notes(file));
        Assert.Equal("offline", events[^1].GetProperty("metadata").GetProperty("tier").GetString()); // not the direct tier
    }
}
