using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Infrastructure.WhatsNewAssert;

namespace Mosaic.Connectors.Tests.Shopify;

/// <summary>Shopify's whats_new against the Sandbox's seeded store.</summary>
public sealed class ShopifyWhatsNewTests(ShopifyFixture fx) : IClassFixture<ShopifyFixture>
{
    [Fact]
    public async Task Lists_new_orders_those_awaiting_payment_actionable_and_low_stock()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-72);
        var (items, _) = await CallAsync(fx.Connector, since);

        var authorized = Single(items, "new_order", "Order #1044 · ");
        Assert.True(authorized.Actionable());
        Assert.Equal("medium", authorized.Text("priority"));
        Assert.Contains("AUTHORIZED", authorized.Text("summary"));
        Assert.Equal("Oliver Brown", authorized.Text("author"));
        Assert.Contains("/admin/orders/", authorized.Text("url"));
        Assert.True(Single(items, "new_order", "Order #1043 · ").Actionable()); // PENDING
        var paid = Single(items, "new_order", "Order #1041 · ");
        Assert.False(paid.Actionable());
        Assert.Equal("low", paid.Text("priority"));
        Assert.All(items.Where(i => i.Text("kind") == "new_order"), o => Assert.True(o.At() >= since, o.ToString()));

        var stock = items.Where(i => i.Text("kind") == "low_stock").ToList();
        Assert.NotEmpty(stock);
        Assert.All(stock, s =>
        {
            Assert.True(s.Actionable());
            Assert.Null(s.At());
            Assert.Matches(@"^Low stock: .+ \((\d) left\)$", s.Text("title"));
            Assert.Equal(s.Text("title")!.EndsWith("(0 left)") ? "high" : "medium", s.Text("priority"));
            Assert.StartsWith("SKU ", s.Text("summary"));
        });
    }

    [Fact]
    public async Task A_window_after_every_order_leaves_only_stock()
    {
        var (items, _) = await CallAsync(fx.Connector, DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.DoesNotContain(items, i => i.Text("kind") == "new_order");
        Assert.Contains(items, i => i.Text("kind") == "low_stock");
    }
}
