using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.OAuth.Mcp;

/// <summary>
/// A remote MCP server with OAuth 2.1 (the Sandbox's Acme Wiki) connected end to end through the MCP SDK's OAuth
/// client: Client ID Metadata Document, registration, refresh, revoked refresh, call-time authorization, state and iss.
/// </summary>
public sealed class McpOAuthTests(McpOAuthFixture fx) : IClassFixture<McpOAuthFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    static Dictionary<string, JsonElement> Args(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    async Task<Credential?> RowAsync(string userId)
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        return await scope
            .ServiceProvider.GetRequiredService<MosaicDbContext>()
            .Credentials.AsNoTracking()
            .FirstOrDefaultAsync(c => c.UserId == userId && c.Datasource == "wiki");
    }

    async Task<IReadOnlyDictionary<string, string>?> FieldsAsync(string userId)
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialVault>().GetAsync(userId, "wiki", CancellationToken.None);
    }

    [Fact]
    public async Task Connect_with_the_client_metadata_document_then_a_tool_call_works()
    {
        var (browser, userId) = await fx.SignUpAsync();

        var back = await fx.ConnectAsync(browser);
        var page = await fx.Hub.CallToolAsync(userId, "wiki", "get_page", Args("""{"slug":"checkout-runbook"}"""), default);

        Assert.Equal("/chat?oauth=connected&source=wiki", back);
        Assert.False(page.IsError, page.Text);
        Assert.Contains("Checkout runbook", page.Text);
        var stats = await fx.StatsAsync();
        Assert.True(stats.GetProperty("clientMetadataFetches").GetInt32() >= 1);
        Assert.Equal(0, stats.GetProperty("registrations").GetInt32());
        var row = await RowAsync(userId);
        Assert.Equal("oauth", row!.Auth);
        Assert.Contains("alice@acme.test", row.Identity);
        Assert.True(row.ExpiresAt > DateTime.UtcNow);
        var fields = await FieldsAsync(userId);
        Assert.StartsWith("https://127.0.0.1:", fields!["oauth_client_id"]); // the document's URL is the client_id
        // No token in any log line.
        Assert.DoesNotContain(fields["oauth_access_token"], fx.App.Logs.All);
        Assert.DoesNotContain(fields["oauth_refresh_token"], fx.App.Logs.All);
    }

    [Fact]
    public async Task Without_client_metadata_documents_the_sdk_registers_dynamically()
    {
        await fx.SandboxAsync("settings", new { cimd = false });
        var (browser, userId) = await fx.SignUpAsync();

        Assert.Equal("/chat?oauth=connected&source=wiki", await fx.ConnectAsync(browser));
        var found = await fx.Hub.CallToolAsync(userId, "wiki", "search_pages", Args("""{"query":"release"}"""), default);

        Assert.False(found.IsError, found.Text);
        Assert.Contains("release-process", found.Text);
        Assert.Equal(1, (await fx.StatsAsync()).GetProperty("registrations").GetInt32());
        Assert.StartsWith("wiki_client_", (await FieldsAsync(userId))!["oauth_client_id"]);
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_by_the_sdk_and_the_rotated_tokens_saved()
    {
        var (browser, userId) = await fx.SignUpAsync();
        await fx.ConnectAsync(browser);
        var before = await FieldsAsync(userId);

        await fx.SandboxAsync("expire-access");
        var who = await fx.Hub.CallToolAsync(userId, "wiki", "whoami", null, default);

        Assert.False(who.IsError, who.Text);
        Assert.Contains("alice@acme.test", who.Text);
        Assert.Equal(1, (await fx.StatsAsync()).GetProperty("refreshes").GetInt32());
        var after = await FieldsAsync(userId);
        Assert.NotEqual(before!["oauth_access_token"], after!["oauth_access_token"]);
        Assert.NotEqual(before["oauth_refresh_token"], after["oauth_refresh_token"]);
        Assert.Null((await RowAsync(userId))!.ReconnectReason);
    }

    [Fact]
    public async Task A_revoked_refresh_token_asks_the_person_to_reconnect()
    {
        var (browser, userId) = await fx.SignUpAsync();
        await fx.ConnectAsync(browser);

        await fx.SandboxAsync("expire-access");
        await fx.SandboxAsync("revoke-refresh");
        var e = await Assert.ThrowsAsync<McpHubException>(() => fx.Hub.CallToolAsync(userId, "wiki", "whoami", null, default));

        Assert.Equal(McpHubFailure.ConnectNeeded, e.Failure);
        Assert.Equal("Acme Wiki refused the saved authorization: reconnect Acme Wiki.", e.Message);
        Assert.Equal(e.Message, (await RowAsync(userId))!.ReconnectReason);
    }

    [Fact]
    public async Task A_server_that_asks_at_call_time_gets_connected_and_then_answers()
    {
        await fx.SandboxAsync("settings", new { callTimeAuth = true });
        var (browser, userId) = await fx.SignUpAsync();

        var tools = await fx.Hub.ListToolsAsync(userId, "wiki", default);
        var e = await Assert.ThrowsAsync<McpHubException>(() => fx.Hub.CallToolAsync(userId, "wiki", "whoami", null, default));
        Assert.Contains(tools, t => t.Name == "get_page");
        Assert.Equal(McpHubFailure.ConnectNeeded, e.Failure);
        Assert.Equal("Acme Wiki", e.SourceName);
        Assert.Null(await RowAsync(userId));

        Assert.Equal("/chat?oauth=connected&source=wiki", await fx.ConnectAsync(browser));
        var who = await fx.Hub.CallToolAsync(userId, "wiki", "whoami", null, default);
        Assert.False(who.IsError, who.Text);
        Assert.Contains("alice@acme.test", who.Text);
    }

    [Fact]
    public async Task Chat_offers_connect_before_the_error_when_the_server_asks_at_call_time()
    {
        await fx.SandboxAsync("settings", new { callTimeAuth = true });
        var (browser, _) = await fx.SignUpAsync();
        fx.Model.Enqueue(FakeReply.ToolUse("whoami", new { }), FakeReply.Text("Connect the Acme Wiki first."));

        await using var sse = await SseStream.OpenAsync(browser, new { message = "Who am I in the wiki?", datasource = "wiki" });
        var events = await sse.ReadToEndAsync();

        var types = events.Select(SseStream.Type).ToList();
        var connect = events.Single(e => SseStream.Type(e) == "connect_required");
        Assert.Equal("wiki", connect.GetProperty("datasource").GetString());
        Assert.Equal("Acme Wiki", connect.GetProperty("name").GetString());
        Assert.Contains("press Connect", connect.GetProperty("reason").GetString());
        Assert.True(types.IndexOf("connect_required") < types.IndexOf("tool_end"));
        Assert.False(events.Single(e => SseStream.Type(e) == "tool_end").GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Another_users_state_and_a_replayed_state_are_refused()
    {
        var (alice, aliceId) = await fx.SignUpAsync();
        var (mallory, _) = await fx.SignUpAsync();
        var callback = await fx.ApproveAsync(alice);

        var foreign = await mallory.GetAsync(callback);
        var own = await alice.GetAsync(callback);
        var replay = await alice.GetAsync(callback);

        Assert.Equal("/?oauth=error&source=wiki&reason=state", foreign.Headers.Location!.OriginalString);
        Assert.Equal("/chat?oauth=connected&source=wiki", own.Headers.Location!.OriginalString);
        Assert.Equal("/?oauth=error&source=wiki&reason=state", replay.Headers.Location!.OriginalString);
        Assert.Equal("oauth", (await RowAsync(aliceId))!.Auth);
    }

    [Fact]
    public async Task A_wrong_issuer_in_the_authorization_response_fails_and_stores_nothing()
    {
        await fx.SandboxAsync("settings", new { wrongIss = true });
        var (browser, userId) = await fx.SignUpAsync();

        var back = await browser.GetAsync(await fx.ApproveAsync(browser));

        Assert.True(back.StatusCode == HttpStatusCode.Redirect, await back.Content.ReadAsStringAsync());
        var query = QueryHelpers.ParseQuery(back.Headers.Location!.OriginalString.Split('?', 2)[1]);
        Assert.Equal("error", query["oauth"]);
        Assert.Equal("verification", query["reason"]);
        Assert.Null(await RowAsync(userId));
        Assert.Equal(0, (await fx.StatsAsync()).GetProperty("codeExchanges").GetInt32());
    }

    [Fact]
    public async Task Denied_consent_comes_back_as_denied()
    {
        var (browser, userId) = await fx.SignUpAsync();

        var back = await browser.GetAsync(await fx.ApproveAsync(browser, decision: "deny"));

        Assert.Equal("/chat?oauth=error&source=wiki&reason=denied", back.Headers.Location!.OriginalString);
        Assert.Null(await RowAsync(userId));
    }

    [Fact]
    public async Task The_client_metadata_document_lists_the_callback_of_each_oauth_source()
    {
        using var http = fx.Browser(new CookieContainer());
        var doc = JsonDocument.Parse(await http.GetStringAsync("/api/oauth/client-metadata.json")).RootElement;

        Assert.Equal(new Uri(fx.BaseAddress, "api/oauth/client-metadata.json").AbsoluteUri, doc.GetProperty("client_id").GetString());
        Assert.Equal("none", doc.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(
            new[] { new Uri(fx.BaseAddress, "api/oauth/wiki/callback").AbsoluteUri },
            doc.GetProperty("redirect_uris").EnumerateArray().Select(u => u.GetString()!).ToArray()
        );
    }
}
