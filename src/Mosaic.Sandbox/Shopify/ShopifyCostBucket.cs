using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Shopify;

/// <summary>
/// Shopify's cost-based rate limit: a leaky bucket of query-cost points that refills at a fixed rate.
/// A query whose requested cost exceeds what is available is refused as THROTTLED; after running, the
/// difference between requested and actual cost is given back. Size and rate come from configuration
/// (Sandbox:Shopify:BucketSize, Sandbox:Shopify:RestoreRate) and can be changed by tests at runtime.
/// </summary>
public sealed class ShopifyCostBucket
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _defaultSize,
        _defaultRate;
    private double _size,
        _rate,
        _available;
    private long _lastRefill;

    public ShopifyCostBucket(TimeProvider time, double defaultSize, double defaultRate)
    {
        (_time, _defaultSize, _defaultRate) = (time, defaultSize, defaultRate);
        Configure(defaultSize, defaultRate);
    }

    public int Requests { get; private set; }
    public int Throttled { get; private set; }

    public void Configure(double size, double rate)
    {
        lock (_lock)
        {
            _size = size;
            _rate = rate;
            _available = size;
            _lastRefill = _time.GetTimestamp();
        }
    }

    public void Reset()
    {
        Configure(_defaultSize, _defaultRate);
        lock (_lock)
        {
            Requests = 0;
            Throttled = 0;
        }
    }

    /// <summary>Takes <paramref name="cost"/> points if available; otherwise counts a throttled request.</summary>
    public bool TryTake(int cost)
    {
        lock (_lock)
        {
            Refill();
            Requests++;
            if (cost > _available)
            {
                Throttled++;
                return false;
            }
            _available -= cost;
            return true;
        }
    }

    /// <summary>Answers a forced throttle honestly: the bucket really is empty afterwards.</summary>
    public void Drain()
    {
        lock (_lock)
        {
            Refill();
            Requests++;
            Throttled++;
            _available = 0;
        }
    }

    public void Refund(int points)
    {
        lock (_lock)
        {
            Refill();
            _available = Math.Min(_size, _available + points);
        }
    }

    public JsonObject ThrottleStatus()
    {
        lock (_lock)
        {
            Refill();
            return new JsonObject
            {
                ["maximumAvailable"] = _size,
                ["currentlyAvailable"] = (int)Math.Floor(_available),
                ["restoreRate"] = _rate,
            };
        }
    }

    public JsonObject Stats()
    {
        var status = ThrottleStatus();
        lock (_lock)
        {
            status["requests"] = Requests;
            status["throttled"] = Throttled;
        }
        return status;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _available = Math.Min(_size, _available + _time.GetElapsedTime(_lastRefill, now).TotalSeconds * _rate);
        _lastRefill = now;
    }
}
