using System.Globalization;

namespace Mosaic.Server.Agent;

/// <summary>Bounds of the multi-source agent, each overridable by the environment variable named beside it.</summary>
public sealed record AgentSettings
{
    /// <summary>AGENT_MIN_CONFIDENCE: sources below this are not asked (0–1).</summary>
    public double MinConfidence { get; init; } = 0.3;
    /// <summary>AGENT_MAX_SOURCES: at most this many sources per question (the most relevant first).</summary>
    public int MaxSources { get; init; } = 4;
    /// <summary>AGENT_SOURCE_TIMEOUT_SECONDS: one source's whole run; a slower source is reported as failed.</summary>
    public TimeSpan SourceTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>AGENT_DETECT_TIMEOUT_SECONDS: the fast model's source ranking; past it the heuristics decide.</summary>
    public TimeSpan DetectTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public int MaxQueryChars { get; init; } = 4000;

    public static AgentSettings From(IConfiguration config)
    {
        var d = new AgentSettings();
        return new AgentSettings
        {
            MinConfidence = double.TryParse(config["AGENT_MIN_CONFIDENCE"], NumberStyles.Float, CultureInfo.InvariantCulture, out var c)
                && c is >= 0 and <= 1 ? c : d.MinConfidence,
            MaxSources = Int(config["AGENT_MAX_SOURCES"]) ?? d.MaxSources,
            SourceTimeout = Seconds(config["AGENT_SOURCE_TIMEOUT_SECONDS"]) ?? d.SourceTimeout,
            DetectTimeout = Seconds(config["AGENT_DETECT_TIMEOUT_SECONDS"]) ?? d.DetectTimeout,
            MaxQueryChars = Int(config["AGENT_MAX_QUERY_CHARS"]) ?? d.MaxQueryChars,
        };
    }

    private static int? Int(string? v) => int.TryParse(v, CultureInfo.InvariantCulture, out var i) && i > 0 ? i : null;

    private static TimeSpan? Seconds(string? v) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : null;
}
