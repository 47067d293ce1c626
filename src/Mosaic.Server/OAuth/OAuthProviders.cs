using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>The built-in sources' providers (docs/oauth.md), by provider id and by source id.</summary>
public sealed class OAuthProviders
{
    public IReadOnlyList<OAuthProvider> All { get; } =
    [new SlackProvider(), new GitHubProvider(), new GoogleProvider(), new AtlassianProvider(), new ShopifyProvider()];

    public OAuthProvider? Find(string providerId) => All.FirstOrDefault(p => p.Id == providerId);

    public OAuthProvider? ForSource(string sourceId) => All.FirstOrDefault(p => p.SourceId == sourceId);
}
