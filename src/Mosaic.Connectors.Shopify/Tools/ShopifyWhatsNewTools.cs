using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.Shopify.Tools;

/// <summary>New orders since the window (pending payment ones actionable), and active variants with low stock (actionable).</summary>
[McpServerToolType]
public sealed class ShopifyWhatsNewTools(ShopifyClient api, ShopifyMapping map)
{
    private const int LowStock = 5;

    [McpServerTool(Name = WhatsNew.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "What is new in the Shopify store since a time: new orders (those awaiting payment need action) and active "
            + "products' variants with 5 or fewer in stock (need action)."
    )]
    public async Task<CallToolResult> WhatsNewAsync(
        [Description(WhatsNewWindow.SinceHelp)] string since,
        [Description(WhatsNewWindow.LimitHelp)] int? limit = null,
        [Description(WhatsNewWindow.MeHelp)] string? me = null,
        [Description(WhatsNewWindow.NowHelp)] string? now = null,
        CancellationToken cancellationToken = default
    )
    {
        var window = WhatsNewWindow.From(since, limit, me, now);
        var orders = PageAsync(
            "Orders",
            ShopifyQueries.Orders,
            "orders",
            ShopifySearchQuery.ForOrders(null, null, null, window.SinceIso, null, null),
            cancellationToken
        );
        var products = PageAsync(
            "Products",
            ShopifyQueries.Products,
            "products",
            ShopifySearchQuery.ForProducts(null, "active"),
            cancellationToken
        );
        var items = (await orders)
            .Select(map.OrderSummary)
            .Select(o =>
            {
                var pending =
                    o.FinancialStatus.Contains("PENDING", StringComparison.OrdinalIgnoreCase)
                    || o.FinancialStatus.Contains("AUTHORIZED", StringComparison.OrdinalIgnoreCase);
                return new WhatsNewItem(
                    $"shopify-order-{o.Name}",
                    "new_order",
                    $"Order {o.Name} · {o.Total} {o.Currency}",
                    $"{o.Customer} · {o.FinancialStatus} · {o.FulfillmentStatus} · {o.Items}",
                    o.Url,
                    o.Customer,
                    o.CreatedAt,
                    pending,
                    pending ? "medium" : "low"
                );
            })
            .ToList();
        foreach (var p in (await products).Select(map.ProductSummary))
        foreach (var v in p.Variants.Where(v => v.Inventory <= LowStock))
            items.Add(
                new(
                    $"shopify-stock-{v.Sku ?? p.Id + v.Title}",
                    "low_stock",
                    $"Low stock: {p.Title} {v.Title} ({v.Inventory} left)",
                    $"SKU {v.Sku}",
                    p.Url,
                    null,
                    null,
                    true,
                    v.Inventory == 0 ? "high" : "medium"
                )
            );
        return WhatsNew.Result(items, window, "Shopify");
    }

    /// <summary>The first 50 nodes of a listing query, as list_orders and list_products ask for them.</summary>
    private async Task<List<JsonNode>> PageAsync(string operation, string query, string field, string search, CancellationToken ct)
    {
        var data = await api.QueryAsync(
            operation,
            query,
            new JsonObject
            {
                ["first"] = 50,
                ["after"] = null,
                ["query"] = search.Length == 0 ? null : search,
            },
            ct
        );
        return (data[field]?["edges"]?.AsArray() ?? []).Select(e => e!["node"]!).ToList();
    }
}
