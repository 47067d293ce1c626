using Mosaic.Server.Connectors;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Agent;

/// <summary>The sources a user can ask: enabled, and either with saved credentials or needing none (some custom sources).</summary>
public sealed class AgentSources(ConnectorRegistry registry, CredentialVault vault)
{
    public async Task<IReadOnlyList<ConnectorDefinition>> UsableAsync(string userId, CancellationToken ct)
    {
        var configured = await vault.ConfiguredDatasourcesAsync(userId, ct);
        return registry.All.Where(c => c.Enabled && IsUsable(c, configured)).ToList();
    }

    public async Task<IReadOnlyList<AgentSourceInfo>> ListAsync(string userId, CancellationToken ct)
    {
        var configured = await vault.ConfiguredDatasourcesAsync(userId, ct);
        return registry.All.Select(c => new AgentSourceInfo(c.Id, c.Name, c.Description, c.Icon, c.Enabled, IsUsable(c, configured))).ToList();
    }

    private static bool IsUsable(ConnectorDefinition c, IReadOnlySet<string> configured) =>
        configured.Contains(c.Id) || (!c.IsBuiltIn && !c.CredentialFields.Any(f => f.Required));
}
