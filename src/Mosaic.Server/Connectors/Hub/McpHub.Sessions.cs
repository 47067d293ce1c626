using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mosaic.Server.Connectors.Hub;

public sealed partial class McpHub
{
    readonly ConcurrentDictionary<SessionKey, Slot> _slots = new();
    readonly Lock _evictGate = new();
    readonly ITimer _sweep;

    /// <summary>The session holder for one key; the gate makes sure only one process starts per key.</summary>
    sealed class Slot
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public McpSession? Session;
    }

    async Task<McpSession> GetSessionAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct)
    {
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        var fingerprint = spec.Fingerprint();
        if (Volatile.Read(ref slot.Session) is { IsDead: false } live && live.Fingerprint == fingerprint) return live;

        await slot.Gate.WaitAsync(ct);
        try
        {
            var current = slot.Session;
            if (current is { IsDead: false } && current.Fingerprint == fingerprint) return current;
            if (current is not null) await CloseAsync(slot, current);

            var started = await _starter.StartAsync(key, spec, ct);
            Volatile.Write(ref slot.Session, started);
            await EnforceCapAsync(started);
            return started;
        }
        finally { slot.Gate.Release(); }
    }

    /// <summary>Closes least recently used sessions (idle ones first) until the cap holds again.</summary>
    async Task EnforceCapAsync(McpSession keep)
    {
        List<(Slot, McpSession)> victims;
        lock (_evictGate)
        {
            var live = _slots.Values
                .Select(s => (Slot: s, Session: Volatile.Read(ref s.Session)))
                .Where(x => x.Session is { IsDead: false } && x.Session != keep)
                .Select(x => (x.Slot, Session: x.Session!))
                .ToList();
            var excess = live.Count + 1 - _options.MaxSessions;
            victims = excess <= 0 ? [] : [.. live
                .OrderBy(x => x.Session.InFlight > 0)
                .ThenBy(x => x.Session.LastUsed)
                .Take(excess)];
            foreach (var (slot, session) in victims) Interlocked.CompareExchange(ref slot.Session, null, session);
        }
        foreach (var (_, session) in victims)
        {
            _log.LogInformation("Closing {Session}: more than {Max} live sessions", session.Key, _options.MaxSessions);
            await session.DisposeAsync();
        }
    }

    /// <summary>Closes sessions idle for longer than the idle timeout and clears out dead ones.</summary>
    internal async Task SweepAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var slot in _slots.Values)
        {
            if (Volatile.Read(ref slot.Session) is not { } session) continue;
            var idle = session.InFlight == 0 && now - session.LastUsed >= _options.IdleTimeout;
            if (!idle && !session.IsDead) continue;
            if (idle) _log.LogInformation("Closing idle session {Session}", session.Key);
            try { await CloseAsync(slot, session); }
            catch (Exception e) { _log.LogWarning(e, "Closing {Session} failed", session.Key); }
        }
    }

    /// <summary>Takes the key's session out of the table (the caller disposes it).</summary>
    McpSession? Detach(SessionKey key) =>
        _slots.TryGetValue(key, out var slot) && Volatile.Read(ref slot.Session) is { } s &&
        Interlocked.CompareExchange(ref slot.Session, null, s) == s ? s : null;

    async Task CloseAsync(McpSession session)
    {
        if (_slots.TryGetValue(session.Key, out var slot)) await CloseAsync(slot, session);
        else await session.DisposeAsync();
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
            if (Volatile.Read(ref slot.Session) is { } s) await CloseAsync(slot, s);
    }
}
