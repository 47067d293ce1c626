using System.Globalization;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Shopify.GraphQL;

namespace Mosaic.Sandbox.Shopify;

/// <summary>
/// The root fields of the Admin API's QueryRoot the simulator answers, with their real arguments
/// (<c>first/after/last/before</c>, <c>query</c>, <c>sortKey</c>, <c>reverse</c>, <c>id</c>).
/// Everything below a root field is shaped generically by <see cref="GqlProjector"/>.
/// </summary>
public static class ShopifyQueries
{
    /// <summary>Root field → the access scope a token needs for it (Shopify answers ACCESS_DENIED without it).</summary>
    public static readonly IReadOnlyDictionary<string, string> RequiredScope = new Dictionary<string, string>
    {
        ["orders"] = "read_orders",
        ["order"] = "read_orders",
        ["products"] = "read_products",
        ["product"] = "read_products",
        ["productVariants"] = "read_products",
        ["productVariant"] = "read_products",
        ["inventoryItem"] = "read_inventory",
        ["inventoryItems"] = "read_inventory",
        ["locations"] = "read_locations",
        ["location"] = "read_locations",
        ["shop"] = "",
    };

    public static JsonNode? Resolve(GqlField field, GqlProjector projector) =>
        field.Name switch
        {
            "orders" => projector.ProjectValue(Orders(field), field, "QueryRoot"),
            "order" => Single(projector, field, "Order", id =>
                ShopifyOrders.All.FirstOrDefault(o => o.Id == id) is { } o ? ShopifyGraph.Order(o) : null
            ),
            "products" => projector.ProjectValue(Products(field), field, "QueryRoot"),
            "product" => Single(projector, field, "Product", id =>
                ShopifyCatalog.Products.FirstOrDefault(p => p.Id == id) is { } p ? ShopifyGraph.Product(p) : null
            ),
            "productVariants" => projector.ProjectValue(Variants(field), field, "QueryRoot"),
            "productVariant" => Single(projector, field, "ProductVariant", id =>
                AllVariants().FirstOrDefault(x => x.V.Id == id) is ({ } v, { } p) ? ShopifyGraph.Variant(v, p) : null
            ),
            "inventoryItem" => Single(projector, field, "InventoryItem", id =>
                AllVariants().FirstOrDefault(x => x.V.InventoryItemId == id) is ({ } v, { } p) ? ShopifyGraph.InventoryItem(v, p) : null
            ),
            "inventoryItems" => projector.ProjectValue(
                GqlProjector.Connection(
                    "InventoryItemConnection",
                    AllVariants()
                        .Where(x => Search(field).Matches(t => t.Field == "sku" ? ShopifySearch.Text(t, x.V.Sku) : null, x.V.Sku))
                        .Select(x => ShopifyGraph.InventoryItem(x.V, x.P))
                ),
                field,
                "QueryRoot"
            ),
            "locations" => projector.ProjectValue(
                GqlProjector.Connection(
                    "LocationConnection",
                    ShopifyCatalog
                        .Locations.Where(l => Search(field).Matches(t => t.Field == "name" ? ShopifySearch.Text(t, l.Name) : null, l.Name))
                        .Select(ShopifyGraph.Location)
                ),
                field,
                "QueryRoot"
            ),
            "location" => Single(projector, field, "Location", id =>
                ShopifyCatalog.Locations.FirstOrDefault(l => l.Id == id) is { } l ? ShopifyGraph.Location(l) : null
            ),
            "shop" => projector.ProjectValue(
                new JsonObject
                {
                    ["__typename"] = "Shop",
                    ["name"] = "Acme Brew",
                    ["myshopifyDomain"] = "acme-brew.myshopify.com",
                    ["url"] = "https://shop.acme.test",
                    ["primaryDomain"] = new JsonObject
                    {
                        ["__typename"] = "Domain",
                        ["host"] = "shop.acme.test",
                        ["url"] = "https://shop.acme.test",
                        ["sslEnabled"] = true,
                    },
                    ["plan"] = new JsonObject
                    {
                        ["__typename"] = "ShopPlan",
                        ["displayName"] = "Shopify",
                        ["partnerDevelopment"] = false,
                        ["shopifyPlus"] = false,
                    },
                    ["currencyCode"] = "USD",
                    ["ianaTimezone"] = "America/Los_Angeles",
                    ["email"] = "shop@acme.test",
                    ["contactEmail"] = "support@acme.test",
                },
                field,
                "QueryRoot"
            ),
            _ => throw new GqlException($"Field '{field.Name}' doesn't exist on type 'QueryRoot'", "undefinedField"),
        };

