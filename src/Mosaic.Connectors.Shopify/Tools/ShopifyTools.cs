using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.Shopify.Tools;

[McpServerToolType]
public sealed class ShopifyTools(ShopifyClient api, ShopifyMapping map)
{
    [McpServerTool(Name = "list_orders", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("List the store's orders, newest first: number, date, payment and fulfilment status, total, customer, items, admin link.")]
    public async Task<CallToolResult> ListOrders(
        [Description("Order status: open, closed, cancelled or any (default any).")] string? status = null,
        [Description("Payment status: paid, pending, authorized, partially_paid, partially_refunded, refunded, voided.")]
            string? financial_status = null,
        [Description("Fulfilment status: fulfilled (shipped), unfulfilled, partial.")] string? fulfillment_status = null,
        [Description("Only orders created on or after this date (YYYY-MM-DD or ISO 8601).")] string? created_after = null,
        [Description("Only orders created before this date (YYYY-MM-DD or ISO 8601).")] string? created_before = null,
        [Description("Extra Shopify search syntax, e.g. \"email:jo@example.com\", \"tag:vip\", \"sku:ABC-1\", or plain words.")]
            string? query = null,
        [Description("Cursor from a previous call's next_cursor.")] string? cursor = null,
        [Description("Maximum orders to return (default 20, max 50).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var search = ShopifySearchQuery.ForOrders(status, financial_status, fulfillment_status, created_after, created_before, query);
        var scope = Cursor.Scope("orders", search);
        var after = Cursor.Decode(cursor, scope);
        var take = Paging.Limit(limit, 20, 50);
        var data = await api.QueryAsync(
            "Orders",
            ShopifyQueries.Orders,
            new JsonObject
            {
                ["first"] = take,
                ["after"] = after,
                ["query"] = search.Length == 0 ? null : search,
            },
            cancellationToken
        );
        var edges = data["orders"]?["edges"]?.AsArray() ?? [];
        var orders = edges.Select(e => map.OrderSummary(e!["node"]!)).ToList();
        var hasNext = data["orders"]?["pageInfo"]?["hasNextPage"]?.GetValue<bool>() == true;
        return ToolResults.List(
            orders,
            new ListShape<OrderSummary>
            {
                ItemsName = "orders",
                TypeInfo = ShopifyJson.Default.OrderSummary,
                MoreUpstream = hasNext,
                NextCursor = kept => Cursor.Encode(scope, edges[kept - 1]!["cursor"]!.GetValue<string>()),
                Extra = new JsonObject { ["search"] = search },
            },
            orders.Count == 0
                ? $"No orders match{(search.Length > 0 ? $" \"{search}\"" : "")}."
                : $"{orders.Count} order(s), newest first{(search.Length > 0 ? $", matching \"{search}\"" : "")}"
        );
    }

    [McpServerTool(Name = "get_order", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("One order in full: customer, line items, totals, discounts, payments and refunds, notes, admin link.")]
    public async Task<CallToolResult> GetOrder(
        [Description(
            "The order: its number as shown to customers (#1001 or 1001), its numeric id, its gid://shopify/Order/... id, or its admin URL."
        )]
            string order,
        CancellationToken cancellationToken = default
    )
    {
        var reference = ShopifyIds.Order(order);
        JsonNode? node;
        if (reference.Gid is { } gid)
            node = (await api.QueryAsync("OrderById", ShopifyQueries.OrderById, new JsonObject { ["id"] = gid }, cancellationToken))[
                "order"
            ];
        else
            node = (
                await api.QueryAsync(
                    "OrderByName",
                    ShopifyQueries.OrderByName,
                    new JsonObject { ["query"] = $"name:{reference.Name}" },
                    cancellationToken
                )
            )["orders"]
                ?["nodes"]?.AsArray()
                .FirstOrDefault();
        if (node is null)
            return ToolErrors.Result(
                $"Shopify has no order {reference.Gid ?? reference.Name}: check the number, or find it with list_orders."
            );
        var detail = map.OrderDetail(node);
        return ToolResults.Object(
            detail,
            ShopifyJson.Default.OrderDetail,
            $"Order {detail.Name}: {detail.Total} {detail.Currency}, {detail.FinancialStatus.ToLowerInvariant()}, "
                + $"{detail.FulfillmentStatus.ToLowerInvariant()}, {detail.LineItems.Count} line item(s)"
        );
    }

    [McpServerTool(Name = "list_products", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("List products by title: status, type, price range, total inventory, variants with SKUs and stock, admin link.")]
    public async Task<CallToolResult> ListProducts(
        [Description("Shopify product search, e.g. \"grinder\", \"title:Kettle*\", \"tag:new\", \"sku:ABP-BLK\", \"product_type:Coffee\".")]
            string? query = null,
        [Description("Product status: active, draft or archived (default all).")] string? status = null,
        [Description("Cursor from a previous call's next_cursor.")] string? cursor = null,
        [Description("Maximum products to return (default 20, max 50).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var search = ShopifySearchQuery.ForProducts(query, status);
        var scope = Cursor.Scope("products", search);
        var after = Cursor.Decode(cursor, scope);
        var take = Paging.Limit(limit, 20, 50);
        var data = await api.QueryAsync(
            "Products",
            ShopifyQueries.Products,
            new JsonObject
            {
                ["first"] = take,
                ["after"] = after,
                ["query"] = search.Length == 0 ? null : search,
            },
            cancellationToken
        );
        var edges = data["products"]?["edges"]?.AsArray() ?? [];
        var products = edges.Select(e => map.ProductSummary(e!["node"]!)).ToList();
        return ToolResults.List(
            products,
            new ListShape<ProductSummary>
            {
                ItemsName = "products",
                TypeInfo = ShopifyJson.Default.ProductSummary,
                MoreUpstream = data["products"]?["pageInfo"]?["hasNextPage"]?.GetValue<bool>() == true,
                NextCursor = kept => Cursor.Encode(scope, edges[kept - 1]!["cursor"]!.GetValue<string>()),
            },
            products.Count == 0
                ? "No products match."
                : $"{products.Count} product(s){(search.Length > 0 ? $" matching \"{search}\"" : "")}"
        );
    }

    [McpServerTool(Name = "get_inventory", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Stock levels per location (available, committed, incoming, on hand) for a SKU, a variant or every variant of a product; "
            + "flags low stock."
    )]
    public async Task<CallToolResult> GetInventory(
        [Description("A variant SKU, e.g. ABP-BLK.")] string? sku = null,
        [Description("A variant id (numeric or gid://shopify/ProductVariant/...).")] string? variant_id = null,
        [Description("A product: numeric id, gid://shopify/Product/..., admin URL, or its title.")] string? product = null,
        [Description("Available units at or below which a variant counts as low (default 5).")] int? low_stock_threshold = null,
        CancellationToken cancellationToken = default
    )
    {
        var given = new[] { sku, variant_id, product }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
            throw new ToolInputException("Give exactly one of sku, variant_id or product.");
        var threshold = low_stock_threshold ?? 5;
        if (threshold < 0)
            throw new ToolInputException("low_stock_threshold must be 0 or more.");

        var variants = await new InventoryLookup(api).VariantsAsync(sku, variant_id, product, cancellationToken);
        if (variants.Count == 0)
            return ToolErrors.Result(
                $"Shopify has no variant matching "
                    + (
                        sku is not null ? $"SKU {sku}"
                        : variant_id is not null ? $"variant {variant_id}"
                        : $"product {product}"
                    )
                    + ": check it, or find it with list_products."
            );
        var stock = variants.Select(v => map.VariantStock(v, threshold)).ToList();
        var low = stock.Where(s => s.Low).Select(s => s.Sku ?? s.Variant).ToList();
        return ToolResults.List(
            stock,
            new ListShape<VariantStock>
            {
                ItemsName = "variants",
                TypeInfo = ShopifyJson.Default.VariantStock,
                Total = stock.Count,
                Extra = new JsonObject { ["low_stock_threshold"] = threshold },
            },
            $"{stock.Count} variant(s), {stock.Sum(s => s.Available)} available in total"
                + (low.Count > 0 ? $"; low stock: {string.Join(", ", low)}" : "")
        );
    }
}
