using Mosaic.Server.Chat;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Admin;

/// <summary>Carries "this user's access ended" to the other replicas (Redis pub/sub); they call <see cref="UserAccess.Deliver"/>.</summary>
public interface IUserAccessRelay
{
    void Forward(string userId);
}

/// <summary>
/// The one place that acts when a user's access ends (disabled or deleted by an admin): their connector
/// processes close and their pending write approvals are refused, here and, through <see cref="IUserAccessRelay"/>
/// when REDIS_URL is set, on every other replica. Their cookie needs no notice: every request reads the account
/// from the shared database (<see cref="Auth.SessionValidity"/>).
/// </summary>
public sealed class UserAccess(IServiceProvider services, ILogger<UserAccess> logger, IUserAccessRelay? relay = null)
{
    /// <summary>Access ended by a change made on this replica (already committed).</summary>
    public async Task EndedAsync(string userId)
    {
        relay?.Forward(userId);
        await DeliverAsync(userId);
    }

    /// <summary>Acts on this replica only (also for notices from other replicas).</summary>
    public void Deliver(string userId) => _ = DeliverAsync(userId);

    async Task DeliverAsync(string userId)
    {
        try
        {
            // Resolved on use: the hub and the broker are singletons that need not exist before anyone is disabled.
            var refused = services.GetRequiredService<ApprovalBroker>().RefuseAll(userId);
            var closed = await services.GetRequiredService<McpHub>().CloseUserAsync(userId);
            logger.LogInformation(
                "Access ended for user {UserId}: {Sessions} connector sessions closed, {Approvals} pending approvals refused",
                userId,
                closed,
                refused
            );
        }
        catch (ObjectDisposedException) { } // shutting down: nothing left here to close
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not close the sessions of user {UserId} after their access ended", userId);
        }
    }
}
