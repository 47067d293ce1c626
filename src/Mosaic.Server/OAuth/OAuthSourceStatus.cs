using Mosaic.Server.Connectors;

namespace Mosaic.Server.OAuth;

/// <summary>How a source can be connected with one click, in GET /api/datasources.</summary>
/// <param name="Provider">slack, github, google, atlassian or shopify; <c>mcp</c> for a remote MCP server with
/// <c>"auth": "oauth"</c> (its own authorization server, found by discovery, nothing for an admin to set up).</param>
/// <param name="ProviderName">The provider as a person knows it ("Google").</param>
/// <param name="Ready">An OAuth app is configured: Connect can work.</param>
/// <param name="NeedsShop">Shopify with no shop fixed by the admin: the member names the shop (acme.myshopify.com).</param>
public sealed record SourceOAuth(string Provider, string ProviderName, bool Ready, bool NeedsShop);

/// <summary>One user's view of each source's one-click connection: whether it offers one, how the saved row was made, and
/// whether it needs connecting again. Scoped.</summary>
public sealed class OAuthSourceStatus(OAuthProviders providers, OAuthApps apps, OAuthEnvironment environment, OAuthVault vault)
{
    public async Task<Func<SourceAvailability, (SourceOAuth? OAuth, string? Auth, string? Reconnect)>> ForUserAsync(
        string userId,
        CancellationToken ct
    )
    {
        var saved = await apps.SavedAsync(ct);
        var kinds = await vault.KindsAsync(userId, ct);
        return a =>
        {
            var policy = a.EffectivePolicy;
            var row = kinds.FirstOrDefault(k => k.Datasource == a.Source.Id && k.Shared == policy.Shared);
            var provider = a.Source.IsBuiltIn ? providers.ForSource(a.Source.Id) : null;
            // A shared source is the admin's to connect: a member gets no Connect button.
            var oauth =
                policy.Shared ? null
                : a.Source.McpOAuth is not null ? new SourceOAuth(Mcp.McpTokenFields.Provider, a.Source.Name, true, false)
                : provider is null ? null
                : new SourceOAuth(
                    provider.Id,
                    provider.Name,
                    saved.ContainsKey(provider.Id) || environment.App(provider) is not null,
                    provider.NeedsShop && !policy.IsFixed("shop_url")
                );
            var auth =
                row is null ? null
                : row.Auth == OAuthFields.Auth ? "oauth"
                : "fields";
            return (oauth, auth, row?.Reconnect);
        };
    }
}
