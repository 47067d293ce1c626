using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Agent;

/// <summary>Body of POST /api/agent/query and /api/agent/query/stream (docs/architecture.md#the-agent).</summary>
/// <param name="Sources">Ask exactly these sources instead of detecting them.</param>
public sealed record AgentQueryRequest(
    string Query,
    IReadOnlyList<string>? Sources = null,
    string? SessionId = null,
    bool IncludePlan = true
)
{
    /// <param name="usable">The caller's usable sources; needed only when the request names <see cref="Sources"/>.</param>
    /// <returns>The 400 to answer with, or null when the query can be asked.</returns>
    public ValidationProblemDetails? Validate(AgentSettings settings, IReadOnlyList<SourceDefinition>? usable)
    {
        var errors = new ValidationErrors();
        QuestionRules.CheckText(errors, "query", Query, settings.MaxQueryChars);
        if (Sources is { Count: > 0 } named && AgentRequests.Unknown(named, usable ?? []) is { Count: > 0 } unknown)
            errors.Add("sources", $"Not configured or unknown: {string.Join(", ", unknown)}. Add credentials under Data sources first.");
        QuestionRules.CheckSessionId(errors, SessionId);
        return errors.Problem(AgentRequests.InvalidTitle);
    }
}

/// <summary>Body of POST /api/agent/detect-sources. Without <see cref="AvailableSources"/>: the caller's configured sources.</summary>
public sealed record DetectSourcesRequest(string Query, IReadOnlyList<string>? AvailableSources = null)
{
    /// <returns>The 400 to answer with, or null when detection can run.</returns>
    public ValidationProblemDetails? Validate(AgentSettings settings, IReadOnlyList<SourceDefinition> usable)
    {
        var errors = new ValidationErrors();
        QuestionRules.CheckText(errors, "query", Query, settings.MaxQueryChars);
        if (AvailableSources is { Count: > 0 } only && AgentRequests.Unknown(only, usable) is { Count: > 0 } unknown)
            errors.Add("available_sources", $"Not configured or unknown: {string.Join(", ", unknown)}.");
        return errors.Problem(AgentRequests.InvalidTitle);
    }

    /// <summary>The sources to rank: the usable ones, narrowed to <see cref="AvailableSources"/> when given.</summary>
    public IReadOnlyList<SourceDefinition> Candidates(IReadOnlyList<SourceDefinition> usable) =>
        AvailableSources is { Count: > 0 } only ? usable.Where(u => only.Contains(u.Id)).ToList() : usable;
}

internal static class AgentRequests
{
    public const string InvalidTitle = "The agent request is not valid";

    /// <summary>The named sources the caller cannot use, in the order named.</summary>
    public static List<string> Unknown(IReadOnlyList<string> named, IReadOnlyList<SourceDefinition> usable) =>
        named.Where(s => usable.All(u => u.Id != s)).ToList();
}

public sealed record DetectSourcesResponse(IReadOnlyList<SourceRelevance> RelevantSources, string Method);

/// <summary>How likely a source holds the answer (0–1) and why.</summary>
public sealed record SourceRelevance(string Source, double Confidence, string Reasoning);

/// <summary>One source the agent will ask, with the question it puts to it.</summary>
/// <param name="Query">The question, or (Offline) how the plan shows <see cref="Call"/>.</param>
public sealed record PlannedSource(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("reasoning")] string Reasoning,
    [property: JsonPropertyName("query")] string Query
)
{
    /// <summary>The call the source makes directly instead of routing the question (Offline plans).</summary>
    [JsonIgnore]
    public Sources.PlannedCall? Call { get; init; }
}

/// <param name="Method">"model", "heuristic" or "explicit" (the caller named the sources).</param>
public sealed record AgentPlan(
    [property: JsonPropertyName("sources")] IReadOnlyList<PlannedSource> Sources,
    [property: JsonPropertyName("reasoning")] string Reasoning,
    [property: JsonPropertyName("method")] string Method
);

public sealed record SourceLink([property: JsonPropertyName("title")] string Title, [property: JsonPropertyName("url")] string Url);

/// <summary>What one source answered (or why it did not).</summary>
public sealed record SourceResult(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("response")] string Response,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("tools_used")] IReadOnlyList<string> ToolsUsed,
    [property: JsonPropertyName("links")] IReadOnlyList<SourceLink> Links,
    [property: JsonPropertyName("duration_ms")] double DurationMs
);

/// <summary>The agent's answer (docs/architecture.md#the-agent).</summary>
public sealed record MultiSourceResponse(
    [property: JsonPropertyName("response")] string Response,
    [property: JsonPropertyName("source_results")] IReadOnlyList<SourceResult> SourceResults,
    [property: JsonPropertyName("successful_sources")] IReadOnlyList<string> SuccessfulSources,
    [property: JsonPropertyName("failed_sources")] IReadOnlyList<string> FailedSources,
    [property: JsonPropertyName("plan")] AgentPlan Plan,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("synthesis")] string Synthesis,
    [property: JsonPropertyName("duration_ms")] double DurationMs
);

/// <summary>An entry of GET /api/agent/sources.</summary>
public sealed record AgentSourceInfo(string Id, string Name, string Description, string Icon, bool Enabled, bool Configured);
