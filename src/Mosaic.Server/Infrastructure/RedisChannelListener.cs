using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// A Redis pub/sub channel every replica listens on: subscribes at start-up (again when Redis comes back if
/// it was down then), hands messages over one at a time in publish order, and unsubscribes at shutdown.
/// Does nothing without REDIS_URL.
/// </summary>
internal abstract class RedisChannelListener(RedisConnection redis, ILogger logger) : IHostedService
{
    private ChannelMessageQueue? _queue;

    protected RedisConnection Redis => redis;

    /// <summary>The channel, under this deployment's key prefix.</summary>
    protected abstract RedisChannel Channel { get; }

    protected abstract void Receive(RedisValue message);

    public async Task StartAsync(CancellationToken ct)
    {
        if (!redis.IsConfigured)
            return;
        if (!await TrySubscribeAsync())
            redis.Multiplexer.ConnectionRestored += async (_, _) => await TrySubscribeAsync();
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _queue, null) is not { } queue)
            return;
        // Shutting down: a connection that is already gone has dropped the subscription with it.
        try
        {
            await queue.UnsubscribeAsync();
        }
        catch (Exception e) when (e is ObjectDisposedException or RedisException or TimeoutException) { }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        if (_queue is not null)
            return true;
        try
        {
            var queue = await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel);
            // A queue (rather than a bare handler) hands messages over one at a time, in publish order.
            queue.OnMessage(m => Receive(m.Message));
            if (Interlocked.CompareExchange(ref _queue, queue, null) is not null)
                await queue.UnsubscribeAsync();
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(
                "Could not subscribe to {Channel} in Redis ({Error}); retrying when it reconnects.",
                Channel.ToString(),
                e.Message
            );
            return false;
        }
    }
}
