namespace Mosaic.Server.Infrastructure;

/// <summary>
/// The one home of every duration_ms: milliseconds as a double, rounded to microseconds where it is measured, so the
/// stream, the stored metadata and the responses all carry the same value (a fast or cached call is 0.412, not 0).
/// </summary>
public static class Durations
{
    public static double Ms(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 3, MidpointRounding.AwayFromZero);
}
