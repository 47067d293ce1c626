using System.Diagnostics;
using System.Text.Json;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Agent;

/// <summary>A validated agent question: the endpoint checked the input, the sources and the session's owner.</summary>
/// <param name="Sources">Sources the caller chose; null: detect them.</param>
public sealed record AgentQuestion(string UserId, string SessionId, string Query, IReadOnlyList<string>? Sources)
{
    /// <summary>The session as the endpoint read it (owner, name, prior messages), shared by every source's turn.</summary>
    public SessionContext? Session { get; init; }
}

/// <summary>
/// The multi-source flow (docs/architecture.md#the-agent): choose the sources → one <see cref="SourceRunner"/> run per source, all
/// at once, each planning its own call and with its own timeout → <see cref="ResultSynthesizer"/> → <see cref="MultiSourceResponse"/>.
/// A slow or failing source (or a slow lookup in its plan) never holds up or breaks the others: it is reported in failed_sources.
/// </summary>
public sealed class AgentOrchestrator(
    AgentSources sources,
    SourceDetector detector,
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
        var (chosen, reasoning, chosenBy) = await ChooseAsync(q, usable, ct);
        // Every source starts now; a plan that looks something up first (GitHub's repository) does so inside its own run.
        var runs = chosen.Select(c => runner.Start(q.UserId, q.Query, c.Source, c.Relevance, ct)).ToList();
        try
        {
            await events.EmitAsync(new PlanCompleteEvent(runs.Select(r => r.Planned(q.Query)).ToList(), reasoning), ct);
        }
        catch
        {
            runs.ForEach(r => r.Dispose()); // no run will ask its source: end the lookups already under way
            throw;
        }
        // Each on the thread pool: a run whose calls are cached completes without yielding, and would hold up the next.
        var results = await Task.WhenAll(runs.Select(r => Task.Run(() => runner.RunAsync(r, q, canAskApproval, events, ct))));
        // Each source as it was asked: its call's label now that every plan is made.
        var plan = new AgentPlan(runs.Select(r => r.Planned(q.Query)).ToList(), reasoning, chosenBy);

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

    /// <summary>The usable sources to ask, most relevant first, with why; and how they were chosen.</summary>
    private async Task<(List<(SourceDefinition Source, SourceRelevance Relevance)>, string Reasoning, string Method)> ChooseAsync(
        AgentQuestion q,
        IReadOnlyList<SourceDefinition> usable,
        CancellationToken ct
    )
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
        var known = chosen.Where(c => byId.ContainsKey(c.Source)).Select(c => (byId[c.Source], c)).ToList();
        return (known, reasoning, method);
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
