using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Every request to a connector goes through here: behind the (user, source) circuit breaker, with the call
/// timeout, failing at once when the process dies mid-request (and dropping that session so the next request
/// starts a fresh one).
/// </summary>
internal sealed class GuardedCaller(SessionTable sessions, IOptions<McpHubOptions> options, TimeProvider time, ILogger<McpHub> log)
{
    readonly McpHubOptions _options = options.Value;
    readonly ConcurrentDictionary<SessionKey, CircuitBreaker> _breakers = new();

    // A user's breaker on a shared connector is their credentials' (BreakerKey); this remembers which, for StateOf.
    readonly ConcurrentDictionary<SessionKey, SessionKey> _credentialBreakers = new();

    public BreakerState StateOf(SessionKey key) =>
        _breakers.TryGetValue(_credentialBreakers.GetValueOrDefault(key, key), out var b) ? b.State : BreakerState.Closed;

    /// <summary>
    /// Which breaker a request counts against: the user's session's, or on a shared connector the caller's credentials'
    /// (a bad token opens the circuit for whoever uses it, not for the source's other users).
    /// </summary>
    SessionKey BreakerKey(SessionKey key, McpLaunchSpec spec)
    {
        if (!spec.Shared)
            return key;
        var credential = SessionKey.Credential(key.Datasource, spec.CredentialFingerprint());
        _credentialBreakers[key] = credential;
        return credential;
    }

    /// <summary>Breakers that are not closed, including those of sources with no live session.</summary>
    public IReadOnlyList<McpBreakerStatus> OpenBreakers() =>
        [
            .. _breakers
                .Keys.Where(k => !k.IsCredential)
                .Concat(_credentialBreakers.Keys) // shown per user, as the user sees it
                .Distinct()
                .Select(k => new McpBreakerStatus(k.UserId, k.Datasource, StateOf(k)))
                .Where(b => b.State != BreakerState.Closed),
        ];

    /// <summary>New credentials are a new start: the failures of the old ones say nothing about them.</summary>
    public void ForgetBreaker(SessionKey key)
    {
        _breakers.TryRemove(key, out _);
        if (_credentialBreakers.TryRemove(key, out var credential))
            _breakers.TryRemove(credential, out _);
    }

