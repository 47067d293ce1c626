using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Mosaic.Server.Connectors.Hub;

public sealed partial class McpHub
{
    /// <summary>The tools as the host treats them: judged by the source's <see cref="ToolTrust"/> on every read.</summary>
    async Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct)
    {
        var declared = await _cache.GetToolsAsync(key, t => new ValueTask<IReadOnlyList<DeclaredTool>>(
            GuardedAsync(key, spec, (s, c) => FetchToolsAsync(s, spec.Trust, c), t)), ct);
        return [.. declared.Select(spec.Trust.Apply)];
    }

    async Task<IReadOnlyList<DeclaredTool>> FetchToolsAsync(McpSession session, ToolTrust trust, CancellationToken ct)
    {
        var listed = await session.Client.ListToolsAsync(cancellationToken: ct);
        IReadOnlyList<DeclaredTool> tools = [.. listed.Select(McpResultMapper.ToDeclared)];
        foreach (var note in trust.Review(tools)) _log.LogWarning("{Datasource}: {Note}", session.Key.Datasource, note);
        return tools;
    }

    /// <summary>
    /// Drops the cached tool list when the server says its tools changed, so the next listing fetches and judges
    /// them afresh. Servers on an initialize handshake send tools/list_changed unasked; on the 2026-07-28 revision
    /// they only do so on a subscriptions/listen stream the client opens, held open for the session's life.
    /// </summary>
    void WatchToolList(McpSession session)
    {
        var key = session.Key;
        _ = session.Client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification,
            (_, _) => _cache.ForgetToolsAsync(key));
        if (session.Client.ServerCapabilities.Tools?.ListChanged != true ||
            string.CompareOrdinal(session.Client.NegotiatedProtocolVersion, ListenRevision) < 0) return;
        _ = ListenAsync(session);
    }

    const string ListenRevision = "2026-07-28";

    async Task ListenAsync(McpSession session)
    {
        var listen = new SubscriptionsListenRequestParams { Notifications = new() { ToolsListChanged = true } };
        var request = new JsonRpcRequest
        {
            Method = RequestMethods.SubscriptionsListen,
            Params = JsonSerializer.SerializeToNode(listen, McpJsonUtilities.DefaultOptions),
        };
        try { await session.Client.SendRequestAsync(request, CancellationToken.None); }
        catch (Exception e)
        {
            // The session closed, or the server refused: its list is still fetched again after the cache TTL.
            if (!session.IsDead) _log.LogDebug("{Session}: no tool-list subscription ({Error})", session.Key, e.GetType().Name);
        }
    }
}
