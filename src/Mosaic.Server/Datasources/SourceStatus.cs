using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Datasources;

/// <param name="Breaker">"closed", "open" (failing; calls refused for a while) or "half_open" (trying again).</param>
/// <param name="Connected">A connector serving the user for this source is running right now.</param>
public sealed record SourceStatus(string Breaker, bool Connected)
{
    /// <summary>The current user's view of each source's health, from the MCP hub.</summary>
    public static Func<string, SourceStatus> ForUser(IMcpHub hub, string userId)
    {
        // A shared pool's process serves this user too.
        var live = hub.GetStatus().Sessions.Where(s => s.UserId == userId || s.Shared).Select(s => s.Datasource).ToHashSet();
        return id => new SourceStatus(
            hub.GetBreakerState(userId, id) switch
            {
                BreakerState.Open => "open",
                BreakerState.HalfOpen => "half_open",
                _ => "closed",
            },
            live.Contains(id)
        );
    }
}
