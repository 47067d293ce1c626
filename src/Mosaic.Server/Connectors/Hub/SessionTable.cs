using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The live MCP sessions, one per (user, source): started on first use, reused while their launch (command,
/// credentials) stays the same, closed when idle for <see cref="McpHubOptions.IdleTimeout"/>, and capped in
/// number (<see cref="McpHubOptions.MaxSessions"/>, <see cref="McpHubOptions.MaxSessionsPerUser"/>). A session
/// with a call in flight is never closed to make room or for idleness.
/// </summary>
internal sealed class SessionTable : IAsyncDisposable
{
    readonly ConcurrentDictionary<SessionKey, Slot> _slots = new();
    readonly Lock _evictGate = new();
    readonly Lock _poolGate = new();
    readonly McpSessionStarter _starter;
    readonly McpHubOptions _options;
    readonly TimeProvider _time;
    readonly ILogger _log;
    readonly ITimer _sweep;

    public SessionTable(McpSessionStarter starter, IOptions<McpHubOptions> options, TimeProvider time, ILogger<McpHub> log)
    {
        (_starter, _options, _time, _log) = (starter, options.Value, time, log);
        _sweep = time.CreateTimer(_ => _ = SweepAsync(), null, _options.SweepInterval, _options.SweepInterval);
    }

    /// <summary>Raised once for every session started, before any call uses it.</summary>
    public event Action<McpSession>? Started;

    /// <summary>
    /// The session holder for one key; the gate makes sure only one process starts per key. While it starts,
    /// <see cref="Starting"/> holds its place under the caps (read and written under <c>_evictGate</c>).
    /// </summary>
    sealed class Slot(SessionKey key)
    {
        public readonly SessionKey Key = key;
        public readonly SemaphoreSlim Gate = new(1, 1);
        public McpSession? Session;
        public bool Starting;

        // Calls sent to this pool slot that have not begun yet (waiting for it to start, or about to begin).
        public int Pending;
    }

    /// <summary>Live sessions (not dead, not closed), for status.</summary>
    public IEnumerable<McpSession> Live =>
        _slots.Values.Select(s => Volatile.Read(ref s.Session)).OfType<McpSession>().Where(s => !s.IsDead);

    /// <summary>
    /// The session for the key (for a <see cref="McpLaunchSpec.Shared"/> launch, a process of the source's pool) with a call
    /// counted in, so nothing closes it until the call scope is disposed.
    /// </summary>
    public async Task<(McpSession Session, IDisposable Call)> AcquireAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct)
    {
        // A session claimed for closing between lookup and use is already out of its slot: look again.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var pool = spec.Shared ? PoolSlot(key.Datasource, spec.Fingerprint()) : null;
            try
            {
                var session = await GetSessionAsync(pool?.Key ?? key, spec, ct);
                if (session.TryBeginCall(_time.GetUtcNow()) is { } call)
                    return (session, call);
            }
            finally
            {
                if (pool is not null)
                    Interlocked.Decrement(ref pool.Pending);
            }
        }
        throw AtCapacity(key, perUser: false);
    }

    // Calls in flight on one pool process before the pool grows: connectors wait on their upstream, not the CPU.
    const int PoolBusy = 8;

    /// <summary>
    /// In a shared pool, the slot a call goes to, counted in as pending (the caller takes it out): the first process with
    /// fewer than <see cref="PoolBusy"/> calls in flight or on their way (so calls pack onto few processes and the others
    /// idle out), else a new one while the pool is under <see cref="McpHubOptions.PoolMaxPerSource"/>, else the least busy.
    /// A process being started takes calls like a live one: concurrent first calls wait for it instead of each starting one.
    /// </summary>
    Slot PoolSlot(string datasource, string launch)
    {
        lock (_poolGate)
        {
            Slot? least = null;
            var leastLoad = int.MaxValue;
            Slot? free = null;
            for (var i = 0; i < _options.PoolMaxPerSource; i++)
            {
                var slot = _slots.GetOrAdd(SessionKey.Pool(datasource, launch, i), k => new Slot(k));
                var session = Volatile.Read(ref slot.Session);
                var up = session is { IsDead: false } || slot.Gate.CurrentCount == 0 || Volatile.Read(ref slot.Pending) > 0;
                if (!up)
                {
                    free ??= slot;
                    continue;
                }
                var load = (session is { IsDead: false } ? session.InFlight : 0) + Volatile.Read(ref slot.Pending);
                if (load < PoolBusy)
                    return Pend(slot);
                if (load < leastLoad)
                    (least, leastLoad) = (slot, load);
            }
            return Pend(free ?? least!);
        }

        static Slot Pend(Slot slot)
        {
            Interlocked.Increment(ref slot.Pending);
            return slot;
        }
    }

    /// <summary>
    /// The key's live session for exactly this launch. A session is bound to the launch it was started with, so
    /// one started with other credentials (a change raced this call) is never handed out: it is closed and
    /// replaced. Noticing a change, and dropping what was cached for it, is <see cref="LaunchChanges"/>' job.
    /// </summary>
    async Task<McpSession> GetSessionAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct)
    {
        var slot = _slots.GetOrAdd(key, k => new Slot(k));
        var fingerprint = spec.Fingerprint();
        if (Volatile.Read(ref slot.Session) is { IsDead: false } live && live.Fingerprint == fingerprint)
            return live;

        await slot.Gate.WaitAsync(ct);
        try
        {
            var current = slot.Session;
            if (current is { IsDead: false } && current.Fingerprint == fingerprint)
                return current;
            if (current is not null)
                await CloseAsync(slot, current);

            var victims = MakeRoom(key, slot);
            McpSession started;
            try
            {
                foreach (var (victim, reason) in victims)
                {
                    _log.LogInformation("Closing idle {Session} to make room: {Reason}", victim.Key, reason);
                    await victim.DisposeAsync();
                }
                started = await _starter.StartAsync(key, spec, ct);
            }
            catch
            {
                lock (_evictGate)
                    slot.Starting = false;
                throw;
            }
            lock (_evictGate)
            {
                Volatile.Write(ref slot.Session, started);
                slot.Starting = false;
            }
            Started?.Invoke(started);
            return started;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>
    /// Reserves a place for a new session of <paramref name="key"/> under both caps, claiming idle sessions to
    /// close (least recently used first): for the user's own cap only that user's, for the global cap anyone's.
    /// A session with a call in flight is never chosen; when too few are idle nothing is closed and the request
    /// fails with <see cref="McpHubFailure.AtCapacity"/>.
    /// </summary>
    List<(McpSession Session, string Reason)> MakeRoom(SessionKey key, Slot self)
    {
        lock (_evictGate)
        {
            var others = _slots
                .Values.Where(s => s != self)
                .Select(s => (Slot: s, Session: Volatile.Read(ref s.Session)))
                .Where(o => o.Slot.Starting || o.Session is { IsDead: false })
                .ToList();
            var idle = others.Where(o => !o.Slot.Starting && o.Session!.InFlight == 0).OrderBy(o => o.Session!.LastUsed).ToList();
            var victims = new List<(Slot Slot, McpSession Session, string Reason)>();

            var mine = others.Count(o => o.Slot.Key.UserId == key.UserId);
            var userExcess = mine + 1 - _options.MaxSessionsPerUser;
            var userReason = $"user {key.UserId} is at MCP_MAX_SESSIONS_PER_USER ({_options.MaxSessionsPerUser})";
            foreach (var o in idle.Where(o => o.Slot.Key.UserId == key.UserId))
            {
                if (userExcess <= 0)
                    break;
                if (o.Session!.TryClaimIdle())
                {
                    victims.Add((o.Slot, o.Session, userReason));
                    userExcess--;
                }
            }
            var globalExcess = others.Count - victims.Count + 1 - _options.MaxSessions;
            var globalReason = $"the server is at MCP_MAX_SESSIONS ({_options.MaxSessions})";
            foreach (var o in idle.Where(o => victims.All(v => v.Session != o.Session)))
            {
                if (globalExcess <= 0)
                    break;
                if (o.Session!.TryClaimIdle())
                {
                    victims.Add((o.Slot, o.Session, globalReason));
                    globalExcess--;
                }
            }
            if (userExcess > 0 || globalExcess > 0)
            {
                foreach (var v in victims)
                    v.Session.Unclaim();
                throw AtCapacity(key, perUser: userExcess > 0);
            }
            foreach (var v in victims)
                Interlocked.CompareExchange(ref v.Slot.Session, null, v.Session);
            self.Starting = true;
            return [.. victims.Select(v => (v.Session, v.Reason))];
        }
    }

    McpHubException AtCapacity(SessionKey key, bool perUser)
    {
        var retry = _options.BusyRetryAfter;
        return new(
            McpHubFailure.AtCapacity,
            key.Datasource,
            perUser
                ? "You already have as many sources busy answering as Mosaic runs at once for one person "
                    + $"({_options.MaxSessionsPerUser}); "
                    + $"try {key.Datasource} again in {retry.TotalSeconds:0} seconds."
                : $"Mosaic is running as many sources as it may ({_options.MaxSessions}) and all are busy answering; "
                    + $"try {key.Datasource} again in {retry.TotalSeconds:0} seconds."
        )
        {
            RetryAfter = retry,
        };
    }

    /// <summary>Closes sessions idle for longer than the idle timeout and clears out dead ones.</summary>
    internal async Task SweepAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var slot in _slots.Values)
        {
            if (Volatile.Read(ref slot.Session) is not { } session)
                continue;
            // Claimed first, so a call that begins at this moment is never cut off.
            var idle = !session.IsDead && now - session.LastUsed >= _options.IdleTimeout && session.TryClaimIdle();
            if (!idle && !session.IsDead)
                continue;
            if (idle)
                _log.LogInformation("Closing idle session {Session}", session.Key);
            try
            {
                await CloseAsync(slot, session);
            }
            catch (Exception e)
            {
                _log.LogWarning(e, "Closing {Session} failed", session.Key);
            }
        }
    }

    /// <summary>Takes the key's session out of the table (the caller disposes it).</summary>
    public McpSession? Detach(SessionKey key) =>
        _slots.TryGetValue(key, out var slot)
        && Volatile.Read(ref slot.Session) is { } s
        && Interlocked.CompareExchange(ref slot.Session, null, s) == s
            ? s
            : null;

    /// <summary>Closes a session that died or stopped answering; a new one starts on the next call.</summary>
    public async Task CloseAsync(McpSession session)
    {
        if (_slots.TryGetValue(session.Key, out var slot))
            await CloseAsync(slot, session);
        else
            await session.DisposeAsync();
    }

    static async Task CloseAsync(Slot slot, McpSession session)
    {
        Interlocked.CompareExchange(ref slot.Session, null, session);
        await session.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _sweep.Dispose();
        foreach (var slot in _slots.Values)
            if (Volatile.Read(ref slot.Session) is { } s)
                await CloseAsync(slot, s);
    }
}
