using System.Diagnostics;
using System.Text.Json;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Agent;

/// <summary>A validated agent question: the endpoint checked the input, the sources and the session's owner.</summary>
/// <param name="Sources">Sources the caller chose; null: detect them.</param>
public sealed record AgentQuestion(string UserId, string SessionId, string Query, IReadOnlyList<string>? Sources);

/// <summary>
/// The multi-source flow (docs/architecture.md#the-agent): plan → one <see cref="ChatService"/> run per source, all at once, each
/// with its own timeout → <see cref="ResultSynthesizer"/> → <see cref="MultiSourceResponse"/>. A slow or
/// failing source never holds up or breaks the others: it is reported in failed_sources.
/// </summary>
public sealed class AgentOrchestrator(
    AgentSources sources,
    SourceDetector detector,
    ISourcePlanner planner,
    SourceRunner runner,
    ResultSynthesizer synthesizer,
    ChatHistoryStore history,
    LlmProvider llm,
    TimeProvider time
)
{
    public async Task<MultiSourceResponse> RunAsync(
        AgentQuestion q,
        IEventSink<AgentEvent> events,
        bool canAskApproval,
        CancellationToken ct
    )
    {
        var started = Stopwatch.GetTimestamp();
        var askedAt = time.GetUtcNow().UtcDateTime;
        await events.EmitAsync(new AgentSessionEvent(q.SessionId), ct);
        // Stored before planning (which may ask the model): if the process dies from here on, history keeps the question.
        var pending = await history.BeginTurnAsync(q.UserId, q.SessionId, AgentMetadata.Datasource, q.Query, askedAt, ct);
        MultiSourceResponse response;
        string metadata;
        try
        {
            (response, metadata) = await AnswerAsync(q, events, canAskApproval, started, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await history.FinishTurnAsync(
                pending,
                "(stopped before an answer)",
                null,
                time.GetUtcNow().UtcDateTime,
                CancellationToken.None
            );
            throw;
        }
        catch (Exception)
        {
            // Unexpected (the caller logs it): stored as failed rather than left in progress.
            await history.FinishTurnAsync(
                pending,
                "Something went wrong on the server; it has been logged.",
                null,
                time.GetUtcNow().UtcDateTime,
                CancellationToken.None
            );
            throw;
        }
        await history.FinishTurnAsync(pending, response.Response, metadata, time.GetUtcNow().UtcDateTime, ct);
        await events.EmitAsync(new AgentDoneEvent(response), ct);
        return response;
    }

    /// <summary>Plan → ask the sources → synthesize; with the chat_history.metadata to store beside the answer.</summary>
    private async Task<(MultiSourceResponse, string)> AnswerAsync(
        AgentQuestion q,
        IEventSink<AgentEvent> events,
        bool canAskApproval,
        long started,
        CancellationToken ct
    )
    {
        await events.EmitAsync(new PlanningEvent("Choosing the sources to ask…"), ct);
        var usable = await sources.UsableAsync(q.UserId, ct);
        var plan = await PlanAsync(q, usable, ct);
        await events.EmitAsync(new PlanCompleteEvent(plan.Sources, plan.Reasoning), ct);

        var byId = usable.ToDictionary(s => s.Id);
        var runs = plan.Sources.Select(p =>
            runner.RunAsync(q.UserId, q.SessionId, byId[p.Source], q.Query, p.Call, canAskApproval, events, ct)
        );
        var results = await Task.WhenAll(runs);

        await events.EmitAsync(new SynthesizingEvent(), ct);
        var (text, method) =
            results.Length == 0
                ? (
                    "None of your configured sources fits this question. Add credentials under Data sources, or name the sources to ask.",
                    "none"
                )
                : await synthesizer.SynthesizeAsync(q.Query, results, events, ct);
        var response = new MultiSourceResponse(
            text,
            results,
            results.Where(r => r.Success).Select(r => r.Source).ToList(),
            results.Where(r => !r.Success).Select(r => r.Source).ToList(),
            plan,
            q.SessionId,
            method,
            Durations.Ms(Stopwatch.GetElapsedTime(started))
        );

        var metadata = JsonSerializer.Serialize(
            new AgentMetadata(
                response.Plan,
                response.SuccessfulSources,
                response.FailedSources,
                results.Select(r => new AgentSourceSummary(r.Source, r.Success, r.ToolsUsed, r.Error, r.DurationMs)).ToList(),
                method,
                llm.Name,
                response.DurationMs
            ),
            MetadataJson
        );
        return (response, metadata);
    }

    private static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public async Task<AgentPlan> PlanAsync(AgentQuestion q, IReadOnlyList<SourceDefinition> usable, CancellationToken ct)
    {
        IReadOnlyList<SourceRelevance> chosen;
        string method,
            reasoning;
        if (q.Sources is { Count: > 0 } named)
        {
            chosen = named.Distinct().Select(s => new SourceRelevance(s, 1, "Asked for by name.")).ToList();
            (method, reasoning) = ("explicit", $"Asking the sources you chose: {string.Join(", ", chosen.Select(c => c.Source))}.");
        }
        else
        {
            var detected = await detector.DetectAsync(q.UserId, q.Query, usable, ct);
            chosen = detected.RelevantSources;
            method = detected.Method;
            reasoning =
                chosen.Count == 0
                    ? "No configured source fits this question."
                    : $"{(method == "model" ? "The model" : "Keyword and entity matching")} picked "
                        + $"{string.Join(", ", chosen.Select(c => $"{c.Source} ({c.Confidence:0.00})"))}.";
        }
        var byId = usable.ToDictionary(s => s.Id);
        var planned = new List<PlannedSource>();
        foreach (var c in chosen.Where(c => byId.ContainsKey(c.Source)))
        {
            var source = byId[c.Source];
            var call = await planner.PlanCallAsync(q.UserId, q.Query, source, ct);
            planned.Add(new PlannedSource(source.Id, source.Name, c.Confidence, c.Reasoning, call?.Label ?? q.Query) { Call = call });
        }
        return new AgentPlan(planned, reasoning, method);
    }
}

/// <summary>What chat_history.metadata keeps for an agent answer.</summary>
public sealed record AgentMetadata(
    AgentPlan Plan,
    IReadOnlyList<string> SuccessfulSources,
    IReadOnlyList<string> FailedSources,
    IReadOnlyList<AgentSourceSummary> Sources,
    string Synthesis,
    string Provider,
    double DurationMs
)
{
    /// <summary>The chat_history.datasource of agent turns.</summary>
    public const string Datasource = "agent";
}

public sealed record AgentSourceSummary(string Source, bool Success, IReadOnlyList<string> ToolsUsed, string? Error, double DurationMs);
