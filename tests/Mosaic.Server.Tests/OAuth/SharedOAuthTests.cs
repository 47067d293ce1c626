using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>An admin connects a shared source with one click: the workspace's row, used by every member, revoked when
/// the admin removes it. Members get nothing to connect.</summary>
public sealed class SharedOAuthTests(OAuthFixture fx) : IClassFixture<OAuthFixture>
{
    [Fact]
    public async Task The_admin_connects_slack_for_everyone_and_removing_it_revokes()
    {
        await fx.Sandbox.ResetAsync();
        var admin = await fx.AdminAsync();
        var member = await fx.App.SignUpAndLogInAsync();
        var patched = await admin.Http.PatchAsJsonAsync("/api/admin/sources/slack", new { connection = "shared" });
        Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());

        var refused = await member.Http.GetAsync("/api/oauth/slack/start?return_to=/");
        Assert.Equal("/?oauth=error&source=slack&reason=unavailable", refused.Headers.Location!.OriginalString);
        Assert.Equal(JsonValueKind.Null, (await OAuthFixture.DatasourceAsync(member, "slack")).GetProperty("oauth").ValueKind);

        Assert.Equal("/settings?oauth=connected&source=slack", await OAuthFixture.ConnectAsync(admin, "slack"));
        var listed = await OAuthFixture.DatasourceAsync(member, "slack");
        Assert.True(listed.GetProperty("configured").GetBoolean());
        Assert.Equal("oauth", listed.GetProperty("auth").GetString());
        var hub = fx.App.Services.GetRequiredService<IMcpHub>();
        var call = await hub.CallToolAsync(
            member.Id,
            "slack",
            "list_channels",
            new Dictionary<string, JsonElement>(),
            CancellationToken.None
        );
        Assert.False(call.IsError, call.Text);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.DeleteAsync("/api/admin/sources/slack/credentials")).StatusCode);
        Assert.True((await fx.StatsAsync("slack")).GetProperty("revocations").GetInt32() > 0);
        Assert.False((await OAuthFixture.DatasourceAsync(member, "slack")).GetProperty("configured").GetBoolean());
    }
}
