using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Shopify;

/// <summary>Bad credentials, missing scopes, a wrong shop address, unknown records and bad arguments become actionable tool
/// errors.</summary>
public sealed class ShopifyErrorTests(ShopifyFixture shop) : IClassFixture<ShopifyFixture>
{
    [Fact]
    public async Task A_wrong_access_token_is_a_401_tool_error_without_the_token()
    {
        await using var bad = await ConnectorProcess.StartAsync(
            "Shopify",
            shop.Sandbox.EnvFor("shopify", ("SHOPIFY_ACCESS_TOKEN", "shpat_revoked_123"))
        );
        var error = (await bad.CallAsync("list_orders")).Error();
        Assert.Contains("Shopify says: [API] Invalid API key or access token", error);
        Assert.Contains("(HTTP 401)", error);
        Assert.Contains("credentials", error);
        Assert.DoesNotContain("shpat_revoked_123", error);
    }

    [Fact]
    public async Task A_token_without_read_orders_is_a_403_naming_the_scope()
    {
        await using var limited = await ConnectorProcess.StartAsync(
            "Shopify",
            shop.Sandbox.EnvFor("shopify", ("SHOPIFY_ACCESS_TOKEN", "shpat_sandbox_acme_products_only"))
        );
        var error = (await limited.CallAsync("get_order", new { order = "#1042" })).Error();
        Assert.Contains("read_orders", error);
        Assert.Contains("HTTP 403", error);
        Assert.Contains("scope", error);
        // The same token can still read products.
        Assert.NotEmpty((await limited.CallAsync("list_products")).Ok().Items("products"));
    }

    [Fact]
    public async Task A_wrong_shop_address_is_a_404_pointing_at_the_setting()
    {
        var env = shop.Sandbox.EnvFor("shopify", ("SHOPIFY_SHOP_URL", shop.Sandbox.BaseUrl + "/no-such-shop"));
        await using var lost = await ConnectorProcess.StartAsync("Shopify", env);
        var error = (await lost.CallAsync("list_products")).Error();
        Assert.Contains("HTTP 404", error);
        Assert.Contains("SHOPIFY_SHOP_URL", error);
    }

    [Fact]
    public async Task An_unknown_order_says_so()
    {
        var byName = (await shop.CallAsync("get_order", new { order = "#9999" })).Error();
        Assert.Contains("no order #9999", byName);
        var byId = (await shop.CallAsync("get_order", new { order = "gid://shopify/Order/1" })).Error();
        Assert.Contains("gid://shopify/Order/1", byId);
        var sku = (await shop.CallAsync("get_inventory", new { sku = "NOPE-1" })).Error();
        Assert.Contains("SKU NOPE-1", sku);
    }

    [Theory]
    [InlineData("list_orders", "status", "shipped", "status must be one of")]
    [InlineData("list_orders", "created_after", "last tuesday", "created_after must be a date")]
    [InlineData("list_orders", "limit", -1, "limit must be between")]
    [InlineData("list_orders", "cursor", "not-a-cursor", "cursor is not valid")]
    [InlineData("get_order", "order", "order one", "order must be an order number")]
    public async Task Bad_arguments_are_explained(string tool, string name, object value, string expected)
    {
        var args = new Dictionary<string, object?> { [name] = value };
        if (tool == "get_order" && name != "order")
            args["order"] = "#1001";
        Assert.Contains(expected, (await shop.CallAsync(tool, args)).Error());
    }

    [Fact]
    public async Task Get_inventory_needs_exactly_one_way_to_find_stock()
    {
        Assert.Contains("exactly one", (await shop.CallAsync("get_inventory")).Error());
        Assert.Contains("exactly one", (await shop.CallAsync("get_inventory", new { sku = "ABP-BLK", product = "88000001" })).Error());
    }

    [Fact]
    public async Task A_cursor_from_another_filter_is_refused()
    {
        var first = (await shop.CallAsync("list_orders", new { limit = 5 })).Ok();
        var cursor = first.Str("next_cursor");
        Assert.NotEmpty(cursor);
        var error = (await shop.CallAsync("list_orders", new { status = "open", cursor })).Error();
        Assert.Contains("different listing", error);
    }

    [Fact]
    public async Task Missing_credentials_stop_start_up_naming_both_variables()
    {
        var env = shop.Sandbox.EnvFor("shopify").Where(kv => kv.Key is not ("SHOPIFY_ACCESS_TOKEN" or "SHOPIFY_SHOP_URL")).ToDictionary();
        var (exit, stderr) = await ConnectorProcess.RunToExitAsync("Shopify", env);
        Assert.Equal(2, exit);
        Assert.Contains("SHOPIFY_SHOP_URL", stderr);
        Assert.Contains("SHOPIFY_ACCESS_TOKEN", stderr);
    }

    [Fact]
    public async Task Read_only_keeps_every_tool_and_tools_narrows_them()
    {
        await using var readOnly = await ConnectorProcess.StartAsync("Shopify", shop.Sandbox.EnvFor("shopify", ("READ_ONLY", "true")));
        Assert.Equal(6, (await readOnly.ToolNamesAsync()).Count);
        await using var narrowed = await ConnectorProcess.StartAsync("Shopify", shop.Sandbox.EnvFor("shopify", ("TOOLS", "get_order")));
        Assert.Equal(["get_order"], await narrowed.ToolNamesAsync());
    }
}
