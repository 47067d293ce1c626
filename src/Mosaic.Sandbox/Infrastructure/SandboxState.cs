using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>A write call a simulator received, kept so tests can prove what did (and did not) happen.</summary>
public sealed record RecordedCall(string Service, string Method, string Path, JsonNode? Body, DateTimeOffset At);

/// <summary>
/// Mutable state shared by the simulators: recorded writes, forced throttling, and a reset hook each
/// simulator registers so <c>POST /_sandbox/reset</c> puts every dataset back to its seed.
/// </summary>
public sealed class SandboxState(TimeProvider time)
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _forcedThrottles = new();
    private readonly List<Action> _resetters = [];

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>The Sandbox's clock (see <see cref="SandboxClock"/>), for the simulators' "now".</summary>
    public TimeProvider Time => time;

    public void Record(string service, HttpRequest request, JsonNode? body) =>
        _calls.Enqueue(new RecordedCall(service, request.Method, request.Path + request.QueryString, body, time.GetUtcNow()));

    /// <summary>Makes the next <paramref name="count"/> requests to <paramref name="service"/> answer as throttled.</summary>
    public void ForceThrottle(string service, int count) => _forcedThrottles[service] = count;

    /// <summary>True (and consumes one) when the service must answer this request as throttled.</summary>
    public bool TakeThrottle(string service)
    {
        while (_forcedThrottles.TryGetValue(service, out var left) && left > 0)
        {
            if (_forcedThrottles.TryUpdate(service, left - 1, left))
                return true;
        }
        return false;
    }

    public void OnReset(Action reset)
    {
        lock (_resetters)
            _resetters.Add(reset);
    }

    public void Reset()
    {
        _calls.Clear();
        _forcedThrottles.Clear();
        lock (_resetters)
            foreach (var reset in _resetters)
                reset();
    }
}
