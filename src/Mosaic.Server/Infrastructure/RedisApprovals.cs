using System.Text.Json;
using Mosaic.Server.Chat;
using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Approvals across replicas. The replica holding a stream stores "approval id → owner" in Redis until the
/// request expires. A replica answered for an id it does not hold deletes that key only if the caller owns
/// it (one atomic script, so two answers cannot both win), then publishes the answer; the holder completes
/// its waiting call. Pub/sub is at-most-once: if the holder misses the message the request expires and the
/// write does not run, the safe way to fail.
/// </summary>
internal sealed class RedisApprovals(RedisConnection redis, IServiceProvider services, TimeProvider time, ILogger<RedisApprovals> logger)
    : RedisChannelListener(redis, logger),
        IApprovalRelay
{
    private const string ClaimScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
        return 0
        """;

    public bool IsEnabled => Redis.IsConfigured;

    protected override RedisChannel Channel => RedisChannel.Literal(Redis.KeyPrefix + "approvals");

    private RedisKey Key(string id) => Redis.KeyPrefix + "approval:" + id;

    public async Task RegisterAsync(string id, string userId, DateTimeOffset expiresAt)
    {
        var ttl = expiresAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
            return;
        try
        {
            await Redis.Multiplexer.GetDatabase().StringSetAsync(Key(id), userId, ttl);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Approval {ApprovalId} is answerable on this replica only: Redis failed ({Error}).", id, e.Message);
        }
    }

    public async Task<bool> ForwardAsync(string id, string userId, bool approved)
    {
        try
        {
            var claimed = (int)await Redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(ClaimScript, [Key(id)], [userId]);
            if (claimed != 1)
                return false;
            await Redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Message(id, approved)));
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not pass approval {ApprovalId} to the replica holding it: Redis failed ({Error}).", id, e.Message);
            return false;
        }
    }

    public async Task ForgetAsync(string id)
    {
        try
        {
            await Redis.Multiplexer.GetDatabase().KeyDeleteAsync(Key(id));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        { /* it expires on its own */
        }
    }

    protected override void Receive(RedisValue payload)
    {
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(payload.ToString());
        }
        catch (JsonException)
        {
            message = null;
        }
        if (message is not { Id.Length: > 0 })
            return;
        // Resolved here, not injected: the broker itself depends on this relay.
        try
        {
            services.GetRequiredService<ApprovalBroker>().DeliverForwarded(message.Id, message.Approved);
        }
        catch (ObjectDisposedException) { }
    }

    private sealed record Message(string Id, bool Approved);
}
