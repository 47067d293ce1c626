using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Chat;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Admin;

/// <summary>
/// A custom source "policy" running tests/Mosaic.TestMcpServer, the operator vouching for save_note and pid (so every other
/// tool is a write), with the fake Anthropic API as the model: what the admin's tool policy does to a turn.
/// </summary>
public sealed class PolicyAnthropicFixture : AnthropicChatFixture
{
    public const string Source = "policy";
    protected override string ExtraSources => ToolTrustTests.SourceJson(Source, "\"save_note\", \"pid\"");
}

public sealed class SourcesToolPolicyTests(PolicyAnthropicFixture fx) : IClassFixture<PolicyAnthropicFixture>
{
    const string Source = PolicyAnthropicFixture.Source;

    [Fact]
    public async Task A_switched_off_tool_is_never_offered_to_the_model_and_a_call_to_it_is_refused()
    {
        var admin = await fx.App.SignInAdminAsync();
        var member = await fx.App.SignInAsync();
        await admin.PatchSourceAsync(Source, new { disabled_tools = new[] { "pid" } });
        try
        {
            var before = fx.Fake.Requests.Count;
            fx.Fake.Enqueue(FakeReply.ToolUse("pid", new { }), FakeReply.Text("No pid for you."));
            var events = await AskAsync(member, "What is the process id of the notes server?");

            var offered = fx.Fake.Requests.Skip(before).Where(r => r.Model != "claude-haiku-4-5").ToList();
            Assert.NotEmpty(offered);
            Assert.All(offered, r => Assert.DoesNotContain("pid", r.ToolNames));
            Assert.Contains("save_note", offered[0].ToolNames);
            Assert.DoesNotContain("tool_start", events.Select(SseStream.Type));
            Assert.DoesNotContain(fx.App.Hub.Calls, c => c.UserId == member.Id && c.Tool == "pid");

            var hub = fx.App.Services.GetRequiredService<IMcpHub>();
            var direct = await hub.CallToolAsync(member.Id, Source, "pid", null, CancellationToken.None);
            Assert.True(direct.IsError);
            Assert.Contains("Your admin switched off the tool 'pid'", direct.Text);

            var view = await ProblemAssert.JsonAsync(await admin.Http.GetAsync($"/api/admin/sources/{Source}"));
            Assert.True(view.GetProperty("tools_known").GetBoolean(), view.ToString());
            var pid = view.GetProperty("tools").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "pid");
            Assert.True(pid.GetProperty("disabled").GetBoolean());
            Assert.True(pid.GetProperty("read_only").GetBoolean());
        }
        finally
        {
            await admin.PatchSourceAsync(Source, new { disabled_tools = Array.Empty<string>() });
        }
    }

    [Fact]
    public async Task An_always_ask_read_tool_waits_for_approval_every_time_and_is_not_cached()
    {
        var admin = await fx.App.SignInAdminAsync();
        var member = await fx.App.SignInAsync();
        var file = await NotesFileAsync(member);
        await admin.PatchSourceAsync(Source, new { always_ask_tools = new[] { "save_note" } });
        try
        {
            var uses = new List<JsonElement>();
            for (var i = 0; i < 2; i++)
            {
                fx.Fake.Enqueue(FakeReply.ToolUse("save_note", new { text = "same note" }), FakeReply.Text("Saved."));
                await using var sse = await SseStream.OpenAsync(member.Http, new { message = "Keep a note of this.", datasource = Source });
                var request = await sse.UntilAsync("approval_required");
                Assert.Equal("save_note", request.GetProperty("tool").GetString());
                var id = request.GetProperty("approval_id").GetString()!;
                await ProblemAssert.JsonAsync(await member.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }));
                var events = await sse.ReadToEndAsync();
                uses.Add(events[^1].GetProperty("metadata").GetProperty("tools_used")[0]);
            }
            Assert.Equal(["same note", "same note"], TrustSources.Notes(file)); // both ran: nothing came from the cache
            Assert.Equal([false, false], uses.Select(u => u.GetProperty("from_cache").GetBoolean()));
        }
        finally
        {
            await admin.PatchSourceAsync(Source, new { always_ask_tools = Array.Empty<string>() });
        }
    }

    [Fact]
    public async Task On_a_shared_connection_writes_always_ask_and_writes_disabled_removes_them()
    {
        var admin = await fx.App.SignInAdminAsync();
        var member = await fx.App.SignInAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("mosaic-shared-notes").FullName, "notes.txt");
        await admin.PatchSourceAsync(Source, new { connection = "shared" });
        await admin.SaveSharedAsync(Source, new { notes_file = file });
        try
        {
            fx.Fake.Enqueue(FakeReply.ToolUse("grow", new { name = "sneaky", readOnly = true }), FakeReply.Text("Not grown."));
            await using (var sse = await SseStream.OpenAsync(member.Http, new { message = "Add a tool please.", datasource = Source }))
            {
                var request = await sse.UntilAsync("approval_required");
                Assert.Equal("grow", request.GetProperty("tool").GetString());
                var id = request.GetProperty("approval_id").GetString()!;
                await ProblemAssert.JsonAsync(await member.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = false }));
                await sse.ReadToEndAsync();
            }

            var view = await admin.PatchSourceAsync(Source, new { writes_disabled = true });
            var before = fx.Fake.Requests.Count;
            fx.Fake.Enqueue(FakeReply.Text("Only reads here."));
            await AskAsync(member, "Add a tool please.");
            var offered = fx.Fake.Requests.Skip(before).Where(r => r.Model != "claude-haiku-4-5").ToList();
            Assert.All(offered, r => Assert.DoesNotContain("grow", r.ToolNames));
            Assert.All(offered, r => Assert.DoesNotContain("crash", r.ToolNames));
            Assert.Contains("save_note", offered[0].ToolNames);
            Assert.Contains(view.GetProperty("tools").EnumerateArray(), t =>
                t.GetProperty("name").GetString() == "grow" && t.GetProperty("disabled").GetBoolean()
            );

            // A member's notes saved (saved shared), the member never entered anything.
            Assert.Empty(AdminUsers.FieldNames((await member.DatasourceAsync(Source))!.Value));
        }
        finally
        {
            await admin.PatchSourceAsync(Source, new { connection = "personal", writes_disabled = false });
            await admin.Http.DeleteAsync($"/api/admin/sources/{Source}/credentials");
        }
    }

    static async Task<string> NotesFileAsync(TestUser user)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("mosaic-notes").FullName, "notes.txt");
        var saved = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = Source, credentials = new { notes_file = file } }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return file;
    }

    static async Task<IReadOnlyList<JsonElement>> AskAsync(TestUser user, string message)
    {
        await using var sse = await SseStream.OpenAsync(user.Http, new { message, datasource = Source });
        return await sse.ReadToEndAsync();
    }
}

