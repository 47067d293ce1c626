using System.Text.Json.Nodes;

namespace Mosaic.Connectors.Shopify;

/// <summary>
/// Shopify's Admin GraphQL limit is a bucket of cost points per store that refills at a fixed rate; every
/// response reports it in <c>extensions.cost.throttleStatus</c>. This tracker remembers the last status and
/// what each operation cost, so a query that would not fit waits for the refill instead of being refused,
/// and says how long to wait after a THROTTLED answer.
/// </summary>
public sealed class ShopifyThrottle(TimeProvider time)
{
    /// <summary>Longest pause inside one tool call; beyond it the tool reports the wait instead.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _costs = [];
    private double _maximum,
        _available,
        _restoreRate;
    private long _seenAt;
    private bool _known;

    public ShopifyThrottle()
        : this(TimeProvider.System) { }

    /// <summary>How long to wait before sending <paramref name="operation"/> so its cost fits the bucket (zero when unknown).</summary>
    public TimeSpan DelayBefore(string operation)
    {
        lock (_lock)
        {
            if (!_known || !_costs.TryGetValue(operation, out var cost) || _restoreRate <= 0)
                return TimeSpan.Zero;
            var available = Math.Min(_maximum, _available + time.GetElapsedTime(_seenAt).TotalSeconds * _restoreRate);
            return available >= cost ? TimeSpan.Zero : TimeSpan.FromSeconds((cost - available) / _restoreRate);
        }
    }

    /// <summary>Reads the cost extension of a response; returns how long until the requested cost fits again.</summary>
    public TimeSpan Observe(string operation, JsonNode? extensions)
    {
        var cost = extensions?["cost"];
        var status = cost?["throttleStatus"];
        if (status is null)
            return TimeSpan.Zero;
        var requested = Number(cost?["requestedQueryCost"]);
        lock (_lock)
        {
            _maximum = Number(status["maximumAvailable"]);
            _available = Number(status["currentlyAvailable"]);
            _restoreRate = Number(status["restoreRate"]);
            _seenAt = time.GetTimestamp();
            _known = true;
            if (requested > 0)
                _costs[operation] = (int)requested;
            return requested > _available && _restoreRate > 0
                ? TimeSpan.FromSeconds((requested - _available) / _restoreRate)
                : TimeSpan.Zero;
        }
    }

    private static double Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;
}
