using Mosaic.Server.Credentials;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The hub's view of the registry and the vault: which program or URL a source runs, with the
/// user's decrypted credentials. The vault is scoped (it uses a DbContext), so each lookup gets a scope.
/// </summary>
internal sealed class RegistryLaunchResolver(
    SourceRegistry registry,
    IServiceScopeFactory scopes,
    BuiltInConnectorLocator locator,
    SqliteFileAccess sqliteFiles
) : IConnectorLaunchResolver
{
    public async Task<McpLaunchSpec> ResolveAsync(string userId, string datasource, CancellationToken ct)
    {
        var source = registry.Find(datasource);
        if (source is null || !source.Enabled)
            throw new McpHubException(McpHubFailure.UnknownSource, datasource, $"There is no datasource '{datasource}'.");

        await using var scope = scopes.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<CredentialVault>();
        IReadOnlyDictionary<string, string>? credentials;
        try
        {
            credentials = await vault.GetAsync(userId, datasource, ct);
        }
        catch (CredentialDecryptionException e)
        {
            throw new McpHubException(
                McpHubFailure.NotConfigured,
                datasource,
                $"The saved {source.Name} credentials cannot be decrypted; save them again.",
                e
            );
        }
        if (!UsableSources.CredentialsReady(source, saved: credentials is not null))
            throw new McpHubException(
                McpHubFailure.NotConfigured,
                datasource,
                $"{source.Name} is not set up for you yet; add its credentials first."
            );
        return ConnectorLaunch.ToSpec(source, credentials ?? new Dictionary<string, string>(), locator, sqliteFiles.OperatorValues);
    }
}
