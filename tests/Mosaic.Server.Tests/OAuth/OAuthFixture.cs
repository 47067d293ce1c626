using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Server.Connectors;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Admin;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>
/// The real server (Offline) with the five providers pointed at a real Sandbox's authorization servers
/// (<c>{PROVIDER}_OAUTH_BASE_URL</c>) and their Sandbox apps from the environment, and the connectors' API locations fixed
/// by an admin (Slack's and GitHub's API URL, Google's API base, the Shopify shop) as the demo does. One per test class.
/// </summary>
public sealed partial class OAuthFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; } = new();
    public MosaicAppFactory App { get; } = new();

    /// <summary>What each source's connector must reach: the fields the admin fixes for everyone.</summary>
    static readonly Dictionary<string, (string Field, string Variable)> Locations = new()
    {
        ["slack"] = ("api_url", "SLACK_API_URL"),
        ["github"] = ("api_url", "GITHUB_API_URL"),
        ["google_workspace"] = ("api_base_url", "GOOGLE_API_BASE_URL"),
        ["shopify"] = ("shop_url", "SHOPIFY_SHOP_URL"),
    };

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        Configure(App, Sandbox);
        await App.InitializeAsync();
        await FixLocationsAsync(await AdminAsync(), Sandbox);
    }

    /// <summary>A server's settings for the Sandbox: its host allowed, the providers and their apps, Offline.</summary>
    public static void Configure(MosaicAppFactory app, SandboxFixture sandbox)
    {
        var s = app.Settings;
        s["MOSAIC_EGRESS_ALLOW"] = sandbox.EnvFor("slack")["MOSAIC_EGRESS_ALLOW"];
        s["MOSAIC_LLM_PROVIDER"] = "offline";
        foreach (var (provider, id, secret, path) in Apps)
        {
            s[$"{provider}_OAUTH_CLIENT_ID"] = id;
            s[$"{provider}_OAUTH_CLIENT_SECRET"] = secret;
            if (path is not null)
                s[$"{provider}_OAUTH_BASE_URL"] = sandbox.BaseUrl + path;
        }
    }

    /// <summary>The admin fixes where each connector connects: the Sandbox's APIs.</summary>
    public static async Task FixLocationsAsync(TestUser admin, SandboxFixture sandbox)
    {
        foreach (var (source, (field, variable)) in Locations)
        {
            var fixedSettings = new Dictionary<string, string> { [field] = sandbox.EnvFor(source)[variable] };
            var patched = await admin.Http.PatchAsJsonAsync($"/api/admin/sources/{source}", new { fixed_settings = fixedSettings });
            Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Each provider's Sandbox app and where its authorization server is (Shopify's is the shop itself).</summary>
    public static readonly (string Provider, string ClientId, string Secret, string? Path)[] Apps =
    [
        ("GOOGLE", SandboxTokens.GoogleClientId, SandboxTokens.GoogleClientSecret, "/google"),
        ("GITHUB", SandboxTokens.GitHubClientId, SandboxTokens.GitHubClientSecret, "/github-oauth"),
        ("SLACK", SandboxTokens.SlackClientId, SandboxTokens.SlackClientSecret, "/slack"),
        ("ATLASSIAN", SandboxTokens.AtlassianClientId, SandboxTokens.AtlassianClientSecret, "/atlassian"),
        ("SHOPIFY", SandboxTokens.ShopifyClientId, SandboxTokens.ShopifyClientSecret, null),
    ];

    public Task<TestUser> AdminAsync() => AdminAsync(App);

    public static Task<TestUser> AdminAsync(MosaicAppFactory app) => app.SignInAdminAsync();

    /// <summary>GET /api/oauth/{source}/start as the user's browser: the provider's page it is sent to.</summary>
    public static async Task<Uri> StartAsync(TestUser user, string source, string returnTo = "/settings")
    {
        using var start = await user.Http.GetAsync($"/api/oauth/{source}/start?return_to={Uri.EscapeDataString(returnTo)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return start.Headers.Location!;
    }

    /// <summary>The consent page's form sent with <paramref name="decision"/>; the callback URL the provider redirects to.</summary>
    public static async Task<string> ConsentAsync(
        Uri authorize,
        string decision = "approve",
        Action<Dictionary<string, string>>? tamper = null
    )
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(authorize);
        Assert.Contains("authorize Mosaic", page);
        var form = HiddenInput()
            .Matches(page)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        tamper?.Invoke(form);
        form["decision"] = decision;
        using var posted = await browser.PostAsync(authorize.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form));
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        return posted.Headers.Location!.AbsoluteUri;
    }

    /// <summary>The provider's redirect followed in the user's browser: where Mosaic sends it (a local path).</summary>
    public static async Task<string> CallbackAsync(TestUser user, string callbackUrl)
    {
        var local = new Uri(callbackUrl).PathAndQuery;
        using var callback = await user.Http.GetAsync(local);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"{callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        return callback.Headers.Location!.OriginalString;
    }

    /// <summary>Start, Approve, callback: the UI path Mosaic returns to.</summary>
    public static async Task<string> ConnectAsync(TestUser user, string source) =>
        await CallbackAsync(user, await ConsentAsync(await StartAsync(user, source)));

    /// <summary>The stored access token has a minute left (as if the hour had passed): the next use refreshes it.</summary>
    public Task ExpireSoonAsync(TestUser user, string source) => ExpireSoonAsync(App, user, source);

    public static async Task ExpireSoonAsync(MosaicAppFactory app, TestUser user, string source)
    {
        using var scope = app.Services.CreateScope();
        var soon = DateTime.UtcNow.AddMinutes(1);
        var updated = await scope
            .ServiceProvider.GetRequiredService<MosaicDbContext>()
            .Credentials.Where(c => c.UserId == user.Id && c.Datasource == source)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ExpiresAt, soon));
        Assert.Equal(1, updated);
        // An hour passing would bring the kept setup to its renewal time (SetupCache); moving the row does not.
        app.Services.GetRequiredService<SetupCache>().Forget(user.Id, source);
    }

    public Task<JsonElement> StatsAsync(string provider) => StatsAsync(Sandbox, provider);

    public static async Task<JsonElement> StatsAsync(SandboxFixture sandbox, string provider) =>
        JsonDocument.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/oauth/{provider}/stats")).RootElement.Clone();

    public async Task ControlAsync(string provider, string control, object? body = null)
    {
        using var response = body is null
            ? await Sandbox.Http.PostAsync($"/_sandbox/oauth/{provider}/{control}", null)
            : await Sandbox.Http.PostAsJsonAsync($"/_sandbox/oauth/{provider}/{control}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> DatasourceAsync(TestUser user, string id)
    {
        var list = JsonDocument.Parse(await user.Http.GetStringAsync("/api/datasources")).RootElement;
        return list.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).Clone();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
