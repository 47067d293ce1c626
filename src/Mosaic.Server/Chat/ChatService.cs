using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Agent;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Llm;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Sources;
using Mosaic.Server.Telemetry;

namespace Mosaic.Server.Chat;

/// <summary>A validated question: the endpoint has checked the input and that the session is the caller's.</summary>
/// <param name="Persist">False when the caller keeps the history itself (the agent saves one turn for all its sources);
/// it reads the turn's <see cref="ChatTurnResult"/>.</param>
/// <param name="Call">The agent's planned call (Offline): made directly instead of routing the message.</param>
public sealed record ChatQuestion(
    string UserId,
    string SessionId,
    SourceDefinition Source,
    string Message,
    bool Persist = true,
    PlannedCall? Call = null
)
{
    /// <summary>The session as the endpoint read it (owner, name, prior messages); null: the turn reads it.</summary>
    public SessionContext? Session { get; init; }
}

/// <summary>
/// Single-source chat (docs/architecture.md#single-source-chat): credentials → tools → route → system prompt → history → the
/// streaming tool loop → chat_history. Every outcome ends the turn's events with done or error, and comes back as
/// its <see cref="ChatTurnResult"/>; a cancelled or crashed turn is stored, then its exception goes to the caller.
/// </summary>
public sealed class ChatService(
    SetupCache setups,
    IMcpHub hub,
    LlmProvider llm,
    IToolRouter router,
    ISourcePlanner planner,
    ToolLoop loop,
    PromptService prompts,
    ChatHistoryStore history,
    ChatSettings settings,
    TimeProvider time,
    ILogger<ChatService> logger
)
{
    private const string Stopped = "cancelled"; // the Outcome.Failure of a turn the client left

    public async Task<ChatTurnResult> RunAsync(ChatQuestion q, ChatTurn turn, CancellationToken ct)
    {
        var stored = new StrongBox<bool>();
        try
        {
            return await AskAsync(q, turn, stored, ct);
        }
        catch (Exception e) when (DatabaseFailure.Of(e) is { } failure && !ct.IsCancellationRequested)
        {
            // The database went away (or its disk filled up): say so, and whether the question was kept.
            logger.LogWarning("Chat turn for {Datasource} ended: {Title} ({Error})", q.Source.Id, failure.Title, e.Message);
            var said = stored.Value
                ? $"{failure.Title}: the answer could not be saved. Your question is kept in the history; ask again to get an answer."
                : $"{failure.Title}: your question was not saved or answered. {failure.Detail}";
            var error = new ErrorEvent(said, DatabaseFailure.Code) { RetryAfter = failure.RetryAfterSeconds };
            await turn.EmitAsync(error, ct);
            return new ChatTurnResult("", null, error);
        }
    }

    /// <param name="stored">Set once the question is in chat_history.</param>
    private async Task<ChatTurnResult> AskAsync(ChatQuestion q, ChatTurn turn, StrongBox<bool> stored, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var askedAt = time.GetUtcNow().UtcDateTime;
        // The turn's span: its tags say which source, tier and how it ended; the question itself stays out.
        using var span = MosaicTelemetry.Start(MosaicTelemetry.Spans.Turn, q.Source.Id);
        await turn.EmitAsync(new SessionIdEvent(q.SessionId), ct);

        // Switched off by the admin, or not connected (shared) / configured (personal): said before anything is stored.
        // One view of the user's credentials for the whole turn (the hub's listing and call read the same kept setup).
        using var view = SetupCache.BeginTurn();
        SourceSetup setup;
        using (MosaicTelemetry.Start(MosaicTelemetry.Spans.Resolve, q.Source.Id))
            setup = (await setups.GetAsync(q.UserId, q.Source, ct)).Setup;
        if (setup.Fields is null)
        {
            var unavailable = new ErrorEvent(
                setup.Problem ?? "",
                setup.Failure == McpHubFailure.UnknownSource ? ErrorCodes.SourceUnavailable : ErrorCodes.NotConfigured
            );
            await turn.EmitAsync(unavailable, ct);
            span.End(unavailable.Code);
            return new ChatTurnResult("", null, unavailable);
        }
        var said = new Transcript(turn.Events);
        // Only the saved defaults (default_project…) travel with the turn: a shared connection's secrets stay in the hub.
        turn = turn with { CredentialFields = ParameterInjection.Defaults(setup.Fields), Events = said, SessionId = q.SessionId };

        // Stored before any tool or model work: if the process dies from here on, history keeps the question.
        PendingTurn? pending = null;
        if (q.Persist)
            using (MosaicTelemetry.Start(MosaicTelemetry.Spans.Save, q.Source.Id))
                pending = await history.BeginTurnAsync(q.UserId, q.SessionId, q.Source.Id, q.Message, askedAt, ct);
        stored.Value = pending is not null;
        var progress = new Progress();
        Outcome outcome;
        try
        {
            outcome = await AnswerAsync(q, turn, progress, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: keep the question and what was said so far, then stop.
            await FinishAsync(q, pending, started, progress, new Outcome(null, Stopped), CancellationToken.None);
            span.End(MosaicTelemetry.Outcomes.Cancelled);
            throw;
        }
        catch (Exception e)
        {
            // Unexpected (the caller logs it): the turn is stored as failed rather than left in progress.
            var reason = DatabaseFailure.Of(e) is { } db ? $"{db.Title}: no answer was given." : EventStream.UnexpectedError;
            var failed = new Outcome(null, reason);
            await FinishAsync(q, pending, started, progress, failed, CancellationToken.None);
            span.End(MosaicTelemetry.Outcomes.Error);
            throw;
        }

        var metadata = await FinishAsync(q, pending, started, progress, outcome, ct);
        var error = outcome.Failure is null ? null : outcome.Error ?? new ErrorEvent(outcome.Failure, ErrorCodes.Internal);
        span?.SetTag(MosaicTelemetry.Tags.Tier, metadata.Tier)
            .SetTag(MosaicTelemetry.Tags.Provider, metadata.Provider)
            .SetTag(MosaicTelemetry.Tags.TokensIn, metadata.Tokens.Input)
            .SetTag(MosaicTelemetry.Tags.TokensOut, metadata.Tokens.Output)
            .SetTag(MosaicTelemetry.Tags.Rounds, metadata.Rounds);
        span.End(error?.Code ?? MosaicTelemetry.Outcomes.Ok);
        if (error is not null)
            await turn.EmitAsync(error, ct);
        else
            await turn.EmitAsync(new DoneEvent(metadata), ct);
        return new ChatTurnResult(said.Text, metadata, error);
    }

    /// <summary>Tools → route → prompt and history → the tool loop. Failures a person can act on come back as the outcome.</summary>
    private async Task<Outcome> AnswerAsync(ChatQuestion q, ChatTurn turn, Progress progress, CancellationToken ct)
    {
        await turn.EmitAsync(new ThinkingStartEvent(), ct);
        await turn.EmitAsync(new ThinkingEvent($"Loading the {q.Source.Name} tools…"), ct);
        IReadOnlyList<McpToolDeclaration> tools;
        try
        {
            tools = (await hub.ListToolsAsync(q.UserId, q.Source.Id, ct)).Select(t => new McpToolDeclaration(t)).ToList();
        }
        catch (McpHubException e) when (!ct.IsCancellationRequested)
        {
            await turn.EmitAsync(new ThinkingEndEvent(), ct);
            if (ConnectRequiredEvent.From(e) is { } connect)
                await turn.EmitAsync(connect, ct); // before the error: the UI shows Connect beside it
            return new Outcome(null, e.Message, ErrorEvent.From(e));
        }

        RoutePlan plan;
        using (var routing = MosaicTelemetry.Start(MosaicTelemetry.Spans.Route, q.Source.Id))
        {
            plan = progress.Plan = await RouteAsync(q, tools, turn, ct);
            routing?.SetTag(MosaicTelemetry.Tags.Tier, plan.Tier).SetTag("mosaic.tools_offered", plan.Tools.Count);
            routing?.SetTag(MosaicTelemetry.Tags.Tool, plan.DirectTool?.Name);
        }
        await turn.EmitAsync(new ThinkingEvent($"Routing ({plan.Tier}): {plan.Reason}."), ct);
        await turn.EmitAsync(new ThinkingEndEvent(), ct);

        List<ChatMessage> messages;
        using (MosaicTelemetry.Start(MosaicTelemetry.Spans.History, q.Source.Id))
        {
            var session = q.Session ?? await history.OpenAsync(q.UserId, q.SessionId, settings.HistoryMessages, ct);
            messages = [new(ChatRole.System, prompts.Build(q.Source, session.UserName, plan.Tools)), .. session.Recent];
        }
        messages.Add(new ChatMessage(ChatRole.User, q.Message));
        try
        {
            if (plan.DirectTool is { } direct)
                await loop.RunDirectCallAsync(turn, direct, plan.DirectArguments ?? [], messages, progress.Uses, ct, plan.Answer);
            return new Outcome(await loop.RunAsync(turn, llm.Chat, messages, plan.Tools, progress.Uses, ct), null);
        }
        catch (McpHubException e) when (e.Failure == McpHubFailure.AtCapacity)
        {
            return new Outcome(null, e.Message, ErrorEvent.From(e)); // every session busy: "try again in N s", not a model failure
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Chat turn failed for {Datasource} ({Provider})", q.Source.Id, llm.Name);
            var failure = $"The {llm.Name} model call failed: {TextClip.Ellipsize(e.Message, 300)}";
            return new Outcome(null, failure, new ErrorEvent(failure, ErrorCodes.ModelFailed));
        }
    }

    /// <summary>
    /// The agent's planned call, else (Offline) the source's own plan for the question, else the router. A source's
    /// catch-all plan (a search) yields to the router's tool matching, and is made only when no tool's words fit.
    /// </summary>
    private async Task<RoutePlan> RouteAsync(ChatQuestion q, IReadOnlyList<McpToolDeclaration> tools, ChatTurn turn, CancellationToken ct)
    {
        var planned = q.Call ?? await planner.PlanCallAsync(q.UserId, q.Message, q.Source, ct);
        if ((q.Call is not null || planned is { Fallback: false }) && DirectTier.Planned(planned, tools) is { } direct)
            return direct;
        var routed = await router.RouteAsync(q.Message, tools, Routes(q.Source), turn.CredentialFields, ct);
        if (DirectTier.Planned(planned, tools) is not { } search)
            return routed;
        // The search beats a keyword route to the same tool (which knows fewer arguments), and a tool match
        // that lacks what the tool needs (which would only ask for it).
        if (routed.DirectTool?.Name == search.DirectTool?.Name)
            return search;
        var match = routed.Tier == RouteTiers.Offline ? ToolMatcher.Best(q.Message, tools) : null;
        var unusable = match is null || match.Tool.Schema.Required.Any(p => !match.Arguments.ContainsKey(p.Name));
        return routed.Tier == RouteTiers.Offline && unusable ? search : routed;
    }

    private async Task<ChatMetadata> FinishAsync(
        ChatQuestion q,
        PendingTurn? pending,
        long started,
        Progress progress,
        Outcome outcome,
        CancellationToken ct
    )
    {
        var (result, failure) = (outcome.Result, outcome.Failure);
        var metadata = new ChatMetadata
        {
            Datasource = q.Source.Id,
            ToolsUsed = progress.Uses,
            Tier = progress.Plan?.Tier ?? "none",
            Provider = llm.Name,
            Model = llm.Model,
            Tokens = result?.Tokens ?? new TokenUsage(0, 0),
            DurationMs = Durations.Ms(time.GetElapsedTime(started)),
            Rounds = result?.Rounds ?? 0,
            Cancelled = failure == Stopped,
            Error = failure is Stopped ? null : failure,
        };
        MosaicMetrics.LlmTokens(metadata.Provider, metadata.Tokens.Input, metadata.Tokens.Output);
        if (pending is null)
            return metadata;
        var answer =
            result?.Text is { Length: > 0 } text ? text
            : failure == Stopped ? "(stopped before an answer)"
            : failure ?? "";
        using (MosaicTelemetry.Start(MosaicTelemetry.Spans.Save, q.Source.Id))
            await history.FinishTurnAsync(pending, answer, JsonSerializer.Serialize(metadata), time.GetUtcNow().UtcDateTime, ct);
        return metadata;
    }

    /// <summary>What the turn got to before it ended, for the stored metadata.</summary>
    private sealed class Progress
    {
        public RoutePlan? Plan { get; set; }
        public List<ToolUse> Uses { get; } = [];
    }

    /// <param name="Failure">Null on success; the error a person reads, or <see cref="Stopped"/>.</param>
    /// <param name="Error">The stream's error event for that failure (its code, and when to retry).</param>
    private sealed record Outcome(LoopResult? Result, string? Failure, ErrorEvent? Error = null);

    private static IReadOnlyList<DirectRoute> Routes(SourceDefinition source) =>
        source.DirectRouting.Select(r => new DirectRoute(r.Keywords, r.Tool)).ToList();

    /// <summary>Passes the turn's events on and keeps what it said, for the result.</summary>
    private sealed class Transcript(IEventSink<ChatEvent> events) : IEventSink<ChatEvent>
    {
        private readonly StringBuilder _text = new();

        public string Text => _text.ToString();

        public ValueTask EmitAsync(ChatEvent e, CancellationToken ct)
        {
            if (e is ChunkEvent chunk)
                _text.Append(chunk.Content);
            return events.EmitAsync(e, ct);
        }
    }
}
