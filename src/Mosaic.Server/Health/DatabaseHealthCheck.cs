using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mosaic.Server.Data;

namespace Mosaic.Server.Health;

/// <summary>Healthy when the database answers a query within a few seconds.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<MosaicDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            // A real query, not just an open socket: the schema must be there too.
            await db.Users.AnyAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
