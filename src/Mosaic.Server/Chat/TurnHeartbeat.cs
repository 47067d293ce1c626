using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Chat;

/// <summary>The chat_history rows of the turns this process is answering right now.</summary>
public sealed class ActiveTurns
{
    private readonly ConcurrentDictionary<string, byte> _ids = new();

    public void Add(PendingTurn turn)
    {
        _ids[turn.QuestionId] = 0;
        _ids[turn.AnswerId] = 0;
    }

    public void Remove(PendingTurn turn)
    {
        _ids.TryRemove(turn.QuestionId, out _);
        _ids.TryRemove(turn.AnswerId, out _);
    }

    public IReadOnlyList<string> Ids => [.. _ids.Keys];
}

/// <summary>
/// Keeps this process's in-progress turns alive in the database: every <see cref="ChatSettings.TurnHeartbeat"/>
/// one UPDATE refreshes their heartbeat_at. A turn whose heartbeat is older than <see cref="ChatSettings.TurnStaleAfter"/>
/// has lost the process answering it (killed, crashed, its host gone) and reads as interrupted. The rule needs no
/// list of live replicas: a turn answered on any live replica keeps beating, so only the dead ones' turns go stale
/// (replica clocks must agree to within a beat or so).
/// </summary>
public sealed class TurnHeartbeat(
    ActiveTurns active,
    IDbContextFactory<MosaicDbContext> contexts,
    ChatSettings settings,
    TimeProvider time,
    ILogger<TurnHeartbeat> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.TurnHeartbeat, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await BeatAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        var ids = active.Ids;
        if (ids.Count == 0)
            return;
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db
                .ChatHistory.Where(c => ids.Contains(c.Id) && c.Status == TurnStatus.InProgress)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.HeartbeatAt, now), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missed beat or two is harmless; the next tick tries again.
            logger.LogWarning("Could not refresh the heartbeat of {Count} in-progress chat rows: {Error}", ids.Count, e.Message);
        }
    }
}
