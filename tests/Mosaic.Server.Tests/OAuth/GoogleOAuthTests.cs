using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>Google end to end against the Sandbox's authorization server: connect, use, refresh, lose, disconnect.</summary>
public sealed class GoogleOAuthTests(OAuthFixture fx) : IClassFixture<OAuthFixture>, IAsyncLifetime
{
    const string Source = "google_workspace";

    public Task InitializeAsync() => fx.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    IMcpHub Hub => fx.App.Services.GetRequiredService<IMcpHub>();

    Task<McpToolResult> MailAsync(TestUser user) =>
        Hub.CallToolAsync(user.Id, Source, "list_messages", new Dictionary<string, JsonElement>(), CancellationToken.None);

    [Fact]
    public async Task Connect_shows_the_identity_calls_a_tool_and_disconnect_revokes()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var before = await OAuthFixture.DatasourceAsync(user, Source);
        Assert.Equal("google", before.GetProperty("oauth").GetProperty("provider").GetString());
        Assert.True(before.GetProperty("oauth").GetProperty("ready").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("auth").ValueKind);

        var authorize = await OAuthFixture.StartAsync(user, Source);
        Assert.StartsWith(fx.Sandbox.BaseUrl + "/google/o/oauth2/v2/auth?", authorize.AbsoluteUri);
        Assert.Contains("access_type=offline", authorize.Query);
        Assert.Contains("prompt=consent", authorize.Query);
        Assert.Contains("code_challenge_method=S256", authorize.Query);
        var back = await OAuthFixture.CallbackAsync(user, await OAuthFixture.ConsentAsync(authorize));
        Assert.Equal("/settings?oauth=connected&source=google_workspace", back);

        var after = await OAuthFixture.DatasourceAsync(user, Source);
        Assert.True(after.GetProperty("configured").GetBoolean());
        Assert.Equal("oauth", after.GetProperty("auth").GetString());
        Assert.Contains("alice", after.GetProperty("identity").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(after.GetProperty("credential_fields").EnumerateArray(), f =>
            f.GetProperty("name").GetString() == "access_token"
        );

        var mail = await MailAsync(user);
        Assert.False(mail.IsError, mail.Text);
        Assert.Contains("Charged twice", mail.Text);

        var deleted = await user.Http.DeleteAsync($"/api/credentials/{Source}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(1, (await fx.StatsAsync("google")).GetProperty("revocations").GetInt32());
        Assert.False((await OAuthFixture.DatasourceAsync(user, Source)).GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_once_before_use_and_a_refused_one_once_after_a_401()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        Assert.StartsWith("/settings?oauth=connected", await OAuthFixture.ConnectAsync(user, Source));
        // An hour later: a minute left, within the two minutes before expiry, so the next use refreshes it.
        await fx.ExpireSoonAsync(user, Source);

        Assert.False((await MailAsync(user)).IsError);
        Assert.False((await MailAsync(user)).IsError);
        Assert.Equal(1, (await fx.StatsAsync("google")).GetProperty("refreshes").GetInt32());

        // Every live token dies at the provider: the tool's 401 makes the host refresh once and call again.
        await fx.ControlAsync("google", "expire-access");
        var again = await Hub.CallToolAsync(user.Id, Source, "get_events", new Dictionary<string, JsonElement>(), CancellationToken.None);
        Assert.False(again.IsError, again.Text);
        Assert.Equal(2, (await fx.StatsAsync("google")).GetProperty("refreshes").GetInt32());
    }

    [Fact]
    public async Task Concurrent_calls_that_all_need_a_refresh_cause_exactly_one()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        await OAuthFixture.ConnectAsync(user, Source);
        await fx.ExpireSoonAsync(user, Source);

        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => MailAsync(user)));
        Assert.All(calls, c => Assert.False(c.IsError, c.Text));
        Assert.Equal(1, (await fx.StatsAsync("google")).GetProperty("refreshes").GetInt32());
    }

    [Fact]
    public async Task A_refused_refresh_marks_reconnect_in_the_sources_the_digest_and_the_call()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        await OAuthFixture.ConnectAsync(user, Source);
        await fx.ControlAsync("google", "revoke-refresh");
        await fx.ControlAsync("google", "expire-access");

        var call = await MailAsync(user);
        Assert.True(call.IsError);
        Assert.Equal("Google refused the saved authorization: reconnect Google.", call.Text);
        var listed = await OAuthFixture.DatasourceAsync(user, Source);
        Assert.Equal("Google refused the saved authorization: reconnect Google.", listed.GetProperty("reconnect").GetString());

        var digest = JsonDocument.Parse(await user.Http.GetStringAsync("/api/digest?refresh=true")).RootElement;
        var reconnect = Assert.Single(digest.GetProperty("reconnect").EnumerateArray());
        Assert.Equal(Source, reconnect.GetProperty("datasource").GetString());
        Assert.Equal("Reconnect Google to see your mail.", reconnect.GetProperty("message").GetString());
        Assert.DoesNotContain(digest.GetProperty("sections").EnumerateArray(), s => s.GetProperty("source").GetString() == Source);

        // Connecting again clears it.
        Assert.StartsWith("/settings?oauth=connected", await OAuthFixture.ConnectAsync(user, Source));
        Assert.Equal(JsonValueKind.Null, (await OAuthFixture.DatasourceAsync(user, Source)).GetProperty("reconnect").ValueKind);
    }

    [Fact]
    public async Task Another_users_state_and_another_sessions_state_are_refused_and_store_nothing()
    {
        var alice = await fx.App.SignUpAndLogInAsync();
        var mallory = await fx.App.SignUpAndLogInAsync();
        var callback = await OAuthFixture.ConsentAsync(await OAuthFixture.StartAsync(alice, Source));
        Assert.Equal("/?oauth=error&source=google_workspace&reason=state", await OAuthFixture.CallbackAsync(mallory, callback));
        Assert.False((await OAuthFixture.DatasourceAsync(mallory, Source)).GetProperty("configured").GetBoolean());

        // Alice signed in elsewhere: that session cannot finish what this one started.
        var elsewhere = fx.App.CreateBrowser();
        await elsewhere.LoginAsync(alice.Email, alice.Password);
        var other = alice with { Browser = elsewhere };
        Assert.Equal("/?oauth=error&source=google_workspace&reason=state", await OAuthFixture.CallbackAsync(other, callback));
        Assert.False((await OAuthFixture.DatasourceAsync(alice, Source)).GetProperty("configured").GetBoolean());
        // Refused attempts do not use it up: the session that started it still can.
        Assert.StartsWith("/settings?oauth=connected", await OAuthFixture.CallbackAsync(alice, callback));
    }

    [Fact]
    public async Task A_pasted_access_token_is_refused()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var saved = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = Source, credentials = new { access_token = "ya29.x" } }
        );
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
    }
}
