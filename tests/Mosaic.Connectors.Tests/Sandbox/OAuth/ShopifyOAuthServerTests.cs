using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Sandbox.OAuth.OAuthFlow;

namespace Mosaic.Connectors.Tests.Sandbox.OAuth;

/// <summary>The Sandbox shop as Shopify's OAuth server: the signed callback, expiring offline tokens, uninstall.</summary>
public sealed class ShopifyOAuthServerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime, IDisposable
{
    private const string ClientId = "sandbox-shopify-client-id";
    private const string Secret = "sandbox-shopify-client-secret";
    private const string Graphql = "/shopify/admin/api/2025-07/graphql.json";
    private readonly OAuthFlow _flow = new(sandbox, "shopify", "shopify");

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _flow.Dispose();

    private string Authorize(string? redirect = null) =>
        "/shopify/admin/oauth/authorize?"
        + Query(
            ("client_id", ClientId),
            ("scope", "read_orders,read_products"),
            ("redirect_uri", redirect ?? _flow.RedirectUri),
            ("state", "sh-state")
        );

    private Task<(HttpStatusCode Status, JsonObject Body)> Token(params (string Key, string Value)[] args) =>
        _flow.PostFormAsync("/shopify/admin/oauth/access_token", [("client_id", ClientId), ("client_secret", Secret), .. args]);

    private async Task<(HttpStatusCode Status, string Body)> ShopQueryAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Graphql)
        {
            Content = JsonContent.Create(new { query = "{ shop { name } }" }),
        };
        request.Headers.Add("X-Shopify-Access-Token", token);
        using var response = await _flow.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_callback_expiring_token_refresh_rotation_and_uninstall()
    {
        var callback = await _flow.ConsentAsync(Authorize());
        Assert.Equal("sh-state", callback["state"]);
        Assert.Equal("acme-brew.myshopify.com", callback["shop"]);
        Assert.True(long.TryParse(callback["timestamp"], out _));
        var message = string.Join(
            '&',
            callback.Where(kv => kv.Key != "hmac").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")
        );
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(message)));
        Assert.Equal(expected, callback["hmac"]);

        var (status, tokens) = await Token(("code", callback["code"]), ("expiring", "1"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("read_orders,read_products", (string)tokens["scope"]!);
        Assert.Equal(3600, (int)tokens["expires_in"]!);
        var access = (string)tokens["access_token"]!;
        var refresh = (string)tokens["refresh_token"]!;
        var shop = await ShopQueryAsync(access);
        Assert.Equal(HttpStatusCode.OK, shop.Status);
        Assert.Contains("Acme", shop.Body);

        await _flow.ControlAsync("expire-access");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ShopQueryAsync(access)).Status);
        var (_, refreshed) = await Token(("grant_type", "refresh_token"), ("refresh_token", refresh));
        var newAccess = (string)refreshed["access_token"]!;
        Assert.Equal(HttpStatusCode.OK, (await ShopQueryAsync(newAccess)).Status);
        var (reusedStatus, reused) = await Token(("grant_type", "refresh_token"), ("refresh_token", refresh));
        Assert.Equal(HttpStatusCode.BadRequest, reusedStatus);
        Assert.Equal("invalid_grant", (string)reused["error"]!);

        using var uninstall = new HttpRequestMessage(HttpMethod.Delete, "/shopify/admin/api_permissions/current.json");
        uninstall.Headers.Add("X-Shopify-Access-Token", newAccess);
        Assert.Equal(HttpStatusCode.OK, (await _flow.Http.SendAsync(uninstall)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ShopQueryAsync(newAccess)).Status);
        Assert.Equal(
            "invalid_grant",
            (string)(await Token(("grant_type", "refresh_token"), ("refresh_token", (string)refreshed["refresh_token"]!))).Body["error"]!
        );
    }

    [Fact]
    public async Task Non_expiring_token_deny_code_reuse_and_foreign_redirect()
    {
        var code = (await _flow.ConsentAsync(Authorize()))["code"];
        var (_, tokens) = await Token(("code", code));
        Assert.Null(tokens["expires_in"]);
        Assert.Null(tokens["refresh_token"]);
        Assert.Equal(HttpStatusCode.OK, (await ShopQueryAsync((string)tokens["access_token"]!)).Status);
        var (againStatus, again) = await Token(("code", code));
        Assert.Equal(HttpStatusCode.BadRequest, againStatus);
        Assert.Equal("invalid_request", (string)again["error"]!);

        Assert.Equal("access_denied", (await _flow.ConsentAsync(Authorize(), "Deny"))["error"]);
        using var foreign = await _flow.Http.GetAsync(Authorize("http://127.0.0.1:5999/api/oauth/slack/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("redirect_uri is not whitelisted", await foreign.Content.ReadAsStringAsync());
        var stats = await _flow.StatsAsync();
        Assert.Equal(1, (int)stats["denials"]!);
        Assert.Equal(1, (int)stats["codeExchanges"]!);
    }
}
