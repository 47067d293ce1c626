namespace Mosaic.Server.Tests.OAuth;

/// <summary>
/// The ways a flow can go wrong, for every built-in provider against its Sandbox authorization server: the person
/// denies consent, a callback is replayed, another person's callback is used, the code was issued for another redirect
/// URI. Each ends back in the UI with a reason, and nothing is stored.
/// </summary>
public sealed class ProviderFlowErrorTests(OAuthFixture fx) : IClassFixture<OAuthFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Sources => new() { "slack", "github", "google_workspace", "jira", "shopify" };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Denied_consent_comes_back_as_denied_and_stores_nothing(string source)
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var callback = await OAuthFixture.ConsentAsync(await OAuthFixture.StartAsync(user, source), "deny");
        Assert.Contains("error=access_denied", callback);

        var back = await OAuthFixture.CallbackAsync(user, callback);
        Assert.StartsWith($"/settings?oauth=error&source={source}&reason=denied", back);
        await AssertNothingStoredAsync(user, source);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_replayed_callback_is_refused(string source)
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var callback = await OAuthFixture.ConsentAsync(await OAuthFixture.StartAsync(user, source));
        Assert.StartsWith("/settings?oauth=connected", await OAuthFixture.CallbackAsync(user, callback));
        var exchanges = await CodeExchangesAsync(source);

        Assert.Equal($"/?oauth=error&source={source}&reason=state", await OAuthFixture.CallbackAsync(user, callback));
        // Refused before the provider was asked: the code was not offered a second time.
        Assert.Equal(exchanges, await CodeExchangesAsync(source));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Another_persons_callback_is_refused_and_stores_nothing(string source)
    {
        var alice = await fx.App.SignUpAndLogInAsync();
        var mallory = await fx.App.SignUpAndLogInAsync();
        var callback = await OAuthFixture.ConsentAsync(await OAuthFixture.StartAsync(alice, source));

        Assert.Equal($"/?oauth=error&source={source}&reason=state", await OAuthFixture.CallbackAsync(mallory, callback));
        await AssertNothingStoredAsync(mallory, source);
        await AssertNothingStoredAsync(alice, source);
    }

    /// <summary>Shopify's token request carries no redirect_uri (only the app's allowed URLs are checked, at the authorize
    /// step: the Sandbox's ShopifyOAuthServerTests), so there is no code bound to another one to refuse.</summary>
    public static TheoryData<string> SourcesBindingCodesToRedirects => new() { "slack", "github", "google_workspace", "jira" };

    [Theory]
    [MemberData(nameof(SourcesBindingCodesToRedirects))]
    public async Task A_code_issued_for_another_redirect_uri_is_refused_by_the_provider(string source)
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var authorize = await OAuthFixture.StartAsync(user, source);
        // The code is bound to 127.0.0.1's callback; Mosaic exchanges it with its own (localhost).
        var callback = await OAuthFixture.ConsentAsync(authorize, tamper: f =>
            f["redirect_uri"] = f["redirect_uri"].Replace("localhost", "127.0.0.1")
        );

        var back = await OAuthFixture.CallbackAsync(user, callback);
        Assert.StartsWith($"/settings?oauth=error&source={source}&reason=provider&code=", back);
        await AssertNothingStoredAsync(user, source);
    }

    async Task<int> CodeExchangesAsync(string source) => (await fx.StatsAsync(Provider(source))).GetProperty("codeExchanges").GetInt32();

    static string Provider(string source) =>
        source switch
        {
            "google_workspace" => "google",
            "jira" => "atlassian",
            _ => source,
        };

    static async Task AssertNothingStoredAsync(TestUser user, string source)
    {
        var listed = await OAuthFixture.DatasourceAsync(user, source);
        Assert.False(listed.GetProperty("configured").GetBoolean(), listed.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("auth").ValueKind);
    }
}
