using Mosaic.Server.Connectors;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Agent;

/// <summary>
/// One source's run from the moment the sources are chosen (<see cref="SourceRunner.Start"/>): its clock, its time
/// limit and its planned call, whose lookups run alongside the other sources' runs instead of before all of them.
/// </summary>
public sealed class SourceRun : IDisposable
{
    internal SourceRun(
        SourceDefinition source,
        SourceRelevance relevance,
        long started,
        CancellationTokenSource limit,
        Task<PlannedCall?> call
    )
    {
        Source = source;
        Relevance = relevance;
        Started = started;
        StartedAt = DateTime.UtcNow;
        Limit = limit;
        Call = call;
    }

    public SourceDefinition Source { get; }

    /// <summary>Why the source was chosen, and how confidently.</summary>
    public SourceRelevance Relevance { get; }

    /// <summary>When the run started (<see cref="System.Diagnostics.Stopwatch"/> ticks): its duration counts its planning.</summary>
    internal long Started { get; }

    /// <summary>The same moment on the clock, for the source's span.</summary>
    internal DateTime StartedAt { get; }

    /// <summary>The request's cancellation plus the source's own timeout; planning honours it too.</summary>
    internal CancellationTokenSource Limit { get; }

    /// <summary>The source's planned call; null: the source gets the question as asked.</summary>
    internal Task<PlannedCall?> Call { get; }

    /// <summary>
    /// How the plan shows this source: the call's label once it is planned, else the question as asked (while a lookup
    /// is still under way, or when there is no call).
    /// </summary>
    public PlannedSource Planned(string query)
    {
        var call = Call.IsCompletedSuccessfully ? Call.Result : null;
        return new PlannedSource(Source.Id, Source.Name, Relevance.Confidence, Relevance.Reasoning, call?.Label ?? query) { Call = call };
    }

    /// <summary>Ends the time limit; a lookup still under way (the run never got to ask) is cancelled.</summary>
    public void Dispose()
    {
        if (!Call.IsCompleted)
            Limit.Cancel();
        Limit.Dispose();
    }
}
