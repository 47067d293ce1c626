using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>Where a provider is for one connection: the operator's base URL, Shopify's shop, the connector's API URL.</summary>
public static class OAuthPlaces
{
    /// <param name="fields">The connection's fields with the admin's fixed settings over them.</param>
    public static OAuthPlace For(OAuthProvider provider, OAuthEnvironment environment, IReadOnlyDictionary<string, string> fields) =>
        new(environment.BaseUrl(provider), fields.GetValueOrDefault("shop_url"), fields.GetValueOrDefault("api_url"));
}
