using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// The "cache" health entry: the in-process cache is always available; Redis must answer a PING.
/// Redis down is Degraded, never Unhealthy: it is a cache, and every feature that uses it falls back
/// to per-replica behaviour, so a replica stays ready (and in the load balancer) without it.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public const string Name = "cache";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        if (!redis.IsConfigured)
            return HealthCheckResult.Healthy("memory", Data("memory"));
        try
        {
            if (redis.Multiplexer.IsConnected)
            {
                await redis.Multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), ct);
                return HealthCheckResult.Healthy("redis", Data("redis"));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("redis unreachable", ex, Data("redis"));
        }
        return HealthCheckResult.Degraded("redis unreachable", data: Data("redis"));
    }

    private static Dictionary<string, object> Data(string backend) => new() { ["backend"] = backend };
}

/// <summary>What the health endpoints say about the cache: its backend and whether it answers.</summary>
public sealed record CacheHealth(string Backend, bool Available)
{
    public string State => Available ? "available" : "unavailable";

    public static CacheHealth From(HealthReport report) =>
        report.Entries.TryGetValue(RedisHealthCheck.Name, out var entry)
            ? new(entry.Data.TryGetValue("backend", out var b) ? b.ToString() ?? "memory" : "memory", entry.Status == HealthStatus.Healthy)
            : new("memory", true);
}
