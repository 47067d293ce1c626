using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.OAuth;

/// <summary>
/// The hub's <see cref="IToolCredentialRefresh"/> for OAuth connections: a tool whose access token the provider refused gets
/// one refresh (single-flight, like every refresh) and one more call; a refused refresh answers with the reconnect sentence.
/// Pasted credentials are left as they are. Singleton; each call gets a scope (the vault uses a DbContext).
/// </summary>
public sealed class OAuthToolRefresh(SourceRegistry registry, IServiceScopeFactory scopes, SetupCache setups) : IToolCredentialRefresh
{
    public async Task<CredentialRefresh> RefreshAsync(string userId, string datasource, CancellationToken ct)
    {
        if (registry.Find(datasource) is null)
            return CredentialRefresh.None;
        await using var scope = scopes.CreateAsyncScope();
        var policy = await scope.ServiceProvider.GetRequiredService<SourcePolicies>().ForAsync(datasource, ct);
        var row = await scope.ServiceProvider.GetRequiredService<OAuthVault>().FindAsync(policy.Shared ? null : userId, datasource, ct);
        if (row is not { IsOAuth: true })
            return CredentialRefresh.None;
        var fresh = await scope.ServiceProvider.GetRequiredService<OAuthRefresher>().FreshAsync(row, policy.FixedSettings, force: true, ct);
        if (fresh.Changed)
            setups.Forget(row.UserId, datasource); // the kept setup has the refused token; the retry reads the new one
        return fresh.Reconnect is { } sentence ? new CredentialRefresh(false, sentence) : new CredentialRefresh(fresh.Changed, null);
    }
}
