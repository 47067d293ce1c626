using Microsoft.Extensions.Options;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The hub's view of the registry, the admin's source settings and the vault: which program or URL a source runs,
/// with the fields <see cref="UsableSources.SetupAsync"/> gives (shared or the user's own credentials, fixed settings
/// over them), the egress the admin's fixed hosts open, and the tool policy. Resolved on every hub request, so a
/// change counts at once on every replica. The vault is scoped (it uses a DbContext), so each lookup gets a scope.
/// </summary>
internal sealed class RegistryLaunchResolver(
    SourceRegistry registry,
    IServiceScopeFactory scopes,
    BuiltInConnectorLocator locator,
    SqliteFileAccess sqliteFiles,
    IOptions<McpHubOptions> options
) : IConnectorLaunchResolver
{
    public async Task<McpLaunchSpec> ResolveAsync(string userId, string datasource, CancellationToken ct)
    {
        var source = registry.Find(datasource);
        if (source is null)
            throw new McpHubException(McpHubFailure.UnknownSource, datasource, $"There is no datasource '{datasource}'.");

        await using var scope = scopes.CreateAsyncScope();
        SourceSetup setup;
        try
        {
            setup = await scope.ServiceProvider.GetRequiredService<UsableSources>().SetupAsync(userId, source, ct);
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
        if (setup.Fields is null)
            throw new McpHubException(setup.Failure ?? McpHubFailure.NotConfigured, datasource, setup.Problem ?? "");
        return ConnectorLaunch.ToSpec(source, setup.Fields, locator, sqliteFiles.OperatorValues, options.Value) with
        {
            Policy = setup.Policy.Tools,
            Egress = setup.Policy.EgressEntries(source),
        };
    }
}