    private static IEnumerable<(ShopVariant V, ShopProduct P)> AllVariants() =>
        ShopifyCatalog.Products.SelectMany(p => p.Variants.Select(v => (v, p)));

    private static ShopifySearch Search(GqlField field) => ShopifySearch.Parse(GqlProjector.StringArg(field, "query"));

    private static JsonNode? Single(GqlProjector projector, GqlField field, string type, Func<long, JsonObject?> find)
    {
        var gid = GqlProjector.StringArg(field, "id")
            ?? throw new GqlException($"Field '{field.Name}' is missing required arguments: id", "missingRequiredArguments");
        var prefix = $"gid://shopify/{type}/";
        if (
            !gid.StartsWith(prefix, StringComparison.Ordinal)
            || !long.TryParse(gid[prefix.Length..], CultureInfo.InvariantCulture, out var id)
        )
            throw new GqlException($"Invalid global id '{gid}'", "argumentLiteralsIncompatible");
        return find(id) is { } found ? projector.ProjectObject(found, field.Selection ?? []) : null;
    }

    private static JsonObject Orders(GqlField field)
    {
        var search = Search(field);
        var orders = ShopifyOrders.All.Where(o => search.Matches(t => MatchOrder(o, t), OrderText(o)));
        orders = (GqlProjector.StringArg(field, "sortKey") ?? "ID") switch
        {
            "ID" or "ORDER_NUMBER" => orders.OrderBy(o => o.Id),
            "CREATED_AT" or "PROCESSED_AT" => orders.OrderBy(o => o.CreatedAt),
            "UPDATED_AT" => orders.OrderBy(o => o.UpdatedAt),
            "TOTAL_PRICE" => orders.OrderBy(o => o.Total),
            "CUSTOMER_NAME" => orders.OrderBy(o => o.Customer.DisplayName),
            var other => throw new GqlException(
                $"Argument 'sortKey' on Field 'orders' has an invalid value ({other}). Expected type 'OrderSortKeys'.",
                "argumentLiteralsIncompatible"
            ),
        };
        if (GqlProjector.BoolArg(field, "reverse"))
            orders = orders.Reverse();
        return GqlProjector.Connection("OrderConnection", orders.Select(ShopifyGraph.Order));
    }

    private static bool? MatchOrder(ShopOrder o, SearchTerm t) =>
        t.Field switch
        {
            "name" => o.Name.Equals(t.Value, StringComparison.OrdinalIgnoreCase)
                || o.Number.ToString(CultureInfo.InvariantCulture) == t.Value.TrimStart('#'),
            "status" => t.Value.ToLowerInvariant() switch
            {
                "open" => o.ClosedAt is null && o.CancelledAt is null,
                "closed" => o.ClosedAt is not null,
                "cancelled" => o.CancelledAt is not null,
                "not_closed" => o.ClosedAt is null,
                _ => true,
            },
            "financial_status" => o.FinancialStatus.Equals(t.Value, StringComparison.OrdinalIgnoreCase),
            "fulfillment_status" => t.Value.ToLowerInvariant() switch
            {
                "shipped" or "fulfilled" => o.FulfillmentStatus == "FULFILLED",
                "unshipped" or "unfulfilled" => o.FulfillmentStatus == "UNFULFILLED",
                "partial" or "partially_fulfilled" => o.FulfillmentStatus == "PARTIALLY_FULFILLED",
                _ => false,
            },
            "created_at" or "processed_at" => ShopifySearch.Date(t, o.CreatedAt),
            "updated_at" => ShopifySearch.Date(t, o.UpdatedAt),
            "email" => ShopifySearch.Text(t, o.Customer.Email),
            "customer" => o.Customer.DisplayName.Contains(t.Value, StringComparison.OrdinalIgnoreCase),
            "tag" => o.Tags.Any(tag => ShopifySearch.Text(t, tag)),
            "discount_code" => ShopifySearch.Text(t, o.DiscountCode),
            "sku" => o.LineItems.Any(l => ShopifySearch.Text(t, l.Variant.Sku)),
            "id" => ShopifySearch.Number(t, o.Id),
            _ => null,
        };

