using System.Text.Json;
using Mosaic.Server.Admin;
using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// "User access ended" notices over Redis pub/sub, so every replica closes a disabled or deleted user's connector
/// processes and refuses their pending approvals. The message carries the user id only. Pub/sub is
/// fire-and-forget: a replica cut off from Redis at that moment keeps the processes until they idle out and lets
/// the approvals expire; neither can act for the user, whose every request is refused from the database.
/// </summary>
internal sealed class RedisUserAccess(RedisConnection redis, IServiceProvider services, ILogger<RedisUserAccess> logger)
    : RedisChannelListener(redis, logger),
        IUserAccessRelay
{
    // Tells this instance's own messages apart (they were acted on here already).
    private readonly string _origin = Guid.NewGuid().ToString("N");
    protected override RedisChannel Channel => RedisChannel.Literal(Redis.KeyPrefix + "user-access");

    public void Forward(string userId)
    {
        if (Redis.IsConfigured)
            _ = PublishAsync(userId);
    }

    private async Task PublishAsync(string userId)
    {
        try
        {
            await Redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Message(_origin, userId)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(
                "Other replicas were not told that user {UserId}'s access ended: Redis failed ({Error}).",
                userId,
                ex.Message
            );
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
        if (message is not { UserId.Length: > 0 })
        {
            logger.LogWarning("Ignored a malformed user access notice from Redis.");
            return;
        }
        if (message.Origin == _origin)
            return;
        try
        {
            // Resolved here, not injected: UserAccess itself depends on this relay.
            services.GetRequiredService<UserAccess>().Deliver(message.UserId);
        }
        catch (ObjectDisposedException) { }
    }

    private sealed record Message(string Origin, string UserId);
}
