using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// The same per-minute and per-hour fixed windows as the in-process limiter, with the same partitions
/// (per user, per IP when anonymous), counted in Redis so every replica draws on one budget.
/// </summary>
internal static class RedisRateLimits
{
    public static PartitionedRateLimiter<HttpContext> Shared(
        RedisConnection redis,
        int perMinute,
        int perHour,
        Func<HttpContext, string?> partitionKey,
        PartitionedRateLimiter<HttpContext> local,
        ILogger logger
    )
    {
        var shared = PartitionedRateLimiter.CreateChained(
            Window(redis, "minute", perMinute, TimeSpan.FromMinutes(1), partitionKey),
            Window(redis, "hour", perHour, TimeSpan.FromHours(1), partitionKey)
        );
        return new RedisOrLocalRateLimiter(redis, shared, local, logger);
    }

    private static PartitionedRateLimiter<HttpContext> Window(
        RedisConnection redis,
        string name,
        int permits,
        TimeSpan window,
        Func<HttpContext, string?> partitionKey
    ) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            partitionKey(http) is { } key
                // The window name is part of the key: the minute and hour counters must not share one.
                ? RedisRateLimitPartition.GetFixedWindowRateLimiter(
                    $"{redis.KeyPrefix}ratelimit:{name}:{key}",
                    _ => new RedisFixedWindowRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis.Multiplexer,
                        PermitLimit = permits,
                        Window = window,
                    }
                )
                : RateLimitPartition.GetNoLimiter("unlimited")
        );
}

/// <summary>
/// Asks Redis while it is connected; otherwise (or when a call fails) this replica's own counters
/// decide, so a Redis outage neither blocks every request nor turns them into 500s: the limits just
/// become per replica until Redis is back.
/// </summary>
internal sealed class RedisOrLocalRateLimiter(
    RedisConnection redis,
    PartitionedRateLimiter<HttpContext> shared,
    PartitionedRateLimiter<HttpContext> local,
    ILogger logger
) : PartitionedRateLimiter<HttpContext>
{
    private int _failing;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => local.GetStatistics(resource);

    // Redis limiters cannot answer synchronously (their attempt always fails), so the middleware goes
    // on to AcquireAsync, which asks Redis; unlimited paths still succeed here without a round trip.
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        redis.Multiplexer.IsConnected
            ? new SharedLease(shared.AttemptAcquire(resource, permitCount))
            : local.AttemptAcquire(resource, permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken ct)
    {
        if (redis.Multiplexer.IsConnected)
        {
            try
            {
                var lease = await shared.AcquireAsync(resource, permitCount, ct);
                if (Interlocked.Exchange(ref _failing, 0) == 1)
                    logger.LogInformation("Shared rate limits are counted in Redis again.");
                return new SharedLease(lease);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                if (Interlocked.Exchange(ref _failing, 1) == 0)
                    logger.LogWarning(ex, "Redis did not answer a rate-limit check; counting per replica until it does.");
            }
        }
        return await local.AcquireAsync(resource, permitCount, ct);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        shared.Dispose();
        local.Dispose();
    }

    /// <summary>Redis leases report retry-after as whole seconds under their own name; expose the standard TimeSpan one.</summary>
    private sealed class SharedLease(RateLimitLease inner) : RateLimitLease
    {
        public override bool IsAcquired => inner.IsAcquired;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames.Append(MetadataName.RetryAfter.Name).Distinct();

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (
                metadataName == MetadataName.RetryAfter.Name
                && inner.TryGetMetadata(RateLimitMetadataName.RetryAfter.Name, out var seconds)
                && seconds is not null
            )
            {
                metadata = TimeSpan.FromSeconds(Convert.ToDouble(seconds, System.Globalization.CultureInfo.InvariantCulture));
                return true;
            }
            return inner.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
        }
    }
}
