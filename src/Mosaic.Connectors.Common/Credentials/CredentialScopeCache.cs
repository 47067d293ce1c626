namespace Mosaic.Connectors.Common.Credentials;

/// <summary>
/// Credential scopes by fingerprint: bounded (least recently used evicted beyond <see cref="Capacity"/>) and short-lived
/// (evicted after <see cref="Idle"/> without a call). An evicted scope is disposed once its calls in flight end.
/// The clock is a <see cref="TimeProvider"/>, so tests drive expiry with a fake one.
/// </summary>
public sealed class CredentialScopeCache : IDisposable
{
    public const string CapacityVariable = "MOSAIC_CREDENTIAL_SCOPES";
    public const string IdleVariable = "MOSAIC_CREDENTIAL_SCOPE_IDLE_SECONDS";
    public const int DefaultCapacity = 256;
    public const int DefaultIdleSeconds = 600;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byFingerprint = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new(); // most recently used first
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public CredentialScopeCache(int capacity, TimeSpan idle, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idle, TimeSpan.Zero);
        Capacity = capacity;
        Idle = idle;
        _time = time;
        // Idle scopes go even when no call comes to notice them.
        var period = TimeSpan.FromTicks(Math.Clamp(idle.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _sweeper = time.CreateTimer(_ => Sweep(), null, period, period);
    }

    public int Capacity { get; }

    public TimeSpan Idle { get; }

    public int Count
    {
        get
        {
            lock (_gate)
                return _byFingerprint.Count;
        }
    }

    /// <summary>
    /// The scope for <paramref name="fingerprint"/>, built by <paramref name="build"/> when there is none; held until the
    /// lease is disposed.
    /// </summary>
    public CredentialLease Acquire(string fingerprint, Func<CredentialScope> build)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            EvictIdle(now);
            if (_byFingerprint.TryGetValue(fingerprint, out var node))
                _recent.Remove(node);
            else
            {
                // Built under the lock: concurrent first calls with one credential build one scope (configure is cheap, no I/O).
                node = new LinkedListNode<Entry>(new Entry(fingerprint, build()));
                _byFingerprint[fingerprint] = node;
            }
            _recent.AddFirst(node);
            node.Value.LastUsed = now;
            node.Value.Scope.Enter();
            while (_byFingerprint.Count > Capacity)
                Evict(_recent.Last!);
            return new CredentialLease(node.Value.Scope);
        }
    }

    /// <summary>Evicts every scope idle for <see cref="Idle"/> or longer.</summary>
    public void Sweep()
    {
        lock (_gate)
            EvictIdle(_time.GetUtcNow());
    }

    private void EvictIdle(DateTimeOffset now)
    {
        while (_recent.Last is { } oldest && now - oldest.Value.LastUsed >= Idle)
            Evict(oldest);
    }

    private void Evict(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _byFingerprint.Remove(node.Value.Fingerprint);
        node.Value.Scope.Retire();
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        lock (_gate)
            while (_recent.Last is { } node)
                Evict(node);
    }

    private sealed class Entry(string fingerprint, CredentialScope scope)
    {
        public string Fingerprint { get; } = fingerprint;
        public CredentialScope Scope { get; } = scope;
        public DateTimeOffset LastUsed { get; set; }
    }
}
