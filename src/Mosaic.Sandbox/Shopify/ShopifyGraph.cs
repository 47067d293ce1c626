using System.Globalization;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Shopify.GraphQL;

namespace Mosaic.Sandbox.Shopify;

/// <summary>The seed records as Admin GraphQL objects (the field names and formats of API version 2025-07).</summary>
public static class ShopifyGraph
{
    public static string Gid(string type, long id) => $"gid://shopify/{type}/{id}";

    private static string Date(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)!;

    private static JsonObject MoneyBag(decimal amount) =>
        new()
        {
            ["__typename"] = "MoneyBag",
            ["shopMoney"] = Money(amount),
            ["presentmentMoney"] = Money(amount),
        };

    private static JsonObject Money(decimal amount) =>
        new()
        {
            ["__typename"] = "MoneyV2",
            ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currencyCode"] = "USD",
        };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    public static JsonObject Order(ShopOrder o) =>
        new()
        {
            ["__typename"] = "Order",
            ["id"] = Gid("Order", o.Id),
            ["legacyResourceId"] = o.Id.ToString(CultureInfo.InvariantCulture),
            ["name"] = o.Name,
            ["email"] = o.Customer.Email,
            ["createdAt"] = Date(o.CreatedAt),
            ["updatedAt"] = Date(o.UpdatedAt),
            ["processedAt"] = Date(o.CreatedAt),
            ["cancelledAt"] = o.CancelledAt is null ? null : Date(o.CancelledAt),
            ["closedAt"] = o.ClosedAt is null ? null : Date(o.ClosedAt),
            ["closed"] = o.ClosedAt is not null,
            ["displayFinancialStatus"] = o.FinancialStatus,
            ["displayFulfillmentStatus"] = o.FulfillmentStatus,
            ["note"] = o.Note,
            ["tags"] = Strings(o.Tags),
            ["discountCodes"] = Strings(o.DiscountCode is null ? [] : [o.DiscountCode]),
            ["currencyCode"] = "USD",
            ["subtotalPriceSet"] = MoneyBag(o.Subtotal),
            ["totalDiscountsSet"] = MoneyBag(o.Discount),
            ["totalShippingPriceSet"] = MoneyBag(o.Shipping),
            ["totalPriceSet"] = MoneyBag(o.Total),
            ["totalRefundedSet"] = MoneyBag(o.Refunded),
            ["customer"] = new JsonObject
            {
                ["__typename"] = "Customer",
                ["id"] = Gid("Customer", o.Customer.Id),
                ["displayName"] = o.Customer.DisplayName,
                ["firstName"] = o.Customer.FirstName,
                ["lastName"] = o.Customer.LastName,
                ["email"] = o.Customer.Email,
            },
            ["shippingAddress"] = new JsonObject
            {
                ["__typename"] = "MailingAddress",
                ["name"] = o.Customer.DisplayName,
                ["city"] = o.City,
                ["countryCodeV2"] = "US",
            },
            ["lineItems"] = GqlProjector.Connection(
                "LineItemConnection",
                o.LineItems.Select(l => new JsonObject
                {
                    ["__typename"] = "LineItem",
                    ["id"] = Gid("LineItem", l.Id),
                    ["title"] = l.Product.Title,
                    ["variantTitle"] = l.Variant.Title == "Default Title" ? null : l.Variant.Title,
                    ["sku"] = l.Variant.Sku,
                    ["quantity"] = l.Quantity,
                    ["originalUnitPriceSet"] = MoneyBag(l.Variant.Price),
                    ["variant"] = new JsonObject
                    {
                        ["__typename"] = "ProductVariant",
                        ["id"] = Gid("ProductVariant", l.Variant.Id),
                        ["sku"] = l.Variant.Sku,
                        ["title"] = l.Variant.Title,
                    },
                    ["product"] = new JsonObject
                    {
                        ["__typename"] = "Product",
                        ["id"] = Gid("Product", l.Product.Id),
                        ["title"] = l.Product.Title,
                    },
                })
            ),
            ["transactions"] = new JsonArray([
                .. o.Transactions.Select(t =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["__typename"] = "OrderTransaction",
                            ["id"] = Gid("OrderTransaction", t.Id),
                            ["kind"] = t.Kind,
                            ["status"] = "SUCCESS",
                            ["gateway"] = "shopify_payments",
                            ["processedAt"] = Date(t.At),
                            ["amountSet"] = MoneyBag(t.Amount),
                        }
                ),
            ]),
            ["refunds"] = new JsonArray([
                .. o.Refunds.Select(r =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["__typename"] = "Refund",
                            ["id"] = Gid("Refund", r.Id),
                            ["createdAt"] = Date(r.At),
                            ["note"] = r.Note,
                            ["totalRefundedSet"] = MoneyBag(r.Amount),
                        }
                ),
            ]),
        };

    public static JsonObject Product(ShopProduct p) =>
        new()
        {
            ["__typename"] = "Product",
            ["id"] = Gid("Product", p.Id),
            ["legacyResourceId"] = p.Id.ToString(CultureInfo.InvariantCulture),
            ["title"] = p.Title,
            ["handle"] = p.Handle,
            ["status"] = p.Status,
            ["vendor"] = p.Vendor,
            ["productType"] = p.ProductType,
            ["description"] = p.Description,
            ["tags"] = Strings(p.Tags),
            ["createdAt"] = Date(p.CreatedAt),
            ["updatedAt"] = Date(p.CreatedAt.AddDays(1)),
            ["totalInventory"] = p.TotalInventory,
            ["tracksInventory"] = true,
            ["onlineStoreUrl"] = p.Status == "ACTIVE" ? $"https://acme-brew.example/products/{p.Handle}" : null,
            ["priceRangeV2"] = new JsonObject
            {
                ["__typename"] = "ProductPriceRangeV2",
                ["minVariantPrice"] = Money(p.Variants.Min(v => v.Price)),
                ["maxVariantPrice"] = Money(p.Variants.Max(v => v.Price)),
            },
            ["variants"] = GqlProjector.Connection("ProductVariantConnection", p.Variants.Select(v => Variant(v, p))),
        };

    public static JsonObject Variant(ShopVariant v, ShopProduct p) =>
        new()
        {
            ["__typename"] = "ProductVariant",
            ["id"] = Gid("ProductVariant", v.Id),
            ["legacyResourceId"] = v.Id.ToString(CultureInfo.InvariantCulture),
            ["title"] = v.Title,
            ["displayName"] = v.Title == "Default Title" ? p.Title : $"{p.Title} - {v.Title}",
            ["sku"] = v.Sku,
            ["price"] = v.Price.ToString("0.00", CultureInfo.InvariantCulture),
            ["inventoryQuantity"] = v.InventoryQuantity,
            ["product"] = new JsonObject
            {
                ["__typename"] = "Product",
                ["id"] = Gid("Product", p.Id),
                ["legacyResourceId"] = p.Id.ToString(CultureInfo.InvariantCulture),
                ["title"] = p.Title,
                ["handle"] = p.Handle,
                ["status"] = p.Status,
            },
            ["inventoryItem"] = InventoryItem(v, p),
        };

    public static JsonObject InventoryItem(ShopVariant v, ShopProduct p) =>
        new()
        {
            ["__typename"] = "InventoryItem",
            ["id"] = Gid("InventoryItem", v.InventoryItemId),
            ["sku"] = v.Sku,
            ["tracked"] = true,
            ["variant"] = new JsonObject
            {
                ["__typename"] = "ProductVariant",
                ["id"] = Gid("ProductVariant", v.Id),
                ["sku"] = v.Sku,
                ["title"] = v.Title,
                ["displayName"] = $"{p.Title} - {v.Title}",
            },
            ["inventoryLevels"] = GqlProjector.Connection(
                "InventoryLevelConnection",
                v.Stock.Select(s => new JsonObject
                {
                    ["__typename"] = "InventoryLevel",
                    ["id"] = $"gid://shopify/InventoryLevel/{s.LocationId}?inventory_item_id={v.InventoryItemId}",
                    ["location"] = Location(ShopifyCatalog.Locations.First(l => l.Id == s.LocationId)),
                    ["updatedAt"] = Date(p.CreatedAt.AddDays(1)),
                    ["quantities"] = new JsonArray([
                        .. new (string Name, int Qty)[]
                        {
                            ("available", s.Available),
                            ("committed", s.Committed),
                            ("incoming", s.Incoming),
                            ("on_hand", s.Available + s.Committed),
                            ("reserved", 0),
                            ("damaged", 0),
                        }.Select(q =>
                            (JsonNode)
                                new JsonObject
                                {
                                    ["__typename"] = "InventoryQuantity",
                                    ["name"] = q.Name,
                                    ["quantity"] = q.Qty,
                                }
                        ),
                    ]),
                })
            ),
        };

    public static JsonObject Location(ShopLocation l) =>
        new()
        {
            ["__typename"] = "Location",
            ["id"] = Gid("Location", l.Id),
            ["legacyResourceId"] = l.Id.ToString(CultureInfo.InvariantCulture),
            ["name"] = l.Name,
            ["isActive"] = true,
            ["address"] = new JsonObject
            {
                ["__typename"] = "LocationAddress",
                ["city"] = l.City,
                ["provinceCode"] = l.ProvinceCode,
                ["countryCode"] = "US",
            },
        };
}
