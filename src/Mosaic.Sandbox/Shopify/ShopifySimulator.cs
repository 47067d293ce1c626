namespace Mosaic.Sandbox.Shopify;

public static class ShopifySimulator
{
    // Placeholder: the simulator is filled in with its connector.
    public static IEndpointRouteBuilder MapShopifySimulator(this IEndpointRouteBuilder app) => app;
}
