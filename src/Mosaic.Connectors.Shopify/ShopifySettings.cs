using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.Shopify;

/// <summary>The Shopify connector's settings (the shopify credential fields, docs/architecture.md#sources).</summary>
public sealed record ShopifySettings
{
    /// <summary>The Admin API version every query is written against. Shopify supports each version for
    /// a year; pinning one keeps the response shapes stable, SHOPIFY_API_VERSION moves it forward.</summary>
    public const string DefaultApiVersion = "2025-07";

    /// <summary>e.g. https://acme-brew.myshopify.com (no trailing slash).</summary>
    public required Uri ShopUrl { get; init; }
    public required string AccessToken { get; init; }
    public required string ApiVersion { get; init; }

    public Uri GraphQlEndpoint => new($"{ShopUrl.AbsoluteUri.TrimEnd('/')}/admin/api/{ApiVersion}/graphql.json");

    /// <summary>A link a person can open: {shop}/admin/orders/123 (Shopify redirects it to the current admin).</summary>
    public string AdminUrl(string resource, string legacyId) => $"{ShopUrl.AbsoluteUri.TrimEnd('/')}/admin/{resource}/{legacyId}";

    public static ShopifySettings FromEnv(EnvConfig env)
    {
        var shop = env.Required("SHOPIFY_SHOP_URL");
        var token = env.Required("SHOPIFY_ACCESS_TOKEN");
        var version = env.Optional("SHOPIFY_API_VERSION", DefaultApiVersion);
        if (!System.Text.RegularExpressions.Regex.IsMatch(version, @"^(\d{4}-\d{2}|unstable)$"))
            env.Problem($"SHOPIFY_API_VERSION must look like 2025-07 (got \"{version}\")");
        return new ShopifySettings
        {
            ShopUrl = NormalizeShop(shop, env),
            AccessToken = token,
            ApiVersion = version,
        };
    }

    /// <summary>Accepts "acme-brew", "acme-brew.myshopify.com" or a full URL, as people paste all three.</summary>
    private static Uri NormalizeShop(string shop, EnvConfig env)
    {
        if (shop.Length == 0)
            return new Uri("https://invalid.myshopify.com");
        var text = shop.Trim().TrimEnd('/');
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "https://" + (text.Contains('.') ? text : $"{text}.myshopify.com");
        if (text.EndsWith("/admin", StringComparison.OrdinalIgnoreCase))
            text = text[..^6];
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        env.Problem($"SHOPIFY_SHOP_URL must be your store's address, e.g. https://your-store.myshopify.com (got \"{shop}\")");
        return new Uri("https://invalid.myshopify.com");
    }
}
