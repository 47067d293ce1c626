using System.Net;
using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>
/// Every built-in provider end to end against the Sandbox's authorization servers: connect through the consent page, call a
/// tool, a 401 after the tokens died (refresh once, retry once), a rotated refresh token saved (the next refresh works with
/// it), a revoked authorization (reconnect), and disconnect with revocation where the provider offers it.
/// </summary>
public sealed class ProviderOAuthTests(OAuthFixture fx) : IClassFixture<OAuthFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string, bool> Providers =>
        new()
        {
            { "slack", "slack", "search_messages", true },
            { "github", "github", "list_repositories", true },
            { "google_workspace", "google", "list_messages", true },
            { "jira", "atlassian", "list_projects", false },
            { "shopify", "shopify", "list_products", true },
        };

    IMcpHub Hub => fx.App.Services.GetRequiredService<IMcpHub>();

    int _calls;

    /// <summary>Each call with another limit: read results are cached for a while, and these calls must reach the provider.</summary>
    Task<McpToolResult> CallAsync(TestUser user, string source, string tool) =>
        Hub.CallToolAsync(user.Id, source, tool, Arguments(tool, 2 + Interlocked.Increment(ref _calls)), CancellationToken.None);

    static Dictionary<string, JsonElement> Arguments(string tool, int limit)
    {
        var args = new Dictionary<string, JsonElement> { ["limit"] = JsonSerializer.SerializeToElement(limit) };
        if (tool == "search_messages")
            args["query"] = JsonSerializer.SerializeToElement("checkout");
        return args;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Connect_call_refresh_rotate_and_disconnect(string source, string provider, string tool, bool revocable)
    {
        var user = await fx.App.SignUpAndLogInAsync();
        Assert.Equal($"/settings?oauth=connected&source={source}", await OAuthFixture.ConnectAsync(user, source));
        var listed = await OAuthFixture.DatasourceAsync(user, source);
        Assert.Equal("oauth", listed.GetProperty("auth").GetString());
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("identity").GetString()), listed.ToString());

        var first = await CallAsync(user, source, tool);
        Assert.False(first.IsError, first.Text);

        // The provider expires every access token: the tool's 401 makes the host refresh once and call again.
        await fx.ControlAsync(provider, "expire-access");
        var afterExpiry = await CallAsync(user, source, tool);
        Assert.False(afterExpiry.IsError, afterExpiry.Text);
        // Once more: a provider that rotates refresh tokens accepts only the one the first refresh saved.
        await fx.ControlAsync(provider, "expire-access");
        var afterRotation = await CallAsync(user, source, tool);
        Assert.False(afterRotation.IsError, afterRotation.Text);
        var stats = await fx.StatsAsync(provider);
        Assert.True(stats.GetProperty("refreshes").GetInt32() >= 2, stats.ToString());

        Assert.Equal(HttpStatusCode.OK, (await user.Http.DeleteAsync($"/api/credentials/{source}")).StatusCode);
        Assert.Equal(revocable, (await fx.StatsAsync(provider)).GetProperty("revocations").GetInt32() > 0);
        Assert.False((await OAuthFixture.DatasourceAsync(user, source)).GetProperty("configured").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_revoked_authorization_asks_for_a_reconnect(string source, string provider, string tool, bool _)
    {
        var user = await fx.App.SignUpAndLogInAsync();
        await OAuthFixture.ConnectAsync(user, source);
        await fx.ControlAsync(provider, "revoke-refresh");
        await fx.ControlAsync(provider, "expire-access");

        var call = await CallAsync(user, source, tool);
        Assert.True(call.IsError);
        Assert.EndsWith("refused the saved authorization: reconnect " + call.Text.Split(' ')[0] + ".", call.Text);
        Assert.Equal(call.Text, (await OAuthFixture.DatasourceAsync(user, source)).GetProperty("reconnect").GetString());
    }
}