    /// <summary>The tools exactly as the server declares them (the caller judges them with its <see cref="ToolTrust"/>).</summary>
    public Task<IReadOnlyList<DeclaredTool>> ListToolsAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct) =>
        GuardedAsync(
            key,
            spec,
            async (s, c) =>
            {
                var listed = await s.Client.ListToolsAsync(cancellationToken: c);
                IReadOnlyList<DeclaredTool> tools = [.. listed.Select(McpResultMapper.ToDeclared)];
                foreach (var note in spec.Trust.Review(tools))
                    log.LogWarning("{Datasource}: {Note}", key.Datasource, note);
                return tools;
            },
            ct
        );

    /// <summary>Calls a tool. An error the server answers with comes back as an error result, not an exception.</summary>
    public Task<CachedToolResult> CallToolAsync(
        SessionKey key,
        McpLaunchSpec spec,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    ) =>
        GuardedAsync(
            key,
            spec,
            async (s, c) =>
            {
                try
                {
                    var args = arguments?.ToDictionary(a => a.Key, a => (object?)a.Value);
                    var result = await s.Client.CallToolAsync(tool, args, options: spec.CallOptions(), cancellationToken: c);
                    return McpResultMapper.ToResult(result);
                }
                catch (McpProtocolException e)
                {
                    // The server answered with a JSON-RPC error (unknown tool, invalid arguments): the model can fix that.
                    return new CachedToolResult(true, $"{key.Datasource} says: {e.Message}", null);
                }
            },
            ct
        );

    /// <summary>Runs one request in the user's session behind the breaker, with a timeout.</summary>
    async Task<T> GuardedAsync<T>(
        SessionKey key,
        McpLaunchSpec spec,
        Func<McpSession, CancellationToken, Task<T>> request,
        CancellationToken ct
    )
    {
        var breaker = _breakers.GetOrAdd(BreakerKey(key, spec), _ => new CircuitBreaker(
            _options.BreakerFailureThreshold,
            _options.BreakerCooldown,
            time
        ));
        if (!breaker.TryEnter())
            throw new McpHubException(
                McpHubFailure.BreakerOpen,
                key.Datasource,
                $"The {key.Datasource} connector failed {_options.BreakerFailureThreshold} times in a row; "
                    + $"Mosaic will try it again in {Math.Ceiling(breaker.RetryAfter.TotalSeconds)} s."
            );
        try
        {
            var (session, call) = await sessions.AcquireAsync(key, spec, ct);
            T result;
            using (call)
                result = await CallAsync(session, request, ct);
            breaker.RecordSuccess();
            return result;
        }
        // Being busy, or waiting for the person's authorization, says nothing about the source: RecordNeutral.
        catch (McpHubException e)
            when (e.Failure is not (McpHubFailure.Cancelled or McpHubFailure.AtCapacity or McpHubFailure.ConnectNeeded))
        {
            breaker.RecordFailure();
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            breaker.RecordNeutral();
            throw McpHub.Cancelled(key.Datasource);
        }
        catch
        {
            breaker.RecordNeutral();
            throw;
        }
    }

    /// <summary>
    /// One request with the call timeout, in a session whose call the caller has counted in. Cancelling the
    /// token makes the SDK send notifications/cancelled, so the server stops the work too. If the process dies
    /// meanwhile the call fails at once instead of waiting for the timeout, and the dead session is dropped so
    /// the next call starts a fresh one.
    /// </summary>
    async Task<T> CallAsync<T>(McpSession session, Func<McpSession, CancellationToken, Task<T>> request, CancellationToken ct)
    {
        var ds = session.Key.Datasource;
        using var timeout = new CancellationTokenSource(_options.CallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);

        var call = request(session, linked.Token);
        var first = await Task.WhenAny(call, session.Client.Completion);
        if (first != call)
        {
            _ = call.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observed: the process is gone
            throw await DiedAsync(session, null);
        }
        try
        {
            var result = await call;
            session.Touch(time.GetUtcNow());
            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw McpHub.Cancelled(ds);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            _ = CheckAliveAfterTimeoutAsync(session);
            throw new McpHubException(
                McpHubFailure.Timeout,
                ds,
                $"The {ds} connector did not answer within {_options.CallTimeout.TotalSeconds:0} s; the request was cancelled."
            );
        }
        // The server wants the person's authorization (remote MCP, "auth": "oauth"): the session itself is fine.
        catch (Exception e) when (Mosaic.Server.OAuth.Mcp.McpOAuthClients.FindConnectNeeded(e) is { } needed)
        {
            throw needed;
        }
        catch (Exception e) when (e is not McpHubException)
        {
            // A transport failure (broken pipe, connection reset): the session is unusable.
            throw await DiedAsync(session, e);
        }
    }

    async Task<McpHubException> DiedAsync(McpSession session, Exception? cause)
    {
        var ds = session.Key.Datasource;
        string detail = "";
        try
        {
            // The failed request can surface a moment before the transport reports the exit.
            if (await session.Client.Completion.WaitAsync(TimeSpan.FromSeconds(3)) is StdioClientCompletionDetails { ExitCode: { } code })
                detail = $" (exit code {code})";
        }
        catch (TimeoutException)
        {
            detail = cause is null ? "" : $" ({cause.GetType().Name})";
        }
        log.LogWarning(
            "The {Datasource} connector for user {UserId} (pid {Pid}) stopped{Detail}",
            ds,
            session.Key.UserId,
            session.ProcessId,
            detail
        );
        await sessions.CloseAsync(session);
        return new McpHubException(
            McpHubFailure.ProcessDied,
            ds,
            $"The {ds} connector stopped while handling the request{detail}. The next request starts it again.",
            cause
        );
    }

    /// <summary>
    /// A server that ignores cancellation and stops answering altogether would hold every later call
    /// until its timeout; if it cannot even answer a ping, replace it.
    /// </summary>
    async Task CheckAliveAfterTimeoutAsync(McpSession session)
    {
        try
        {
            using var ping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await session.Client.PingAsync(cancellationToken: ping.Token);
        }
        catch (McpProtocolException)
        {
            // It answered, if only to say it has no ping (the 2026-07-28 revision dropped it): it is alive.
        }
        catch (Exception)
        {
            log.LogWarning("{Session} stopped answering; closing it", session.Key);
            try
            {
                await sessions.CloseAsync(session);
            }
            catch (Exception)
            { /* already gone */
            }
        }
    }
}
