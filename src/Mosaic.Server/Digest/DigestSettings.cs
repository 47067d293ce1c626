using System.ComponentModel.DataAnnotations;

namespace Mosaic.Server.Digest;

/// <summary>What You Missed: how long a digest is kept and how long its parts may take (docs/configuration.md).</summary>
public sealed record DigestSettings
{
    /// <summary>A user's digest for one window is built once in this time, then served from the cache.</summary>
    [ConfigurationKeyName("DIGEST_CACHE_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double CacheSeconds { get; init; } = 300;

    public TimeSpan CacheTtl => TimeSpan.FromSeconds(CacheSeconds);

    /// <summary>One source's reading; a slower source shows as failed in its section.</summary>
    [ConfigurationKeyName("DIGEST_SOURCE_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double SourceTimeoutSeconds { get; init; } = 45;

    public TimeSpan SourceTimeout => TimeSpan.FromSeconds(SourceTimeoutSeconds);

    /// <summary>The model's summary; past it the items are grouped without one.</summary>
    [ConfigurationKeyName("DIGEST_SUMMARY_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double SummaryTimeoutSeconds { get; init; } = 30;

    public TimeSpan SummaryTimeout => TimeSpan.FromSeconds(SummaryTimeoutSeconds);
}
