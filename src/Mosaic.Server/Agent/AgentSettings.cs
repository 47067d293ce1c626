using System.ComponentModel.DataAnnotations;

namespace Mosaic.Server.Agent;

/// <summary>Bounds of the multi-source agent, each set by the environment variable named on it (docs/configuration.md).</summary>
public sealed record AgentSettings
{
    /// <summary>Sources below this confidence are not asked.</summary>
    [ConfigurationKeyName("AGENT_MIN_CONFIDENCE"), Range(0d, 1d)]
    public double MinConfidence { get; init; } = 0.3;

    /// <summary>At most this many sources per question (the most relevant first).</summary>
    [ConfigurationKeyName("AGENT_MAX_SOURCES"), Range(1, int.MaxValue)]
    public int MaxSources { get; init; } = 4;

    /// <summary>One source's whole run; a slower source is reported as failed.</summary>
    [ConfigurationKeyName("AGENT_SOURCE_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double SourceTimeoutSeconds { get; init; } = 60;

    public TimeSpan SourceTimeout
    {
        get => TimeSpan.FromSeconds(SourceTimeoutSeconds);
        init => SourceTimeoutSeconds = value.TotalSeconds;
    }

    /// <summary>The fast model's source ranking; past it the heuristics decide.</summary>
    [ConfigurationKeyName("AGENT_DETECT_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double DetectTimeoutSeconds { get; init; } = 15;

    public TimeSpan DetectTimeout
    {
        get => TimeSpan.FromSeconds(DetectTimeoutSeconds);
        init => DetectTimeoutSeconds = value.TotalSeconds;
    }

    [ConfigurationKeyName("AGENT_MAX_QUERY_CHARS"), Range(1, int.MaxValue)]
    public int MaxQueryChars { get; init; } = 4000;

    /// <summary>How long the names a user's Slack knows are kept (they help route questions about people).</summary>
    [ConfigurationKeyName("AGENT_PEOPLE_CACHE_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double PeopleCacheSeconds { get; init; } = 600;

    public TimeSpan PeopleCacheTtl => TimeSpan.FromSeconds(PeopleCacheSeconds);

    /// <summary>Long enough for a connector's first start on a busy machine; the question waits for it once.</summary>
    [ConfigurationKeyName("AGENT_PEOPLE_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double PeopleTimeoutSeconds { get; init; } = 20;

    public TimeSpan PeopleTimeout => TimeSpan.FromSeconds(PeopleTimeoutSeconds);
}
