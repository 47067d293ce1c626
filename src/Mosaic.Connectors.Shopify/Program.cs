using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.Common.Http;
using Mosaic.Connectors.Shopify;
using Mosaic.Connectors.Shopify.Tools;

// An stdio MCP server over a Shopify store's Admin GraphQL API: orders, products, inventory (read-only).
return await ConnectorHost.RunAsync(args, new ConnectorInfo("shopify", "Shopify"), connector =>
{
    var settings = ShopifySettings.FromEnv(connector.Env);
    connector.Services.AddSingleton(settings);
    // One budget tracker per credential set: every query it makes draws on the same per-store cost bucket.
    connector.Services.AddSingleton<ShopifyThrottle>();
    connector.AddUpstreamHttpClient<ShopifyClient>(http =>
    {
        http.BaseAddress = settings.GraphQlEndpoint;
        http.DefaultRequestHeaders.Add("X-Shopify-Access-Token", settings.AccessToken);
    });
    connector.Services.AddSingleton<ShopifyMapping>();
    connector.AddTools<ShopifyTools>();
    connector.AddTools<ShopifyWhatsNewTools>();
    connector.AddTools<ShopifyWhoamiTools>();
});
