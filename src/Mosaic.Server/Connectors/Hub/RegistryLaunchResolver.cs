using Microsoft.Extensions.Options;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The hub's view of the registry, the admin's source settings and the vault: which program or URL a source runs,
/// with the fields <see cref="UsableSources.SetupAsync"/> gives (shared or the user's own credentials, fixed settings
/// over them), the egress the admin's fixed hosts open, and the tool policy. Read through <see cref="SetupCache"/>, which
/// keeps each user's setup until a change to it is noticed (on any replica), and built into a launch once per setup.
/// </summary>
internal sealed class RegistryLaunchResolver(
    SourceRegistry registry,
    SetupCache setups,
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

        ResolvedSetup resolved;
        try
        {
            resolved = await setups.GetAsync(userId, source, ct);
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
        var setup = resolved.Setup;
        if (setup.Fields is null)
            throw new McpHubException(setup.Failure ?? McpHubFailure.NotConfigured, datasource, setup.Problem ?? "");
        // The same instance for as long as the setup is kept: its hashes are computed once (McpLaunchSpec).
        return resolved.Launch ??= ConnectorLaunch.ToSpec(source, setup.Fields, locator, sqliteFiles.OperatorValues, options.Value) with
        {
            Policy = setup.Policy.Tools,
            Egress = setup.Policy.EgressEntries(source),
        };
    }
}
