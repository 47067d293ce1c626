using Mosaic.Server.Connectors;
using Mosaic.Server.OAuth;

namespace Mosaic.Server.Digest;

/// <summary>
/// The sources a digest leaves out because their connection needs the person (a refused OAuth refresh): named in the
/// digest with what connecting again brings back ("Reconnect Google to see your mail."), instead of failing silently.
/// </summary>
public sealed class DigestReconnects(OAuthVault vault, OAuthProviders providers)
{
    public async Task<IReadOnlyList<DigestReconnect>> ForUserAsync(
        string userId,
        IEnumerable<SourceAvailability> sources,
        CancellationToken ct
    )
    {
        var kinds = await vault.KindsAsync(userId, ct);
        return
        [
            .. sources
                .Where(a => kinds.Any(k => k.Datasource == a.Source.Id && k.Shared == a.EffectivePolicy.Shared && k.Reconnect is not null))
                .Select(a => new DigestReconnect(a.Source.Id, a.Source.Name, Message(a.Source))),
        ];
    }

    string Message(SourceDefinition source) =>
        providers.ForSource(source.Id) is { } p && source.IsBuiltIn
            ? $"Reconnect {p.Name} to see {p.WhatYouSee}."
            : $"Reconnect {source.Name}.";
}
