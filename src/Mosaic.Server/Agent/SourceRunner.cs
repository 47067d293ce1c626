using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Agent;

/// <summary>
/// Asks one source through <see cref="ChatService"/> (its own DI scope, so parallel runs never share a
/// DbContext), with its own timeout, and relays what it does (tools, approvals) as agent events. Never
/// throws for the source's sake: a failure, a timeout or a crash becomes a failed <see cref="SourceResult"/>.
/// </summary>
public sealed class SourceRunner(IServiceScopeFactory scopes, AgentSettings settings, ChatSettings chat, ILogger<SourceRunner> logger)
{
    /// <param name="call">The plan's direct call for this source, if it has one.</param>
    public async Task<SourceResult> RunAsync(string userId, string sessionId, ConnectorDefinition source, string query,
        PlannedCall? call, bool canAskApproval, ChannelWriter<AgentEvent> events, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await events.WriteAsync(new SourceStartEvent(source.Id), ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(settings.SourceTimeout);

        var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true });
        var run = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<ChatService>();
                var turn = new ChatTurn(userId, source.Id, null, canAskApproval, channel.Writer);
                await service.RunAsync(new ChatQuestion(userId, sessionId, source, query, Persist: false, call), turn, limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested) { /* reported below */ }
            catch (Exception e)
            {
                logger.LogError(e, "Agent run of {Datasource} failed", source.Id);
                channel.Writer.TryWrite(new ErrorEvent($"{source.Name} failed unexpectedly; it has been logged."));
            }
            finally { channel.Writer.TryComplete(); }
        }, CancellationToken.None);

        var text = new StringBuilder();
        ChatMetadata? metadata = null;
        string? error = null;
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(ct))
            {
                switch (e)
                {
                    case ChunkEvent c: text.Append(c.Content); break;
                    case DoneEvent d: metadata = d.Metadata; break;
                    case ErrorEvent x: error ??= x.Error; break;
                    case ToolStartEvent t: await events.WriteAsync(new SourceToolStartEvent(source.Id, t.Tool, t.Arguments), ct); break;
                    case ToolEndEvent t: await events.WriteAsync(new SourceToolEndEvent(source.Id, t.Tool, t.Success, t.DurationMs, t.Error), ct); break;
                    case ApprovalRequiredEvent a:
                        // A person may take a while to answer: the source's clock waits for them.
                        limit.CancelAfter(settings.SourceTimeout + chat.ApprovalTimeout);
                        await events.WriteAsync(new SourceApprovalRequiredEvent(source.Id, a.ApprovalId, a.Tool, a.Arguments, a.ExpiresAt), ct);
                        break;
                    case ApprovalResolvedEvent a:
                        limit.CancelAfter(settings.SourceTimeout);
                        await events.WriteAsync(new SourceApprovalResolvedEvent(source.Id, a.ApprovalId, a.Status), ct);
                        break;
                }
            }
        }
        finally { await run; }
        ct.ThrowIfCancellationRequested();

        if (limit.IsCancellationRequested && metadata is null)
            error = $"{source.Name} did not answer within {settings.SourceTimeout.TotalSeconds:0} seconds.";
        else if (metadata?.Error is { } failed) error ??= failed;
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var answer = text.ToString().Trim();
        var success = error is null && metadata is not null;
        var tools = metadata?.ToolsUsed.Select(u => u.Tool).ToList() ?? [];
        // A source whose every tool call failed has nothing to contribute, whatever it said about it.
        if (success && metadata!.ToolsUsed.Count > 0 && metadata.ToolsUsed.All(u => !u.Success))
        {
            success = false;
            error = metadata.ToolsUsed.Last().Error ?? $"{source.Name}'s tools failed.";
        }
        await events.WriteAsync(new SourceCompleteEvent(source.Id, success, error, elapsed), ct);
        return new SourceResult(source.Id, source.Name, success, answer, error, tools, AnswerLinks.From(answer), elapsed);
    }
}
