using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Sources.Shopify;

/// <summary>Shopify: the store's orders, products and inventory.</summary>
public sealed partial class ShopifySource : IBuiltInSource
{
    public const string Id = "shopify";

    public SourceDefinition Definition { get; } =
        new()
        {
            Id = Id,
            Name = "Shopify",
            Icon = "shopify",
            Assembly = "Mosaic.Connectors.Shopify",
            Description = "Orders, products and inventory",
            CredentialFields =
            [
                new("shop_url", "Shop URL", "url", true, "SHOPIFY_SHOP_URL")
                {
                    Location = true,
                    Placeholder = "https://your-shop.myshopify.com",
                },
                new("access_token", "Admin API access token", "password", true, "SHOPIFY_ACCESS_TOKEN") { Placeholder = "shpat_…" },
                new("api_version", "API version", "text", false, "SHOPIFY_API_VERSION") { Placeholder = "2025-01" },
            ],
            DirectRouting =
            [
                new(["inventory", "stock"], "get_inventory"),
                new(["product", "products"], "list_products"),
                new(["order", "orders"], "list_orders"),
            ],
        };

    public SourcePresentation Presentation { get; } =
        new("oklch(52.7% 0.154 150.069)", null, ["Show the most recent orders", "Which products are low on stock?", "List our products"]);

    public IReadOnlyList<string> NameWords { get; } = ["shopify"];

    public IReadOnlyList<WordSignal> Words { get; } =
    [
        new(0.9, ["shopify", "store", "storefront's", "shop"]),
        new(
            0.6,
            [
                "order",
                "orders",
                "product",
                "products",
                "inventory",
                "stock",
                "sku",
                "skus",
                "refund",
                "refunded",
                "refunds",
                "fulfilment",
                "fulfillment",
                "fulfilled",
                "shipped",
                "discount",
                "sales",
                "sold",
                "catalogue",
                "catalog",
                "variant",
                "variants",
            ]
        ),
        new(0.3, ["customer", "customers", "charged", "charge", "price", "prices", "revenue"]),
    ];

    public IReadOnlyList<Regex> NamedItems { get; } = [OrderNumber()];

    public IEnumerable<Signal> Entities(string query) =>
        OrderNumber().Matches(query).Select(m => new Signal(Id, 0.9, $"names order #{m.Groups["n"].Value}"));

    public ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct) => ValueTask.FromResult<PlannedCall?>(Plan(q));

    private static PlannedCall Plan(OfflineQuestion q)
    {
        var phrase = q.Phrase;
        if (OrderNumber().Match(q.Query) is { Success: true } order)
            return new("get_order", new Dictionary<string, object?> { ["order"] = $"#{order.Groups["n"].Value}" });
        if (q.Lower.Contains("inventory") || q.Lower.Contains("stock"))
        {
            return new("get_inventory", new Dictionary<string, object?> { ["product"] = phrase })
            {
                Label = $"get_inventory product=\"{phrase}\"",
            };
        }
        if (q.Lower.Contains("product"))
            return PlannedCall.Search("list_products", phrase) with { Fallback = true };
        return PlannedCall.Search("list_orders", q.Lower.Contains("order") ? "" : phrase) with { Fallback = true };
    }

    /// <summary>"order #1042", "#1042" (three digits or more, not a pull request or an issue number).</summary>
    [GeneratedRegex(@"(?<!(?:PR|pull request|pull|issue)\s*)#(?<n>\d{3,})\b", RegexOptions.IgnoreCase)]
    internal static partial Regex OrderNumber();
}
