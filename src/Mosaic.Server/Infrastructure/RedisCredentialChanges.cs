using System.Text.Json;
using Mosaic.Server.Credentials;
using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Credential changes over Redis pub/sub, so a replica replaces the MCP session of a user whose
/// credentials another replica just saved or deleted. Messages carry ids only (user, datasource,
/// kind), never a secret. Pub/sub is fire-and-forget: a replica cut off from Redis at that moment
/// misses the notice and keeps its session until it idles out or fails with the old credentials. The change counter
/// beside it is what makes a save count at once: it moves before the save is acknowledged, and a turn reads it.
/// </summary>
internal sealed class RedisCredentialChanges(RedisConnection redis, IServiceProvider services, ILogger<RedisCredentialChanges> logger)
    : RedisChannelListener(redis, logger),
        ICredentialChangeRelay
{
    // Each server instance tells its own messages apart from the others' (they were raised locally already).
    private readonly string _origin = Guid.NewGuid().ToString("N");
    protected override RedisChannel Channel => RedisChannel.Literal(Redis.KeyPrefix + "credential-changes");

    // Moved by every change before it is acknowledged (SetupCache reads it once per turn). Survives restarts of the
    // replicas; if Redis loses it, the counter restarts and differs from what the replicas saw, which only drops caches.
    private RedisKey Generation => Redis.KeyPrefix + "credential-generation";

    public async Task ForwardAsync(CredentialChange change)
    {
        if (!Redis.IsConfigured)
            return;
        try
        {
            var db = Redis.Multiplexer.GetDatabase();
            await db.StringIncrementAsync(Generation);
            var message = new Message(_origin, change.UserId, change.Datasource, change.Kind, change.At);
            await Redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(
                "Other replicas were not told that user {UserId} changed {Datasource} credentials: Redis failed ({Error}).",
                change.UserId ?? "(workspace)",
                change.Datasource,
                ex.Message
            );
        }
    }

    public async Task<long?> GenerationAsync()
    {
        if (!Redis.IsConfigured)
            return 0;
        try
        {
            var value = await Redis.Multiplexer.GetDatabase().StringGetAsync(Generation);
            return value.IsNull ? 0 : (long)value;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug("The credential change counter could not be read: {Error}", ex.Message);
            return null;
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
        // A null user is a workspace-wide change (shared credentials, source settings); an empty one is malformed.
        if (message is not { Datasource.Length: > 0 } || message.UserId is { Length: 0 })
        {
            logger.LogWarning("Ignored a malformed credential change notice from Redis.");
            return;
        }
        if (message.Origin == _origin)
            return;
        logger.LogDebug(
            "Credential change from another replica: user {UserId}, {Datasource} {Kind}",
            message.UserId,
            message.Datasource,
            message.Kind
        );
        // Resolved here, not injected: the notifier itself depends on this relay.
        try
        {
            services
                .GetRequiredService<CredentialChangeNotifier>()
                .Deliver(new CredentialChange(message.UserId, message.Datasource, message.Kind, message.At));
        }
        catch (ObjectDisposedException) { } // a notice arriving while this server shuts down concerns no one here
    }

    private sealed record Message(string Origin, string? UserId, string Datasource, CredentialChangeKind Kind, DateTimeOffset At);
}
