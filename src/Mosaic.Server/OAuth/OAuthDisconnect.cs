using Mosaic.Server.Connectors;
using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>
/// Disconnecting an OAuth connection revokes it at the provider first, where the provider offers revocation (Google,
/// GitHub, Slack, Shopify; not Atlassian). Best effort: a failure is logged without any token and the caller deletes the
/// row anyway. Pasted credentials are not touched here. Scoped.
/// </summary>
public sealed class OAuthDisconnect(
    OAuthVault vault,
    OAuthApps apps,
    OAuthProviders providers,
    OAuthEnvironment environment,
    OAuthTokenRequests tokens,
    SourcePolicies policies,
    ILogger<OAuthDisconnect> logger
)
{
    /// <param name="userId">Null for the workspace's shared connection.</param>
    public async Task RevokeAsync(string? userId, string datasource, CancellationToken ct)
    {
        try
        {
            var row = await vault.FindAsync(userId, datasource, ct);
            if (row is not { IsOAuth: true } || providers.ForSource(datasource) is not { } provider)
                return;
            if (await apps.FindAsync(provider, ct) is not { } app)
            {
                logger.LogWarning(
                    "The {Provider} OAuth app is gone: the {Datasource} connection is deleted without revoking it",
                    provider.Id,
                    datasource
                );
                return;
            }
            var fields = new Dictionary<string, string>(row.Fields, StringComparer.Ordinal);
            foreach (var (name, value) in (await policies.ForAsync(datasource, ct)).FixedSettings)
                fields[name] = value;
            var place = OAuthPlaces.For(provider, environment, fields);
            if (await provider.RevokeAsync(tokens, new OAuthRefreshContext(app, provider.Urls(place), fields, place), ct))
                logger.LogInformation(
                    "Revoked the {Datasource} connection of {Owner} at {Provider}",
                    datasource,
                    userId ?? "the workspace",
                    provider.Id
                );
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The message names a status or an error code, never a token.
            logger.LogWarning("Revoking the {Datasource} connection failed, deleting it anyway: {Error}", datasource, e.Message);
        }
    }
}
