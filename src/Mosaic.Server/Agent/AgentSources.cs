using Mosaic.Server.Connectors;

namespace Mosaic.Server.Agent;

/// <summary>The sources a user can ask, as <see cref="UsableSources"/> defines them.</summary>
public sealed class AgentSources(UsableSources sources)
{
    public Task<IReadOnlyList<SourceDefinition>> UsableAsync(string userId, CancellationToken ct) => sources.UsableAsync(userId, ct);

    public async Task<IReadOnlyList<AgentSourceInfo>> ListAsync(string userId, CancellationToken ct) =>
        [
            // A source the admin switched off is not there for members at all.
            .. (await sources.ForUserAsync(userId, ct))
                .Where(a => a.EffectivePolicy.Enabled)
                .Select(a => new AgentSourceInfo(
                    a.Source.Id,
                    a.Source.Name,
                    a.Source.Description,
                    a.Source.Icon,
                    a.Source.Enabled,
                    a.CredentialsReady
                )),
        ];
}
