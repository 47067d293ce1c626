using System.Diagnostics;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Sources;
using Mosaic.Server.Telemetry;

namespace Mosaic.Server.Agent;

/// <summary>
/// Asks one source through <see cref="ChatService"/> (its own DI scope, so parallel runs never share a
/// DbContext), with its own timeout, and relays what it does (tools, approvals) as agent events. Never
/// throws for the source's sake: a failure, a timeout or a crash becomes a failed <see cref="SourceResult"/>.
/// A run is <see cref="Start"/>ed as soon as the sources are chosen (its planning lookups begin then, alongside every
/// other source's), then <see cref="RunAsync"/> asks it once the plan is announced.
/// </summary>
public sealed class SourceRunner(
    IServiceScopeFactory scopes,
    ISourcePlanner planner,
    AgentSettings settings,
    ChatSettings chat,
    ILogger<SourceRunner> logger
)
{
    /// <summary>
    /// Starts the source's clock and time limit, and plans its call: a plan that looks something up first (GitHub's
    /// repository, Slack's people) runs from here inside the source's own time, never ahead of the other sources.
    /// </summary>
    public SourceRun Start(string userId, string query, SourceDefinition source, SourceRelevance relevance, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(settings.SourceTimeout);
        Task<PlannedCall?> call;
        try
        {
            call = planner.PlanCallAsync(userId, query, source, limit.Token).AsTask();
        }
        catch (Exception e)
        {
            call = Task.FromException<PlannedCall?>(e); // reported by RunAsync, as the source's own failure
        }
        return new SourceRun(source, relevance, started, limit, call);
    }

    /// <summary>Asks the source; the run is disposed when it ends.</summary>
    public async Task<SourceResult> RunAsync(
        SourceRun run,
        AgentQuestion q,
        bool canAskApproval,
        IEventSink<AgentEvent> events,
        CancellationToken ct
    )
    {
        using var owned = run;
        var (source, limit, started) = (run.Source, run.Limit, run.Started);
        using var span = MosaicTelemetry.Start(MosaicTelemetry.Spans.AgentSource, source.Id)?.SetStartTime(run.StartedAt);
        await events.EmitAsync(new SourceStartEvent(source.Id), ct);

        ChatTurnResult? result = null;
        string? error = null;
        try
        {
            // Planned since the run started; its lookups overlapped the other sources' runs.
            var call = await run.Call;
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ChatService>();
            var relay = new SourceEvents(source.Id, events, limit, settings.SourceTimeout, chat.ApprovalTimeout);
            var turn = new ChatTurn(q.UserId, source.Id, null, canAskApproval, relay);
            // The session as the endpoint read it: every source's turn shares that one read of the history.
            var asked = new ChatQuestion(q.UserId, q.SessionId, source, q.Query, Persist: false, call) { Session = q.Session };
            result = await service.RunAsync(asked, turn, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        { /* reported below */
        }
        catch (Exception e)
        {
            logger.LogError(e, "Agent run of {Datasource} failed", source.Id);
            error = $"{source.Name} failed unexpectedly; it has been logged.";
        }
        ct.ThrowIfCancellationRequested();

        var metadata = result is { Answered: true } ? result.Metadata : null;
        error ??= result?.Error?.Error;
        if (limit.IsCancellationRequested && metadata is null)
            error = $"{source.Name} did not answer within {settings.SourceTimeout.TotalSeconds:0} seconds.";
        else if (metadata?.Error is { } failed)
            error ??= failed;
        var elapsed = Durations.Ms(Stopwatch.GetElapsedTime(started));
        var answer = result?.Text.Trim() ?? "";
        var success = error is null && metadata is not null;
        var tools = metadata?.ToolsUsed.Select(u => u.Tool).ToList() ?? [];
        // A source whose every tool call failed has nothing to contribute, whatever it said about it.
        if (success && metadata!.ToolsUsed.Count > 0 && metadata.ToolsUsed.All(u => !u.Success))
        {
            success = false;
            error = metadata.ToolsUsed.Last().Error ?? $"{source.Name}'s tools failed.";
        }
        span.End(
            success ? MosaicTelemetry.Outcomes.Ok
            : limit.IsCancellationRequested ? "timeout"
            : MosaicTelemetry.Outcomes.Error
        );
        await events.EmitAsync(new SourceCompleteEvent(source.Id, success, error, elapsed), ct);
        return new SourceResult(source.Id, source.Name, success, answer, error, tools, AnswerLinks.From(answer), elapsed);
    }

    /// <summary>
    /// The chat turn's events as this source's agent events: tools and approvals, with <c>source</c> added. The rest
    /// (text, thinking, done, error) is not relayed: the agent reads the turn's result.
    /// </summary>
    private sealed class SourceEvents(
        string source,
        IEventSink<AgentEvent> agent,
        CancellationTokenSource limit,
        TimeSpan timeout,
        TimeSpan approvalTimeout
    ) : IEventSink<ChatEvent>
    {
        public ValueTask EmitAsync(ChatEvent e, CancellationToken ct)
        {
            switch (e)
            {
                case ToolStartEvent t:
                    return agent.EmitAsync(new SourceToolStartEvent(source, t.Tool, t.Arguments), ct);
                case ToolEndEvent t:
                    return agent.EmitAsync(new SourceToolEndEvent(source, t.Tool, t.Success, t.DurationMs, t.Error), ct);
                case ApprovalRequiredEvent a:
                    // A person may take a while to answer: the source's clock waits for them.
                    limit.CancelAfter(timeout + approvalTimeout);
                    return agent.EmitAsync(new SourceApprovalRequiredEvent(source, a.ApprovalId, a.Tool, a.Arguments, a.ExpiresAt), ct);
                case ApprovalResolvedEvent a:
                    limit.CancelAfter(timeout);
                    return agent.EmitAsync(new SourceApprovalResolvedEvent(source, a.ApprovalId, a.Status), ct);
                default:
                    return ValueTask.CompletedTask;
            }
        }
    }
}
