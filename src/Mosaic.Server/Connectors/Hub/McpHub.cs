using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The spec's MCPService. One session per (user, datasource), started on first use with that user's
/// credentials, reused, replaced when it dies or the credentials change, closed when idle or when the
/// cap is reached. Partial: sessions (McpHub.Sessions.cs) and single calls (McpHub.Calls.cs).
/// </summary>
public sealed partial class McpHub : IMcpHub, IAsyncDisposable
{
    readonly IConnectorLaunchResolver _resolver;
    readonly McpSessionStarter _starter;
    readonly McpHubCache _cache;
    readonly McpHubOptions _options;
    readonly TimeProvider _time;
    readonly ILogger<McpHub> _log;
    readonly ConcurrentDictionary<SessionKey, CircuitBreaker> _breakers = new();
    // Hash of the last launch spec seen per key: a change means new credentials (possibly set on
    // another replica), so the old session and everything cached under the old ones must go.
    readonly ConcurrentDictionary<SessionKey, string> _fingerprints = new();

    internal McpHub(IConnectorLaunchResolver resolver, McpSessionStarter starter, McpHubCache cache,
        IOptions<McpHubOptions> options, TimeProvider time, ILogger<McpHub> log)
    {
        (_resolver, _starter, _cache, _options, _time, _log) = (resolver, starter, cache, options.Value, time, log);
        _sweep = time.CreateTimer(_ => _ = SweepAsync(), null, _options.SweepInterval, _options.SweepInterval);
    }

    public async Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct)
    {
        var key = Key(userId, datasource);
        try
        {
            var spec = await ResolveAsync(key, ct);
            return await ListToolsAsync(key, spec, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw Cancelled(datasource);
        }
    }

    public async Task<McpToolResult> CallToolAsync(string userId, string datasource, string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        try
        {
            return await CallToolCoreAsync(Key(userId, datasource), tool, arguments, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw Cancelled(datasource);
        }
    }

    async Task<McpToolResult> CallToolCoreAsync(SessionKey key, string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments, CancellationToken ct)
    {
        var datasource = key.Datasource;
        var spec = await ResolveAsync(key, ct);
        var started = Stopwatch.GetTimestamp();
        var info = (await ListToolsAsync(key, spec, ct)).FirstOrDefault(t => t.Name == tool);
        if (info is null)
            return new McpToolResult(true, $"The {datasource} source has no tool named '{tool}'.", null,
                Stopwatch.GetElapsedTime(started), false);

        Func<CancellationToken, Task<CachedToolResult>> call = t => GuardedAsync(key, spec, (s, c) => InvokeToolAsync(s, tool, arguments, c), t);
        var (result, fromCache) = info.ReadOnly
            ? await _cache.GetResultAsync(key, tool, arguments, call, ct)
            : (await call(ct), false);
        return new McpToolResult(result.IsError, result.Text, result.Structured, Stopwatch.GetElapsedTime(started), fromCache);
    }

    public McpHubStatus GetStatus()
    {
        var sessions = _slots
            .Select(s => s.Value.Session)
            .OfType<McpSession>()
            .Where(s => !s.IsDead)
            .Select(s => new McpSessionStatus(s.Key.UserId, s.Key.Datasource, s.ProcessId, s.LastUsed, GetBreakerState(s.Key))
            {
                InFlight = s.InFlight,
            })
            .OrderBy(s => s.Datasource).ThenBy(s => s.UserId)
            .ToList();
        var breakers = _breakers
            .Select(b => new McpBreakerStatus(b.Key.UserId, b.Key.Datasource, b.Value.State))
            .Where(b => b.State != BreakerState.Closed)
            .ToList();
        return new McpHubStatus(sessions.Count, sessions) { Breakers = breakers };
    }

    public BreakerState GetBreakerState(string userId, string datasource) => GetBreakerState(Key(userId, datasource));

    BreakerState GetBreakerState(SessionKey key) =>
        _breakers.TryGetValue(key, out var b) ? b.State : BreakerState.Closed;

    /// <summary>
    /// Closes the user's session for this source and forgets what was cached for it. Called when the
    /// user's credentials are saved or deleted; the next call starts a process with the new ones.
    /// </summary>
    public async Task ResetAsync(string userId, string datasource, CancellationToken ct = default)
    {
        var key = Key(userId, datasource);
        _fingerprints.TryRemove(key, out _);
        _breakers.TryRemove(key, out _);
        // Detach the session and drop the cache before the (slow) process shutdown, so no request
        // made after this point sees the old credentials' session or results.
        var old = Detach(key);
        await _cache.ForgetAsync(key, ct);
        if (old is not null) await old.DisposeAsync();
    }

    async Task<McpLaunchSpec> ResolveAsync(SessionKey key, CancellationToken ct)
    {
        McpLaunchSpec spec;
        try
        {
            spec = await _resolver.ResolveAsync(key.UserId, key.Datasource, ct);
        }
        catch (McpHubException e) when (e.Failure == McpHubFailure.NotConfigured)
        {
            if (_fingerprints.ContainsKey(key)) await ResetAsync(key.UserId, key.Datasource, ct); // credentials deleted
            throw;
        }
        var fingerprint = spec.Fingerprint();
        if (_fingerprints.TryGetValue(key, out var previous) && previous != fingerprint)
        {
            _log.LogInformation("Credentials for {Datasource} changed for user {UserId}; replacing the session", key.Datasource, key.UserId);
            await ResetAsync(key.UserId, key.Datasource, ct);
        }
        _fingerprints[key] = fingerprint;
        return spec;
    }

    internal static McpHubException Cancelled(string datasource) =>
        new(McpHubFailure.Cancelled, datasource, "The request was cancelled.");

    static SessionKey Key(string userId, string datasource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(datasource);
        return new SessionKey(userId, datasource);
    }

    static async Task<CachedToolResult> InvokeToolAsync(McpSession session, string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments, CancellationToken ct)
    {
        try
        {
            var result = await session.Client.CallToolAsync(tool,
                arguments?.ToDictionary(a => a.Key, a => (object?)a.Value), cancellationToken: ct);
            return McpResultMapper.ToResult(result);
        }
        catch (McpProtocolException e)
        {
            // The server answered with a JSON-RPC error (unknown tool, invalid arguments): the model can fix that.
            return new CachedToolResult(true, $"{session.Key.Datasource} says: {e.Message}", null);
        }
    }
}
