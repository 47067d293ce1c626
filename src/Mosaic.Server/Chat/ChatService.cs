using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Chat;

/// <summary>A validated question: the endpoint has checked the input and that the session is the caller's.</summary>
/// <param name="Persist">False when the caller keeps the history itself (the agent saves one turn for all its sources).</param>
public sealed record ChatQuestion(string UserId, string SessionId, ConnectorDefinition Source, string Message, bool Persist = true);

/// <summary>
/// Single-source chat (spec §3.2, §6.1): credentials → tools → route → system prompt → history → the
/// streaming tool loop → chat_history. Every outcome ends the stream with done or error.
/// </summary>
public sealed class ChatService(
    MosaicDbContext db, CredentialVault vault, IMcpHub hub, LlmProvider llm, ToolRouter router, ToolLoop loop,
    PromptService prompts, ChatHistoryStore history, ChatSettings settings, TimeProvider time, ILogger<ChatService> logger)
{
    public async Task RunAsync(ChatQuestion q, ChatTurn turn, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var askedAt = time.GetUtcNow().UtcDateTime;
        await turn.EmitAsync(new SessionIdEvent(q.SessionId), ct);

        var fields = await vault.GetAsync(q.UserId, q.Source.Id, ct);
        if (fields is null && q.Source.CredentialFields.Any(f => f.Required))
        {
            await turn.EmitAsync(new ErrorEvent($"{q.Source.Name} is not configured yet: add your credentials under Data sources, then ask again.", ErrorCodes.NotConfigured), ct);
            return;
        }
        turn = turn with { CredentialFields = fields };

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
            await turn.EmitAsync(ErrorEvent.From(e), ct);
            return;
        }

        var plan = await router.RouteAsync(q.Message, tools, Routes(q.Source), fields, ct);
        await turn.EmitAsync(new ThinkingEvent($"Routing ({plan.Tier}): {plan.Reason}."), ct);
        await turn.EmitAsync(new ThinkingEndEvent(), ct);

        var messages = new List<ChatMessage> { new(ChatRole.System, prompts.Build(q.Source, await UserNameAsync(q.UserId, ct), plan.Tools)) };
        messages.AddRange(await history.RecentAsync(q.UserId, q.SessionId, settings.HistoryMessages, ct));
        messages.Add(new ChatMessage(ChatRole.User, q.Message));

        var uses = new List<ToolUse>();
        LoopResult? result = null;
        string? failure = null;
        ErrorEvent? busy = null;
        try
        {
            if (plan.DirectTool is { } direct)
                await loop.RunDirectCallAsync(turn, direct, plan.DirectArguments ?? [], messages, uses, ct);
            result = await loop.RunAsync(turn, llm.Chat, messages, plan.Tools, uses, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: keep the question and what was said so far, then stop.
            await SaveAsync(q, askedAt, started, plan, uses, null, "cancelled", CancellationToken.None);
            throw;
        }
        catch (McpHubException e) when (e.Failure == McpHubFailure.AtCapacity)
        {
            (failure, busy) = (e.Message, ErrorEvent.From(e));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Chat turn failed for {Datasource} ({Provider})", q.Source.Id, llm.Name);
            failure = $"The {llm.Name} model call failed: {Short(e.Message)}";
        }

        var metadata = await SaveAsync(q, askedAt, started, plan, uses, result, failure, ct);
        if (failure is not null) await turn.EmitAsync(busy ?? new ErrorEvent(failure, ErrorCodes.ModelFailed), ct);
        else await turn.EmitAsync(new DoneEvent(metadata), ct);
    }

    private async Task<ChatMetadata> SaveAsync(ChatQuestion q, DateTime askedAt, long started, RoutePlan plan,
        List<ToolUse> uses, LoopResult? result, string? failure, CancellationToken ct)
    {
        var metadata = new ChatMetadata
        {
            Datasource = q.Source.Id, ToolsUsed = uses, Tier = plan.Tier, Provider = llm.Name, Model = llm.Model,
            Tokens = result?.Tokens ?? new TokenUsage(0, 0), DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
            Rounds = result?.Rounds ?? 0, Cancelled = failure == "cancelled", Error = failure is "cancelled" ? null : failure,
        };
        if (!q.Persist) return metadata;
        var answer = result?.Text is { Length: > 0 } text ? text : failure == "cancelled" ? "(stopped before an answer)" : failure ?? "";
        await history.SaveTurnAsync(q.UserId, q.SessionId, q.Source.Id, q.Message, askedAt, answer,
            JsonSerializer.Serialize(metadata), time.GetUtcNow().UtcDateTime, ct);
        return metadata;
    }

    private async Task<string?> UserNameAsync(string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Name).FirstOrDefaultAsync(ct);

    private static IReadOnlyList<DirectRoute> Routes(ConnectorDefinition source) =>
        source.DirectRouting.Select(r => new DirectRoute(r.Keywords, r.Tool)).ToList();

    private static string Short(string s) => s.Length <= 300 ? s : s[..299] + "…";
}
