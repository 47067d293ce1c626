using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Shopify;

/// <summary>Shopify's whoami: the Sandbox's tokens open the Acme Brew store.</summary>
public sealed class ShopifyWhoamiTests(ShopifyFixture shop) : IClassFixture<ShopifyFixture>
{
    [Fact]
    public async Task The_token_opens_Acme_Brew()
    {
        var me = (await shop.Connector.CallAsync("whoami")).Ok();

        Assert.Equal("Acme Brew (acme-brew.myshopify.com)", me.Str("identity"));
        Assert.Equal("acme-brew.myshopify.com", me.Str("account"));
        Assert.Equal("shop.acme.test", me.Str("primary_domain"));
        Assert.Equal("USD", me.Str("currency"));
    }

    [Fact]
    public async Task A_token_with_fewer_scopes_still_names_the_shop()
    {
        var env = shop.Sandbox.EnvFor("shopify", ("SHOPIFY_ACCESS_TOKEN", "shpat_sandbox_acme_products_only"));
        await using var narrow = await ConnectorProcess.StartAsync("Shopify", env);

        Assert.Equal("acme-brew.myshopify.com", (await narrow.CallAsync("whoami")).Ok().Str("account"));
    }

    [Fact]
    public async Task A_wrong_token_is_Shopify_s_own_reason_in_one_sentence()
    {
        var env = shop.Sandbox.EnvFor("shopify", ("SHOPIFY_ACCESS_TOKEN", "shpat_wrong"));
        await using var bad = await ConnectorProcess.StartAsync("Shopify", env);
        var error = (await bad.CallAsync("whoami")).Error();

        Assert.Equal("Shopify says: [API] Invalid API key or access token (unrecognized login or wrong password) (HTTP 401)", error);
    }
}
