using System.Globalization;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Shopify;

/// <summary>
/// The admin pages the connector's links point to (<c>{shop}/admin/orders/{id}</c>, <c>/admin/products/{id}</c> and
/// <c>/admin/products/{id}/variants/{id}</c>), with the shop at <c>{sandbox}/shopify</c>. Unknown ids: 404.
/// </summary>
public static class ShopifyPages
{
    public static void MapShopifyPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/shopify/admin/orders/{id:long}", (long id) =>
            ShopifyOrders.All.FirstOrDefault(o => o.Id == id) is { } o
                ? SandboxPages.Page(
                    $"Order {o.Name}",
                    $"{o.Customer.DisplayName} · {o.FinancialStatus} · {o.FulfillmentStatus}",
                    $"Total: ${o.Total.ToString("0.00", CultureInfo.InvariantCulture)}",
                    o.Note
                )
                : Results.NotFound()
        );
        app.MapGet("/shopify/admin/products/{id:long}", (long id) =>
            ShopifyCatalog.Products.FirstOrDefault(p => p.Id == id) is { } p
                ? SandboxPages.Page(p.Title, $"{p.ProductType} · {p.Status}", p.Description)
                : Results.NotFound()
        );
        app.MapGet("/shopify/admin/products/{id:long}/variants/{variantId:long}", (long id, long variantId) =>
            ShopifyCatalog.Products.FirstOrDefault(p => p.Id == id)?.Variants.FirstOrDefault(v => v.Id == variantId) is { } v
                ? SandboxPages.Page($"{ShopifyCatalog.ProductOf(v).Title} — {v.Title}", $"SKU {v.Sku}")
                : Results.NotFound()
        );
    }
}