    private static string OrderText(ShopOrder o) =>
        string.Join(
            ' ',
            [
                o.Name,
                o.Customer.DisplayName,
                o.Customer.Email,
                o.Note ?? "",
                .. o.Tags,
                .. o.LineItems.Select(l => $"{l.Product.Title} {l.Variant.Sku}"),
            ]
        );

    private static JsonObject Products(GqlField field)
    {
        var search = Search(field);
        var products = ShopifyCatalog.Products.Where(p =>
            search.Matches(
                t => MatchProduct(p, t),
                $"{p.Title} {p.ProductType} {string.Join(' ', p.Tags)} {string.Join(' ', p.Variants.Select(v => v.Sku))}"
            )
        );
        products = (GqlProjector.StringArg(field, "sortKey") ?? "ID") switch
        {
            "ID" or "RELEVANCE" => products.OrderBy(p => p.Id),
            "TITLE" => products.OrderBy(p => p.Title, StringComparer.Ordinal),
            "CREATED_AT" or "UPDATED_AT" => products.OrderBy(p => p.CreatedAt),
            "INVENTORY_TOTAL" => products.OrderBy(p => p.TotalInventory),
            "PRODUCT_TYPE" => products.OrderBy(p => p.ProductType, StringComparer.Ordinal),
            "VENDOR" => products.OrderBy(p => p.Vendor, StringComparer.Ordinal),
            var other => throw new GqlException(
                $"Argument 'sortKey' on Field 'products' has an invalid value ({other}). Expected type 'ProductSortKeys'.",
                "argumentLiteralsIncompatible"
            ),
        };
        if (GqlProjector.BoolArg(field, "reverse"))
            products = products.Reverse();
        return GqlProjector.Connection("ProductConnection", products.Select(ShopifyGraph.Product));
    }

    private static bool? MatchProduct(ShopProduct p, SearchTerm t) =>
        t.Field switch
        {
            "title" => p.Title.Contains(t.Value.TrimEnd('*'), StringComparison.OrdinalIgnoreCase),
            "handle" => ShopifySearch.Text(t, p.Handle),
            "status" => t.Value.Split(',').Any(s => s.Equals(p.Status, StringComparison.OrdinalIgnoreCase)),
            "product_type" => ShopifySearch.Text(t, p.ProductType),
            "vendor" => ShopifySearch.Text(t, p.Vendor),
            "tag" => p.Tags.Any(tag => ShopifySearch.Text(t, tag)),
            "sku" => p.Variants.Any(v => ShopifySearch.Text(t, v.Sku)),
            "created_at" => ShopifySearch.Date(t, p.CreatedAt),
            "inventory_total" => ShopifySearch.Number(t, p.TotalInventory),
            "id" => ShopifySearch.Number(t, p.Id),
            _ => null,
        };

    private static JsonObject Variants(GqlField field)
    {
        var search = Search(field);
        var variants = AllVariants()
            .Where(x =>
                search.Matches(
                    t =>
                        t.Field switch
                        {
                            "sku" => ShopifySearch.Text(t, x.V.Sku),
                            "product_id" => ShopifySearch.Number(t, x.P.Id),
                            "title" => x.V.Title.Contains(t.Value, StringComparison.OrdinalIgnoreCase),
                            "inventory_quantity" => ShopifySearch.Number(t, x.V.InventoryQuantity),
                            _ => null,
                        },
                    $"{x.P.Title} {x.V.Title} {x.V.Sku}"
                )
            );
        variants = (GqlProjector.StringArg(field, "sortKey") ?? "ID") switch
        {
            "SKU" => variants.OrderBy(x => x.V.Sku, StringComparer.Ordinal),
            "INVENTORY_QUANTITY" => variants.OrderBy(x => x.V.InventoryQuantity),
            "TITLE" => variants.OrderBy(x => x.V.Title, StringComparer.Ordinal),
            _ => variants.OrderBy(x => x.V.Id),
        };
        if (GqlProjector.BoolArg(field, "reverse"))
            variants = variants.Reverse();
        return GqlProjector.Connection("ProductVariantConnection", variants.Select(x => ShopifyGraph.Variant(x.V, x.P)));
    }
}
