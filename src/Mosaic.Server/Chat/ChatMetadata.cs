using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mosaic.Server.Chat;

/// <summary>What the done event reports and chat_history.metadata keeps for an assistant message.</summary>
public sealed record ChatMetadata
{
    [JsonPropertyName("datasource")]
    public required string Datasource { get; init; }

    [JsonPropertyName("tools_used")]
    public required IReadOnlyList<ToolUse> ToolsUsed { get; init; }

    /// <summary>Which routing tier answered: direct, fast, standard or offline.</summary>
    [JsonPropertyName("tier")]
    public required string Tier { get; init; }

    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("tokens")]
    public required TokenUsage Tokens { get; init; }

    [JsonPropertyName("duration_ms")]
    public required double DurationMs { get; init; }

    [JsonPropertyName("rounds")]
    public required int Rounds { get; init; }

    [JsonPropertyName("cancelled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Cancelled { get; init; }

    [JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}

public sealed record ToolUse
{
    [JsonPropertyName("tool")]
    public required string Tool { get; init; }

    [JsonPropertyName("arguments")]
    public required JsonElement Arguments { get; init; }

    [JsonPropertyName("success")]
    public required bool Success { get; init; }

    [JsonPropertyName("duration_ms")]
    public required double DurationMs { get; init; }

    [JsonPropertyName("from_cache")]
    public bool FromCache { get; init; }

    /// <summary>"approved", "refused", "expired" for write tools; absent for read-only ones.</summary>
    [JsonPropertyName("approval"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Approval { get; init; }

    [JsonPropertyName("injected"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Injected { get; init; }

    [JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}

public sealed record TokenUsage([property: JsonPropertyName("input")] long Input, [property: JsonPropertyName("output")] long Output)
{
    [JsonPropertyName("total")]
    public long Total => Input + Output;
}
