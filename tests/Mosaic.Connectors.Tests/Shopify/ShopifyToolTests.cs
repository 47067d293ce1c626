namespace Mosaic.Connectors.Tests.Shopify;

/// <summary>The four Shopify tools against the Sandbox's Acme Brew store, through a real connector process.</summary>
public sealed class ShopifyToolTests(ShopifyFixture shop) : IClassFixture<ShopifyFixture>
{
    [Fact]
    public async Task Lists_exactly_the_six_read_only_tools()
    {
        var tools = await shop.Connector.Client.ListToolsAsync();
        Assert.Equal(
            ["get_inventory", "get_order", "list_orders", "list_products", "whats_new", "whoami"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal)
        );
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint, $"{t.Name} must be read-only"));
    }

    [Fact]
    public async Task Orders_page_newest_first_past_the_first_page_without_repeats()
    {
        var (orders, calls) = await shop.AllPagesAsync("list_orders", "orders", new() { ["limit"] = 15 });
        Assert.Equal(3, calls);
        var names = orders.Select(o => o.Str("name")).ToList();
        Assert.Equal(44, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("#1044", names[0]);
        Assert.Equal("#1001", names[^1]);
        var created = orders.Select(o => o.GetProperty("created_at").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created);
    }

    [Fact]
    public async Task Order_filters_become_shopify_search_syntax()
    {
        var refunded = (await shop.CallAsync("list_orders", new { financial_status = "partially_refunded" })).Ok();
        Assert.Equal(["#1042", "#1038"], refunded.Items("orders").Select(o => o.Str("name")));
        Assert.Equal("financial_status:partially_refunded", refunded.Str("search"));

        var recent = (await shop.CallAsync("list_orders", new { created_after = DateTime.UtcNow.AddDays(-3).ToString("o"), limit = 50 }))
            .Ok()
            .Items("orders");
        Assert.InRange(recent.Count, 4, 6);
        Assert.All(recent, o => Assert.True(o.GetProperty("created_at").GetDateTimeOffset() >= DateTimeOffset.UtcNow.AddDays(-3.01)));

        var cancelled = (await shop.CallAsync("list_orders", new { status = "cancelled" })).Ok().Items("orders");
        Assert.Equal("#1017", Assert.Single(cancelled).Str("name"));

        var mayas = (await shop.CallAsync("list_orders", new { query = "email:maya.patel@example.com" })).Ok().Items("orders");
        var order = Assert.Single(mayas);
        Assert.Equal("Maya Patel", order.Str("customer"));
        Assert.Equal("1× Acme Brew Pro Grinder (ABP-BLK)", order.Str("items"));
        Assert.EndsWith("/shopify/admin/orders/5600001042", order.Str("url"));
    }

    [Theory]
    [InlineData("#1042")]
    [InlineData("1042")]
    [InlineData("5600001042")]
    [InlineData("gid://shopify/Order/5600001042")]
    public async Task Get_order_finds_the_double_charged_order_by_number_id_or_gid(string reference)
    {
        var order = (await shop.CallAsync("get_order", new { order = reference })).Ok();
        Assert.Equal("#1042", order.Str("name"));
        Assert.Equal("PARTIALLY_REFUNDED", order.Str("financial_status"));
        Assert.Contains("ACME-142", order.Str("note"));
        Assert.Equal(["BREW10"], order.GetProperty("discount_codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("224.10", order.Str("total"));
        Assert.Equal("224.10", order.Str("refunded"));
        Assert.Equal(["SALE", "SALE", "REFUND"], order.Items("transactions").Select(t => t.Str("kind")));
        Assert.Equal("Duplicate charge (checkout bug)", Assert.Single(order.Items("refunds")).Str("note"));
        var line = Assert.Single(order.Items("line_items"));
        Assert.Equal(("ABP-BLK", "Matte Black", 1), (line.Str("sku"), line.Str("variant"), line.Int("quantity")));
    }

    [Fact]
    public async Task Products_list_with_variants_and_page_by_cursor()
    {
        var launch = (await shop.CallAsync("list_products", new { query = "tag:launch" })).Ok().Items("products");
        var pro = Assert.Single(launch);
        Assert.Equal("Acme Brew Pro Grinder", pro.Str("title"));
        Assert.Equal("249.00–269.00 USD", pro.Str("price_range"));
        Assert.Equal(["ABP-BLK", "ABP-STL"], pro.Items("variants").Select(v => v.Str("sku")));

        var (all, calls) = await shop.AllPagesAsync("list_products", "products", new() { ["limit"] = 5 });
        Assert.Equal(3, calls);
        Assert.Equal(12, all.Select(p => p.Str("id")).Distinct().Count());
        var titles = all.Select(p => p.Str("title")).ToList();
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles);

        var drafts = (await shop.CallAsync("list_products", new { status = "draft" })).Ok().Items("products");
        Assert.Equal("Cold Brew Kit", Assert.Single(drafts).Str("title"));
    }

    [Fact]
    public async Task Inventory_by_sku_shows_each_location_and_flags_low_stock()
    {
        var result = await shop.CallAsync("get_inventory", new { sku = "ABP-STL" });
        var variant = Assert.Single(result.Ok().Items("variants"));
        Assert.Equal(7, variant.Int("available"));
        Assert.True(variant.GetProperty("low").GetBoolean() is false);
        var locations = variant.Items("locations").ToDictionary(l => l.Str("location"), l => l.Int("available"));
        Assert.Equal(new Dictionary<string, int> { ["Portland Warehouse"] = 7, ["Seattle Flagship Store"] = 0 }, locations);
        Assert.Equal(60, variant.Items("locations").Single(l => l.Str("location") == "Portland Warehouse").Int("incoming"));

        var low = (await shop.CallAsync("get_inventory", new { sku = "ABP-STL", low_stock_threshold = 10 })).Ok();
        Assert.True(Assert.Single(low.Items("variants")).GetProperty("low").GetBoolean());
    }

    [Fact]
    public async Task Inventory_by_product_title_id_or_variant_covers_every_variant()
    {
        var byTitle = (await shop.CallAsync("get_inventory", new { product = "Acme Brew Pro Grinder" })).Ok().Items("variants");
        Assert.Equal(["ABP-BLK", "ABP-STL"], byTitle.Select(v => v.Str("sku")));
        Assert.Equal(45, byTitle[0].Int("available"));

        var byId = (await shop.CallAsync("get_inventory", new { product = "88000003" })).Ok().Items("variants");
        Assert.Equal(["KTL-GN-BLK", "KTL-GN-WHT"], byId.Select(v => v.Str("sku")));
        Assert.True(byId[1].GetProperty("low").GetBoolean());

        var variantId = byTitle[1].Str("variant_id");
        var byVariant = (await shop.CallAsync("get_inventory", new { variant_id = variantId })).Ok().Items("variants");
        Assert.Equal("ABP-STL", Assert.Single(byVariant).Str("sku"));
    }
}
