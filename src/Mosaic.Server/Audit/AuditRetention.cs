using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>
/// Deletes audit entries older than <c>AUDIT_RETENTION_DAYS</c>: once shortly after start, then hourly. The only
/// code that removes entries. Deletes go in batches so a first sweep over a long history never holds one huge
/// transaction (or lock) on the table; every replica sweeps, and two sweeps at once just find less to delete.
/// </summary>
public sealed class AuditRetention(
    IDbContextFactory<MosaicDbContext> contexts,
    AuditSettings settings,
    TimeProvider time,
    ILogger<AuditRetention> logger
) : BackgroundService
{
    public static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not at once: start-up (migrations, the first requests) comes first.
            await Task.Delay(FirstSweepAfter, time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                await SweepAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            var deleted = await PruneAsync(ct);
            if (deleted > 0)
                logger.LogInformation("Audit retention: deleted {Count} entries older than {Days} days", deleted, settings.RetentionDays);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next sweep tries again; old entries staying an hour longer harms nobody.
            logger.LogWarning("Audit retention sweep failed: {Error}", e.Message);
        }
    }

    /// <summary>Deletes every entry older than the retention period; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = (time.GetUtcNow() - settings.Retention).UtcDateTime;
        var total = 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        while (true)
        {
            // Ids first: MySQL/MariaDB cannot DELETE with a LIMIT inside an IN subquery.
            var ids = await db.AuditLog.Where(a => a.At < cutoff).OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
                return total;
            total += await db.AuditLog.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
            if (ids.Count < BatchSize)
                return total;
        }
    }
}
