using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Shopify.Tools;

/// <summary>Finds the variants get_inventory reports on, each with its stock per location.</summary>
public sealed class InventoryLookup(ShopifyClient api)
{
    public async Task<List<JsonNode>> VariantsAsync(string? sku, string? variantId, string? product, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(sku))
        {
            var data = await api.QueryAsync(
                "InventoryBySku",
                ShopifyQueries.InventoryBySku,
                new JsonObject { ["query"] = $"sku:{Quote(sku.Trim())}" },
                cancellationToken
            );
            // Shopify's sku: search also matches prefixes; keep exact SKUs when there are any.
            var all = Nodes(data["productVariants"]?["nodes"]);
            var exact = all.Where(v => string.Equals(v["sku"]?.GetValue<string>(), sku.Trim(), StringComparison.OrdinalIgnoreCase))
                .ToList();
            return exact.Count > 0 ? exact : all;
        }
        if (!string.IsNullOrWhiteSpace(variantId))
        {
            var gid = ShopifyIds.Gid("ProductVariant", variantId)
                ?? throw new ToolInputException(
                    $"variant_id must be a numeric id or gid://shopify/ProductVariant/... (got \"{variantId}\")."
                );
            var data = await api.QueryAsync(
                "InventoryByVariant",
                ShopifyQueries.InventoryByVariant,
                new JsonObject { ["id"] = gid },
                cancellationToken
            );
            return data["productVariant"] is { } v ? [v] : [];
        }
        var productGid = ShopifyIds.Gid("Product", product!);
        if (productGid is null)
        {
            var found = await api.QueryAsync(
                "ProductByTitle",
                ShopifyQueries.ProductByTitle,
                new JsonObject { ["query"] = $"title:{TitlePattern(product!.Trim())}" },
                cancellationToken
            );
            var matches = Nodes(found["products"]?["nodes"]);
            if (matches.Count == 0)
                return [];
            var exact = matches.FirstOrDefault(p =>
                string.Equals(p["title"]?.GetValue<string>(), product!.Trim(), StringComparison.OrdinalIgnoreCase)
            );
            if (exact is null && matches.Count > 1)
                throw new ToolInputException(
                    $"Several products match \"{product}\": "
                        + $"{string.Join(", ", matches.Select(p => p["title"]?.GetValue<string>()))}. Give the exact title or the "
                        + $"product id."
                );
            productGid = (exact ?? matches[0])["id"]!.GetValue<string>();
        }
        var result = await api.QueryAsync(
            "InventoryByProduct",
            ShopifyQueries.InventoryByProduct,
            new JsonObject { ["id"] = productGid },
            cancellationToken
        );
        return Nodes(result["product"]?["variants"]?["nodes"]);
    }

    /// <summary>A prefix match for one word; an exact phrase for several (Shopify cannot wildcard a quoted phrase).</summary>
    private static string TitlePattern(string title) => Quote(title) is var q && q == title ? $"{title}*" : q;

    private static List<JsonNode> Nodes(JsonNode? array) => array is JsonArray a ? [.. a.OfType<JsonNode>()] : [];

    /// <summary>Shopify search values with spaces or colons must be quoted.</summary>
    private static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || c is ':' or '(' or ')') ? $"\"{value.Replace("\"", "\\\"")}\"" : value;
}
