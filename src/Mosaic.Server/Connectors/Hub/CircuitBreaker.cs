namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Consecutive-failure breaker for one (user, datasource). After <c>threshold</c> failures in a row it
/// opens and refuses calls, so a broken source fails fast instead of spawning a process per request;
/// after the cool-down one trial call is let through (half-open): success closes it, failure re-opens it.
/// </summary>
internal sealed class CircuitBreaker(int threshold, TimeSpan cooldown, TimeProvider time)
{
    readonly Lock _gate = new();
    int _failures;
    DateTimeOffset? _openedAt;
    bool _trialInFlight;

    public BreakerState State
    {
        get
        {
            lock (_gate)
                return StateUnlocked();
        }
    }

    public TimeSpan RetryAfter
    {
        get
        {
            lock (_gate)
                return _openedAt is { } at
                    ? (at + cooldown - time.GetUtcNow()) is var left && left > TimeSpan.Zero
                        ? left
                        : TimeSpan.Zero
                    : TimeSpan.Zero;
        }
    }

    /// <summary>False when the call must be refused. A half-open breaker admits one trial at a time.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            switch (StateUnlocked())
            {
                case BreakerState.Closed:
                    return true;
                case BreakerState.HalfOpen when !_trialInFlight:
                    _trialInFlight = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _failures = 0;
            _openedAt = null;
            _trialInFlight = false;
        }
    }

    public void RecordFailure()
    {
        lock (_gate)
        {
            _failures++;
            if (_trialInFlight || _failures >= threshold)
                _openedAt = time.GetUtcNow();
            _trialInFlight = false;
        }
    }

    /// <summary>The call ended without telling us anything about the source (e.g. the caller cancelled).</summary>
    public void RecordNeutral()
    {
        lock (_gate)
            _trialInFlight = false;
    }

    BreakerState StateUnlocked() =>
        _openedAt switch
        {
            null => BreakerState.Closed,
            { } at when time.GetUtcNow() - at >= cooldown => BreakerState.HalfOpen,
            _ => BreakerState.Open,
        };
}