/// <summary>Offline mode: a switched-off tool is never picked by keyword routing, even one the operator vouched for.</summary>
public sealed class OfflineSourcesToolPolicyTests(OfflineSourcesToolPolicyTests.Fixture fx)
    : IClassFixture<OfflineSourcesToolPolicyTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ChatAppFactory App { get; } = new(null, ToolTrustTests.SourceJson("policy", "\"save_note\", \"pid\""));

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public async Task Offline_routing_never_picks_a_switched_off_tool()
    {
        var admin = await fx.App.SignInAdminAsync();
        var member = await fx.App.SignInAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("mosaic-notes").FullName, "notes.txt");
        await member.Http.PostAsJsonAsync("/api/credentials", new { datasource = "policy", credentials = new { notes_file = file } });
        const string question = "save_note text=\"from keywords\"";

        await admin.PatchSourceAsync("policy", new { disabled_tools = new[] { "save_note" } });
        await using (var off = await SseStream.OpenAsync(member.Http, new { message = question, datasource = "policy" }))
        {
            await off.ReadToEndAsync();
            Assert.DoesNotContain("tool_start", off.Types);
        }
        Assert.Empty(TrustSources.Notes(file));

        await admin.PatchSourceAsync("policy", new { disabled_tools = Array.Empty<string>() });
        await using var on = await SseStream.OpenAsync(member.Http, new { message = question, datasource = "policy" });
        await on.ReadToEndAsync();
        Assert.Contains("tool_start", on.Types);
        Assert.Equal(["from keywords"], TrustSources.Notes(file));
    }
}
