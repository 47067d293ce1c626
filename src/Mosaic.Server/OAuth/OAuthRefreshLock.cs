using System.Collections.Concurrent;
using Mosaic.Server.Infrastructure;
using StackExchange.Redis;

namespace Mosaic.Server.OAuth;

/// <summary>
/// Single-flight refresh per (user, source): the Redis lock <c>{prefix}oauth:refresh:{user}:{source}</c> when Redis is
/// configured, so replicas sharing the database take turns, else a lock in this process. The holder re-reads the row after
/// taking it: whoever waited usually finds the tokens already fresh. A Redis lock expires on its own after
/// <see cref="Hold"/>, so a replica that dies holding it blocks nobody for long.
/// </summary>
public sealed class OAuthRefreshLock(RedisConnection redis, ILogger<OAuthRefreshLock> logger)
{
    static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    // Deletes the key only when it still holds this holder's value (the lock may have expired and been taken since).
    const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new();

    public async Task<IAsyncDisposable> AcquireAsync(string? userId, string datasource, CancellationToken ct)
    {
        var name = $"oauth:refresh:{userId ?? "shared"}:{datasource}";
        // In-process first: calls on this replica queue here instead of polling Redis.
        var local = _local.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(ct);
        if (!redis.IsConfigured)
            return Held.Local(local);
        try
        {
            var key = new RedisKey(redis.KeyPrefix + name);
            var token = Guid.NewGuid().ToString("N");
            var db = redis.Multiplexer.GetDatabase();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(Hold);
            while (!await db.StringSetAsync(key, token, Hold, When.NotExists))
                await Task.Delay(Poll, limit.Token);
            return new Held(async () =>
            {
                try
                {
                    await db.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
                }
                finally
                {
                    local.Release();
                }
            });
        }
        catch (Exception e)
            when (e is RedisException or TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Redis down or the lock held too long: go on with this replica's lock; the conditional UPDATE keeps the row right.
            logger.LogWarning(
                "The OAuth refresh lock for {Datasource} is held on this replica only: {Error}",
                datasource,
                e.GetType().Name
            );
            return Held.Local(local);
        }
        catch
        {
            local.Release();
            throw;
        }
    }

    sealed class Held(Func<ValueTask> release) : IAsyncDisposable
    {
        int _released;

        public static Held Local(SemaphoreSlim gate) =>
            new(() =>
            {
                gate.Release();
                return ValueTask.CompletedTask;
            });

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? release() : ValueTask.CompletedTask;
    }
}
