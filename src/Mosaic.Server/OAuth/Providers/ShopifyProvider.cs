using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Duende.IdentityModel.Client;
using Mosaic.Server.Sources.Shopify;

namespace Mosaic.Server.OAuth.Providers;

/// <summary>
/// Shopify (docs/oauth.md#shopify): the shop's own <c>admin/oauth/authorize</c> and <c>admin/oauth/access_token</c>, no
/// PKCE, comma-separated scopes. The callback (<c>code, hmac, host, shop, state, timestamp</c>) is signed: <c>hmac</c> is the
/// hex HMAC-SHA256, keyed with the client secret, of the other parameters sorted and joined as <c>k=v&amp;k=v</c>; it is
/// checked before anything else (written by hand, no library does it). <c>expiring=1</c> asks for an expiring offline
/// token with a refresh token. Revocation: <c>DELETE admin/api_permissions/current.json</c> with the token (by hand).
/// </summary>
public sealed partial class ShopifyProvider : OAuthProvider
{
    // The provider and the source it connects share one id (oauth_apps rows and /api/admin/oauth/{provider} use it).
    public override string Id => ShopifySource.Id;
    public override string Name => "Shopify";
    public override string SourceId => ShopifySource.Id;
    public override string AccessTokenField => "access_token";
    public override string WhatYouSee => "your orders and stock";
    public override bool UsesPkce => false;
    public override bool NeedsShop => true;

    /// <summary>Orders, products, inventory levels and their locations: what the connector's read tools query.</summary>
    public override IReadOnlyList<string> Scopes { get; } = ["read_orders", "read_products", "read_inventory", "read_locations"];

    public override string ScopeValue => string.Join(',', Scopes);

    public override Parameters TokenExtras() => new() { { "expiring", "1" } };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$")]
    private static partial Regex ShopDomain();

    public static bool IsShopDomain(string name) => name.Length <= 255 && ShopDomain().IsMatch(name);

    public override ProviderUrls Urls(OAuthPlace place)
    {
        // The real shop has no path; the operator's base (the Sandbox) stands for the whole shop.
        var shop = place.BaseUrl?.AbsoluteUri.TrimEnd('/')
            ?? place.ShopUrl?.TrimEnd('/')
            ?? throw new InvalidOperationException("No shop.");
        return new(
            new Uri($"{shop}/admin/oauth/authorize"),
            new Uri($"{shop}/admin/oauth/access_token"),
            new Uri($"{shop}/admin/api_permissions/current.json")
        );
    }

    public override string? VerifyCallback(IReadOnlyDictionary<string, string> query, OAuthClientApp app)
    {
        if (query.GetValueOrDefault("hmac") is not { Length: 64 } given)
            return "the callback has no hmac";
        var message = string.Join(
            '&',
            query
                .Where(p => p.Key is not ("hmac" or "signature"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}")
        );
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.ClientSecret), Encoding.UTF8.GetBytes(message));
        byte[] actual;
        try
        {
            actual = Convert.FromHexString(given);
        }
        catch (FormatException)
        {
            return "the hmac is not hexadecimal";
        }
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? null : "the hmac does not match";
    }

    public override async Task<bool> RevokeAsync(OAuthTokenRequests tokens, OAuthRefreshContext context, CancellationToken ct)
    {
        using var http = tokens.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, context.Urls.Revoke);
        request.Headers.Add("X-Shopify-Access-Token", context.Fields[AccessTokenField]);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Unauthorized)
            throw new OAuthRequestException($"Shopify's revocation answered HTTP {(int)response.StatusCode}");
        return true;
    }
}
