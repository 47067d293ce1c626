using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>/api/admin/oauth: apps from the environment, overridden by the admin's (secret encrypted, never returned,
/// audited); and the flow's own refusals (no app, a bad shop, a forged Shopify callback).</summary>
public sealed class OAuthAppTests(OAuthFixture fx) : IClassFixture<OAuthFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_admin_sees_every_provider_with_its_redirect_url_and_overrides_the_environment()
    {
        var admin = await fx.AdminAsync();
        var apps = JsonDocument.Parse(await admin.Http.GetStringAsync("/api/admin/oauth")).RootElement;
        Assert.Equal(
            ["slack", "github", "google", "atlassian", "shopify"],
            apps.EnumerateArray().Select(a => a.GetProperty("provider").GetString())
        );
        var google = apps.EnumerateArray().Single(a => a.GetProperty("provider").GetString() == "google");
        Assert.Equal(SandboxTokens.GoogleClientId, google.GetProperty("client_id").GetString());
        Assert.True(google.GetProperty("from_environment").GetBoolean());
        Assert.Equal("http://localhost/api/oauth/google_workspace/callback", google.GetProperty("redirect_urls")[0].GetString());
        Assert.Contains(
            "https://www.googleapis.com/auth/gmail.readonly",
            google.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())
        );

        // A new app needs its secret; then the saved one wins over the environment, and its secret is never returned.
        var noSecret = await admin.Http.PutAsJsonAsync("/api/admin/oauth/github", new { client_id = "Iv1.other" });
        Assert.Equal(HttpStatusCode.BadRequest, noSecret.StatusCode);
        var saved = await admin.Http.PutAsJsonAsync(
            "/api/admin/oauth/github",
            new { client_id = "Iv1.other", client_secret = "other-secret-123" }
        );
        var body = await saved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("other-secret-123", body);
        var entry = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Iv1.other", entry.GetProperty("client_id").GetString());
        Assert.False(entry.GetProperty("from_environment").GetBoolean());
        Assert.True(entry.GetProperty("secret_set").GetBoolean());

        // The flow now uses the admin's app: the Sandbox does not know it.
        var user = await fx.App.SignUpAndLogInAsync();
        Assert.Contains("client_id=Iv1.other", (await OAuthFixture.StartAsync(user, "github")).Query);

        var audit = await admin.Http.GetStringAsync("/api/admin/audit?limit=50");
        Assert.Contains("oauth_app:github", audit);
        Assert.DoesNotContain("other-secret-123", audit);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync("/api/admin/oauth/github")).StatusCode);
        Assert.Contains(
            $"client_id={Uri.EscapeDataString(SandboxTokens.GitHubClientId)}",
            (await OAuthFixture.StartAsync(user, "github")).Query
        );
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.DeleteAsync("/api/admin/oauth/github")).StatusCode);
        var unknown = await admin.Http.PutAsJsonAsync("/api/admin/oauth/nope", new { client_id = "x", client_secret = "y" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Members_may_not_manage_apps()
    {
        var member = await fx.App.SignUpAndLogInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync("/api/admin/oauth")).StatusCode);
        var put = await member.Http.PutAsJsonAsync("/api/admin/oauth/slack", new { client_id = "x", client_secret = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task Start_refuses_an_unknown_source_and_a_foreign_return_path()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var unknown = await user.Http.GetAsync("/api/oauth/nope/start?return_to=/settings");
        Assert.Equal("/settings?oauth=error&source=nope&reason=unavailable", unknown.Headers.Location!.OriginalString);
        var mysql = await user.Http.GetAsync("/api/oauth/mysql/start?return_to=//evil.example/x");
        Assert.Equal("/?oauth=error&source=mysql&reason=unavailable", mysql.Headers.Location!.OriginalString);
        var signedOut = await fx.App.CreateBrowser().Http.GetAsync("/api/oauth/google_workspace/start");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    [Fact]
    public async Task A_forged_shopify_callback_fails_its_hmac_check_and_stores_nothing()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var callback = await OAuthFixture.ConsentAsync(await OAuthFixture.StartAsync(user, "shopify"));
        Assert.Contains("hmac=", callback);
        var forged = callback.Replace("shop=acme-brew.myshopify.com", "shop=evil.myshopify.com");
        Assert.NotEqual(callback, forged);
        Assert.Equal("/settings?oauth=error&source=shopify&reason=verification", await OAuthFixture.CallbackAsync(user, forged));
        Assert.False((await OAuthFixture.DatasourceAsync(user, "shopify")).GetProperty("configured").GetBoolean());
    }
}
