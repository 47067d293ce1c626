using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Drops a session's cached tool list when the server says its tools changed, so the next listing fetches and
/// judges them afresh. Servers on an initialize handshake send tools/list_changed unasked; on the 2026-07-28
/// revision they only do so on a subscriptions/listen stream the client opens, held open for the session's life.
/// </summary>
internal sealed class ToolListWatch(McpHubCache cache, ILogger<McpHub> log)
{
    const string ListenRevision = "2026-07-28";

    public void Watch(McpSession session)
    {
        var key = session.ToolsKey;
        _ = session.Client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
            cache.ForgetToolsAsync(key)
        );
        if (
            session.Client.ServerCapabilities.Tools?.ListChanged != true
            || string.CompareOrdinal(session.Client.NegotiatedProtocolVersion, ListenRevision) < 0
        )
            return;
        _ = ListenAsync(session);
    }

    async Task ListenAsync(McpSession session)
    {
        var listen = new SubscriptionsListenRequestParams { Notifications = new() { ToolsListChanged = true } };
        var request = new JsonRpcRequest
        {
            Method = RequestMethods.SubscriptionsListen,
            Params = JsonSerializer.SerializeToNode(listen, McpJsonUtilities.DefaultOptions),
        };
        try
        {
            await session.Client.SendRequestAsync(request, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The session closed, or the server refused: its list is still fetched again after the cache TTL.
            if (!session.IsDead)
                log.LogDebug("{Session}: no tool-list subscription ({Error})", session.Key, e.GetType().Name);
        }
    }
}
