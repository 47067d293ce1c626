using System.Diagnostics;
using System.Text.Json;
using Mosaic.Server.Telemetry;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The MCP hub (docs/architecture.md#mcphub), as the rest of the server sees it (<see cref="IMcpHub"/>). One session per (user, source),
/// started on first use with that user's credentials, or (shared isolation) a pool of processes per source that every
/// call brings its credentials to. The work is split by job: <see cref="LaunchChanges"/> resolves
/// each request's launch and acts on credential changes, <see cref="McpHubCache"/> serves tool lists and read-only
/// results, <see cref="GuardedCaller"/> runs requests (breaker, timeout, dead processes) in sessions from the
/// <see cref="SessionTable"/> (reuse, idle close, caps).
/// </summary>
public sealed class McpHub : IMcpHub, IAsyncDisposable
{
    readonly LaunchChanges _changes;
    readonly McpHubCache _cache;
    readonly GuardedCaller _caller;
    readonly SessionTable _sessions;
    readonly IToolCredentialRefresh? _refresh;

    internal McpHub(
        LaunchChanges changes,
        McpHubCache cache,
        GuardedCaller caller,
        SessionTable sessions,
        ToolListWatch toolLists,
        IToolCredentialRefresh? refresh = null
    )
    {
        (_changes, _cache, _caller, _sessions, _refresh) = (changes, cache, caller, sessions, refresh);
        sessions.Started += toolLists.Watch;
        MosaicMetrics.Observe(this);
    }

    public async Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct)
    {
        var key = Key(userId, datasource);
        try
        {
            var spec = await _changes.ResolveAsync(key, ct);
            return await ListToolsAsync(key, spec, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw Cancelled(datasource);
        }
    }

    public async Task<McpToolResult> CallToolAsync(
        string userId,
        string datasource,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        var key = Key(userId, datasource);
        using var span = ToolCallSpan(datasource, tool);
        var started = Stopwatch.GetTimestamp();
        var (outcome, cached) = (MosaicTelemetry.Outcomes.Error, false);
        try
        {
            var spec = await _changes.ResolveAsync(key, ct);
            var judged = (await JudgedToolsAsync(key, spec, ct)).FirstOrDefault(t => t.Name == tool);
            // The workspace's policy is checked here too, not only in listings: a call never depends on what was offered.
            var refusal = judged is null ? $"The {datasource} source has no tool named '{tool}'." : spec.Policy.Refusal(judged);
            if (refusal is not null)
            {
                outcome = MosaicTelemetry.Outcomes.Refused;
                return new McpToolResult(true, refusal, null, Stopwatch.GetElapsedTime(started), false);
            }
            var info = spec.Policy.Apply([judged!])[0];

            Func<CancellationToken, Task<CachedToolResult>> call = t => _caller.CallToolAsync(key, spec, tool, arguments, t);
            var cacheable = info.ReadOnly && !McpHubCache.IsLiveTool(tool);
            var (result, fromCache) = cacheable ? await _cache.GetResultAsync(key, tool, arguments, call, ct) : (await call(ct), false);
            if (cacheable)
                MosaicMetrics.CacheLookup(datasource, fromCache);
            if (result.AuthRejected && _refresh is not null)
                (result, fromCache) = (await RenewedAsync(key, tool, arguments, ct) ?? result, false);
            (outcome, cached) = (result.IsError ? MosaicTelemetry.Outcomes.Error : MosaicTelemetry.Outcomes.Ok, fromCache);
            return new McpToolResult(result.IsError, result.Text, result.Structured, Stopwatch.GetElapsedTime(started), fromCache);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = MosaicTelemetry.Outcomes.Cancelled;
            throw Cancelled(datasource);
        }
        catch (McpHubException e)
        {
            outcome = Snake(e.Failure); // timeout, breaker_open, process_died...: a fixed word, never the message
            throw;
        }
        finally
        {
            span?.SetTag(MosaicTelemetry.Tags.Cached, cached);
            span.End(outcome);
            MosaicMetrics.ToolCall(datasource, tool, outcome, cached, Stopwatch.GetElapsedTime(started));
        }
    }

    static Activity? ToolCallSpan(string datasource, string tool) =>
        MosaicTelemetry
            .Start(MosaicTelemetry.Spans.ToolCall(tool), datasource)
            ?.SetTag(MosaicTelemetry.Tags.Tool, tool)
            .SetTag(MosaicTelemetry.Tags.GenAiTool, tool)
            .SetTag(MosaicTelemetry.Tags.GenAiOperation, "execute_tool");

    static string Snake(McpHubFailure failure) =>
        string.Concat(
            failure.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}")
        );

    /// <summary>
    /// The service refused the credentials: renewed (an OAuth refresh), the call runs once more in a session started with
    /// the new ones (their fingerprint differs, so resolving replaces the session); the reconnect sentence when only the
    /// person can help; null to keep the refused result.
    /// </summary>
    async Task<CachedToolResult?> RenewedAsync(
        SessionKey key,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    )
    {
        var renewed = await _refresh!.RefreshAsync(key.UserId, key.Datasource, ct);
        if (renewed.Reconnect is { } sentence)
            return new CachedToolResult(true, sentence, null);
        if (!renewed.Retry)
            return null;
        var spec = await _changes.ResolveAsync(key, ct);
        return await _caller.CallToolAsync(key, spec, tool, arguments, ct);
    }

    public async Task<IReadOnlyList<McpToolInfo>> ListDeclaredToolsAsync(string userId, string datasource, CancellationToken ct)
    {
        var key = Key(userId, datasource);
        try
        {
            return await JudgedToolsAsync(key, await _changes.ResolveAsync(key, ct), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw Cancelled(datasource);
        }
    }

    /// <summary>The tools as the host offers them: judged by the source's <see cref="ToolTrust"/>, then its
    /// <see cref="ToolPolicy"/>, on every read.</summary>
    async Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct) =>
        spec.Policy.Apply(await JudgedToolsAsync(key, spec, ct));

    async Task<IReadOnlyList<McpToolInfo>> JudgedToolsAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct)
    {
        // A shared connector's list is the same for every user: cached once per source and launch.
        var declared = await _cache.GetToolsAsync(
            spec.Shared ? SessionKey.SharedTools(key.Datasource, spec.Fingerprint()) : key,
            t => new ValueTask<IReadOnlyList<DeclaredTool>>(_caller.ListToolsAsync(key, spec, t)),
            ct
        );
        return [.. declared.Select(spec.Trust.Apply)];
    }

    public McpHubStatus GetStatus()
    {
        var sessions = _sessions
            .Live.Select(s => new McpSessionStatus(s.Key.UserId, s.Key.Datasource, s.ProcessId, s.LastUsed, _caller.StateOf(s.Key))
            {
                InFlight = s.InFlight,
                Shared = s.Key.IsPool,
            })
            .OrderBy(s => s.Datasource)
            .ThenBy(s => s.UserId)
            .ToList();
        return new McpHubStatus(sessions.Count, sessions) { Breakers = _caller.OpenBreakers() };
    }

    public BreakerState GetBreakerState(string userId, string datasource) => _caller.StateOf(Key(userId, datasource));

    /// <summary>
    /// Closes the user's session for this source and forgets what was cached for it. Called when the
    /// user's credentials are saved or deleted; the next call starts a process with the new ones.
    /// </summary>
    public Task ResetAsync(string userId, string datasource, CancellationToken ct = default) =>
        _changes.NoticeAsync(Key(userId, datasource), ct);

    /// <summary>
    /// Closes every session of the user (their access ended: disabled or deleted) and forgets what was cached for
    /// them, on shared connectors too, where they have no session of their own. Returns how many sessions were open.
    /// </summary>
    public async Task<int> CloseUserAsync(string userId, CancellationToken ct = default)
    {
        var open = _sessions.Live.Select(s => s.Key).Where(k => k.UserId == userId).Distinct().ToList();
        foreach (var key in open.Union(_changes.KeysOf(userId)).ToList())
            await _changes.NoticeAsync(key, ct);
        return open.Count;
    }

    internal static McpHubException Cancelled(string datasource) => new(McpHubFailure.Cancelled, datasource, "The request was cancelled.");

    static SessionKey Key(string userId, string datasource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(datasource);
        return new SessionKey(userId, datasource);
    }

    public ValueTask DisposeAsync()
    {
        MosaicMetrics.Forget(this);
        return _sessions.DisposeAsync();
    }
}
