using Mosaic.Server.Audit;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Digest;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Agent;

/// <summary>
/// How the agent plans, chosen once where services are registered: <see cref="ModelSourcePlanner"/> when a model
/// is configured, else <see cref="OfflineSourcePlanner"/>.
/// </summary>
public interface ISourcePlanner
{
    /// <summary>The sources ranked for the question; null: rank them by their signals instead.</summary>
    Task<IReadOnlyList<SourceRelevance>?> RankAsync(string query, IReadOnlyList<SourceDefinition> sources, CancellationToken ct);

    /// <summary>The call that answers the question from one source; null: the source gets the question as asked.</summary>
    ValueTask<PlannedCall?> PlanCallAsync(string userId, string query, SourceDefinition source, CancellationToken ct);
}

/// <summary>
/// Offline mode has no model to rank sources or to turn a broad question into tool calls, so sources are ranked
/// by their signals and each built-in source plans the direct call that answers it; what-changed questions are every
/// source's <c>whats_new</c> (<see cref="WhatsNewPlan"/>). A custom source otherwise gets the question as asked.
/// </summary>
public sealed class OfflineSourcePlanner(IMcpHub hub, ToolCallAudit audit, TimeProvider time, ILogger<OfflineSourcePlanner> logger)
    : ISourcePlanner
{
    public Task<IReadOnlyList<SourceRelevance>?> RankAsync(string query, IReadOnlyList<SourceDefinition> sources, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SourceRelevance>?>(null);

    public async ValueTask<PlannedCall?> PlanCallAsync(string userId, string query, SourceDefinition source, CancellationToken ct)
    {
        var question = new OfflineQuestion(userId, query, audit.Recording(hub), logger, time.GetUtcNow());
        // What changed is every source's whats_new (a custom source's only when the operator vouched for it, as in the digest).
        if (DigestContext.MayJoin(source) && WhatsNewPlan.For(question, source.Name) is { } news)
            return news;
        return BuiltInSources.Find(source.Id) is { } builtIn ? await builtIn.PlanOfflineAsync(question, ct) : null;
    }
}
