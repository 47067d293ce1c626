namespace Mosaic.Connectors.Common.Http;

public static class RetryAfter
{
    /// <summary>Reads Retry-After (seconds or HTTP date) from a response, if present.</summary>
    public static TimeSpan? From(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
