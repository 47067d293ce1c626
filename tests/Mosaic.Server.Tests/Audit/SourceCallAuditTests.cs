using System.Net.Http.Json;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Agent;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Audit;

/// <summary>A model turn with several calls: one entry each, in order, the unknown tool included.</summary>
public sealed class ModelTurnAuditTests(AnthropicChatFixture fx) : IClassFixture<AnthropicChatFixture>
{
    [Fact]
    public async Task Every_call_of_a_model_turn_is_one_entry()
    {
        var user = await fx.App.SignInAsync();
        fx.Fake.Enqueue(
            FakeReply.Of(
                new FakeToolUse("toolu_audit_echo", "echo", """{"message":"first"}"""),
                new FakeToolUse("toolu_audit_sum", "get-sum", """{"a":2,"b":3}"""),
                new FakeToolUse("toolu_audit_none", "no_such_tool", "{}")
            ),
            FakeReply.Text("Done.")
        );
        await using var sse = await SseStream.OpenAsync(user.Http, new { message = "echo and add, please", datasource = "everything" });
        var events = await sse.ReadToEndAsync();

        var entries = await fx.App.ToolCallsAsync(user.Id);
        Assert.Equal(["echo", "get-sum", "no_such_tool"], entries.Select(e => e.Tool));
        Assert.Equal(["success", "success", "error"], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal(AuditTestSupport.SessionId(events), e.SessionId));
        Assert.Single(entries.Select(e => e.RequestId).Distinct());
        Assert.Null(entries[2].DurationMs); // the model named a tool the source lacks: nothing ran
    }
}

/// <summary>The agent asks each source through the same executor: one entry per source's call, under the agent's session.</summary>
public sealed class AgentAuditTests(OfflineAgentFixture fx) : IClassFixture<OfflineAgentFixture>
{
    [Fact]
    public async Task An_agent_question_records_each_sources_call()
    {
        var user = await fx.App.SignInAsync();
        var response = await user.AskAsync(new { query = "sleep 5", sources = new[] { "slow1", "slow2" } });

        var entries = await fx.App.ToolCallsAsync(user.Id);
        Assert.Equal(["slow1", "slow2"], entries.Select(e => e.Source).Order());
        Assert.All(entries, e => Assert.Equal(("sleep", "success", "none"), (e.Tool, e.Outcome, e.Approval)));
        Assert.All(entries, e => Assert.Equal(response.GetProperty("session_id").GetString(), e.SessionId));
    }
}

/// <summary>The digest's whats_new calls and credential changes, on a custom source that offers whats_new.</summary>
public sealed class DigestAndCredentialAuditTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new(null, ToolTrustTests.SourceJson("news", "\"whats_new\""));

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<(TestUser User, string Marker)> UserWithNewsAsync()
    {
        var user = await _app.SignInAsync();
        var marker = $"notes-{Guid.NewGuid():N}";
        var file = Path.Combine(Directory.CreateTempSubdirectory("mosaic-audit").FullName, marker + ".txt");
        var saved = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = "news", credentials = new { notes_file = file } }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return (user, marker);
    }

    [Fact]
    public async Task The_digest_records_its_whats_new_call()
    {
        var (user, _) = await UserWithNewsAsync();
        await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/digest?hours=24&refresh=true"));

        var entry = Assert.Single(await _app.ToolCallsAsync(user.Id));
        Assert.Equal(("news", "whats_new", "none", "success"), (entry.Source, entry.Tool, entry.Approval, entry.Outcome));
        Assert.Contains("\"since\"", entry.Arguments);
        Assert.False(entry.FromCache);
        Assert.False(string.IsNullOrEmpty(entry.RequestId)); // the digest is built in a cache factory, outside the request's context
        Assert.Equal(user.Email, entry.UserEmail);
    }

    [Fact]
    public async Task Credential_saves_and_deletions_are_recorded_with_field_names_only()
    {
        var (user, marker) = await UserWithNewsAsync();
        (await user.Http.DeleteAsync("/api/credentials/news")).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await user.Http.DeleteAsync("/api/credentials/news"), System.Net.HttpStatusCode.NotFound);

        var entries = await _app.AuditAsync(user.Id, AuditKinds.Credential);
        Assert.Equal(["credentials_saved", "credentials_deleted"], entries.Select(e => e.Action)); // the 404 changed nothing
        Assert.All(entries, e => Assert.Equal(("news", "success", user.Email), (e.Source, e.Outcome, e.UserEmail)));
        Assert.Equal("""{"fields":["notes_file"]}""", entries[0].Detail);
        foreach (var column in new[] { "detail", "arguments", "target" })
        {
            var stored = await _app.Database.QueryStringsAsync($"SELECT {column} FROM audit_log WHERE user_id = '{user.Id}'");
            Assert.DoesNotContain(stored, s => s.Contains(marker));
        }
    }
}
