using System.Globalization;
using System.Text.Json.Nodes;

namespace Mosaic.Connectors.Shopify.Tools;

/// <summary>Shapes Admin GraphQL nodes into the compact records the tools return, with admin links.</summary>
public sealed class ShopifyMapping(ShopifySettings settings)
{
    public OrderSummary OrderSummary(JsonNode o)
    {
        var lines = (o["lineItems"]?["edges"]?.AsArray() ?? [])
            .Select(e => e!["node"]!)
            .Select(l => $"{Int(l["quantity"])}× {S(l["title"])}{(S(l["sku"]) is { } sku ? $" ({sku})" : "")}");
        var tags = Tags(o["tags"]);
        return new OrderSummary(
            S(o["name"]) ?? "",
            S(o["legacyResourceId"]) ?? "",
            S(o["createdAt"]) ?? "",
            S(o["displayFinancialStatus"]) ?? "UNKNOWN",
            S(o["displayFulfillmentStatus"]) ?? "UNKNOWN",
            S(o["totalPriceSet"]?["shopMoney"]?["amount"]) ?? "0",
            S(o["totalPriceSet"]?["shopMoney"]?["currencyCode"]) ?? "",
            S(o["customer"]?["displayName"]),
            S(o["customer"]?["email"]),
            string.Join("; ", lines),
            tags.Length > 0 ? tags : null,
            S(o["cancelledAt"]),
            settings.AdminUrl("orders", S(o["legacyResourceId"]) ?? "")
        );
    }

    public OrderDetail OrderDetail(JsonNode o)
    {
        string? Money(string field) => S(o[field]?["shopMoney"]?["amount"]);
        var lines = (o["lineItems"]?["edges"]?.AsArray() ?? [])
            .Select(e => e!["node"]!)
            .Select(l => new OrderLine(
                S(l["title"]) ?? "",
                S(l["variantTitle"]),
                S(l["sku"]),
                Int(l["quantity"]),
                S(l["originalUnitPriceSet"]?["shopMoney"]?["amount"])
            ))
            .ToList();
        var payments = (o["transactions"]?.AsArray() ?? [])
            .Select(t => new OrderPayment(
                S(t!["kind"]) ?? "",
                S(t["status"]),
                S(t["amountSet"]?["shopMoney"]?["amount"]) ?? "",
                S(t["processedAt"])
            ))
            .ToList();
        var refunds = (o["refunds"]?.AsArray() ?? [])
            .Select(r => new OrderRefund(S(r!["totalRefundedSet"]?["shopMoney"]?["amount"]) ?? "", S(r["note"]), S(r["createdAt"])))
            .ToList();
        var refunded = Money("totalRefundedSet");
        var discounts = Money("totalDiscountsSet");
        var codes = Tags(o["discountCodes"]);
        var tags = Tags(o["tags"]);
        var city = S(o["shippingAddress"]?["city"]);
        return new OrderDetail(
            S(o["name"]) ?? "",
            S(o["legacyResourceId"]) ?? "",
            S(o["createdAt"]) ?? "",
            S(o["displayFinancialStatus"]) ?? "UNKNOWN",
            S(o["displayFulfillmentStatus"]) ?? "UNKNOWN",
            S(o["customer"]?["displayName"]),
            S(o["email"]) ?? S(o["customer"]?["email"]),
            S(o["note"]),
            tags.Length > 0 ? tags : null,
            codes.Length > 0 ? codes : null,
            S(o["totalPriceSet"]?["shopMoney"]?["currencyCode"]) ?? "",
            Money("subtotalPriceSet") ?? "0",
            IsZero(discounts) ? null : discounts,
            Money("totalShippingPriceSet"),
            Money("totalPriceSet") ?? "0",
            IsZero(refunded) ? null : refunded,
            city is null ? null : $"{city}, {S(o["shippingAddress"]?["countryCodeV2"])}",
            S(o["cancelledAt"]),
            S(o["closedAt"]),
            lines,
            o["lineItems"]?["pageInfo"]?["hasNextPage"]?.GetValue<bool>() == true,
            payments,
            refunds,
            settings.AdminUrl("orders", S(o["legacyResourceId"]) ?? "")
        );
    }

    public ProductSummary ProductSummary(JsonNode p)
    {
        var min = S(p["priceRangeV2"]?["minVariantPrice"]?["amount"]);
        var max = S(p["priceRangeV2"]?["maxVariantPrice"]?["amount"]);
        var currency = S(p["priceRangeV2"]?["minVariantPrice"]?["currencyCode"]);
        var variants = (p["variants"]?["nodes"]?.AsArray() ?? [])
            .Select(v => new ProductVariantSummary(
                S(v!["title"]) ?? "",
                S(v["sku"]),
                S(v["price"]),
                v["inventoryQuantity"] is null ? null : Int(v["inventoryQuantity"])
            ))
            .ToList();
        return new ProductSummary(
            S(p["title"]) ?? "",
            S(p["legacyResourceId"]) ?? "",
            S(p["status"]) ?? "",
            S(p["productType"]),
            S(p["vendor"]),
            p["totalInventory"] is null ? null : Int(p["totalInventory"]),
            min is null ? null
                : min == max ? $"{min} {currency}"
                : $"{min}–{max} {currency}",
            variants,
            p["variants"]?["pageInfo"]?["hasNextPage"]?.GetValue<bool>() == true,
            settings.AdminUrl("products", S(p["legacyResourceId"]) ?? "")
        );
    }

    public VariantStock VariantStock(JsonNode v, int lowThreshold)
    {
        var levels = (v["inventoryItem"]?["inventoryLevels"]?["nodes"]?.AsArray() ?? [])
            .Select(level =>
            {
                var q = (level!["quantities"]?.AsArray() ?? []).ToDictionary(x => S(x!["name"]) ?? "", x => Int(x!["quantity"]));
                return new LocationStock(
                    S(level["location"]?["name"]) ?? "",
                    q.GetValueOrDefault("available"),
                    q.GetValueOrDefault("committed"),
                    q.GetValueOrDefault("incoming"),
                    q.GetValueOrDefault("on_hand")
                );
            })
            .ToList();
        var available = levels.Sum(l => l.Available);
        var productId = S(v["product"]?["legacyResourceId"]) ?? "";
        return new VariantStock(
            S(v["product"]?["title"]) ?? "",
            S(v["title"]) ?? "",
            S(v["sku"]),
            S(v["legacyResourceId"]) ?? "",
            available,
            available <= lowThreshold,
            levels,
            $"{settings.AdminUrl("products", productId)}/variants/{S(v["legacyResourceId"])}"
        );
    }

    private static string? S(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : node is JsonValue n ? n.ToJsonString()
        : null;

    private static int Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    private static string[] Tags(JsonNode? node) => node is JsonArray a ? [.. a.Select(S).OfType<string>()] : [];

    private static bool IsZero(string? amount) =>
        amount is null || (decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == 0);
}
