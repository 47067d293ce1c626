using System.Text.Json;
using Mosaic.Server.Credentials;
using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Credential changes over Redis pub/sub, so a replica replaces the MCP session of a user whose
/// credentials another replica just saved or deleted. Messages carry ids only (user, datasource,
/// kind), never a secret. Pub/sub is fire-and-forget: a replica cut off from Redis at that moment
/// misses the notice and keeps its session until it idles out or fails with the old credentials.
/// </summary>
internal sealed class RedisCredentialChanges(RedisConnection redis, IServiceProvider services, ILogger<RedisCredentialChanges> logger)
    : ICredentialChangeRelay, IHostedService
{
    // Each server instance tells its own messages apart from the others' (they were raised locally already).
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? _queue;

    private RedisChannel Channel => RedisChannel.Literal(redis.KeyPrefix + "credential-changes");

    public void Forward(CredentialChange change)
    {
        if (redis.IsConfigured) _ = PublishAsync(change);
    }

    public async Task StartAsync(CancellationToken ct)
    {
        if (!redis.IsConfigured) return;
        if (!await TrySubscribeAsync())
            redis.Multiplexer.ConnectionRestored += async (_, _) => await TrySubscribeAsync();
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _queue, null) is not { } queue) return;
        // Shutting down: a connection that is already gone has dropped the subscription with it.
        try { await queue.UnsubscribeAsync(); }
        catch (Exception ex) when (ex is ObjectDisposedException or RedisException or TimeoutException) { }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        if (_queue is not null) return true;
        try
        {
            var queue = await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel);
            // A queue (rather than a bare handler) hands messages over one at a time, in publish order.
            queue.OnMessage(message => Receive(message.Message));
            if (Interlocked.CompareExchange(ref _queue, queue, null) is not null) await queue.UnsubscribeAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not subscribe to credential changes in Redis ({Error}); retrying when it reconnects.", ex.Message);
            return false;
        }
    }

    private async Task PublishAsync(CredentialChange change)
    {
        try
        {
            var message = new Message(_origin, change.UserId, change.Datasource, change.Kind, change.At);
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Other replicas were not told that user {UserId} changed {Datasource} credentials: Redis failed ({Error}).",
                change.UserId, change.Datasource, ex.Message);
        }
    }

    private void Receive(RedisValue payload)
    {
        Message? message;
        try { message = JsonSerializer.Deserialize<Message>(payload.ToString()); }
        catch (JsonException) { message = null; }
        if (message is not { UserId.Length: > 0, Datasource.Length: > 0 })
        {
            logger.LogWarning("Ignored a malformed credential change notice from Redis.");
            return;
        }
        if (message.Origin == _origin) return;
        logger.LogDebug("Credential change from another replica: user {UserId}, {Datasource} {Kind}", message.UserId, message.Datasource, message.Kind);
        // Resolved here, not injected: the notifier itself depends on this relay.
        try
        {
            services.GetRequiredService<CredentialChangeNotifier>()
                .Deliver(new CredentialChange(message.UserId, message.Datasource, message.Kind, message.At));
        }
        catch (ObjectDisposedException) { } // a notice arriving while this server shuts down concerns no one here
    }

    private sealed record Message(string Origin, string UserId, string Datasource, CredentialChangeKind Kind, DateTimeOffset At);
}
