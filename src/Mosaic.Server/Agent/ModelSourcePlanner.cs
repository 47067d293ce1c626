using System.Text.Json;
using Microsoft.Extensions.AI;
using Mosaic.Server.Connectors;
using Mosaic.Server.Llm;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Agent;

/// <summary>
/// With a model: the fast model ranks the sources with a JSON-schema answer (null when it fails, so the signals
/// still give a sensible plan), and every source gets the question as asked.
/// </summary>
public sealed class ModelSourcePlanner(LlmProvider llm, AgentSettings settings, ILogger<ModelSourcePlanner> logger) : ISourcePlanner
{
    public ValueTask<PlannedCall?> PlanCallAsync(string userId, string query, SourceDefinition source, CancellationToken ct) =>
        ValueTask.FromResult<PlannedCall?>(null);

    public async Task<IReadOnlyList<SourceRelevance>?> RankAsync(
        string query,
        IReadOnlyList<SourceDefinition> sources,
        CancellationToken ct
    )
    {
        var catalogue = string.Join("\n", sources.Select(s => $"- {s.Id}: {s.Name} — {s.Description}"));
        var messages = new List<ChatMessage>
        {
            new(
                ChatRole.System,
                "You decide which data sources can answer a question. Reply with JSON only: "
                    + "{\"sources\": [{\"source\": \"<id>\", \"confidence\": 0.0-1.0, \"reasoning\": \"<one sentence>\"}]}, "
                    + "most relevant first, using only the ids listed. Leave out sources that cannot help."
            ),
            new(ChatRole.User, $"Sources:\n{catalogue}\n\nQuestion: {query}"),
        };
        var options = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = 600,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "source_ranking", "Relevant data sources for a question"),
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.DetectTimeout);
            var response = await (llm.Fast ?? llm.Chat).GetResponseAsync(messages, options, timeout.Token);
            return Parse(response.Text, sources);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Detection is a ranking aid: when the model fails, the heuristics still give a sensible plan.
            logger.LogWarning("Source detection by the model failed, using heuristics: {Error}", e.Message);
            return null;
        }
    }

    internal static IReadOnlyList<SourceRelevance>? Parse(string text, IReadOnlyList<SourceDefinition> sources)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
            return null;
        try
        {
            using var doc = JsonDocument.Parse(text[start..(end + 1)]);
            if (!doc.RootElement.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
                return null;
            var known = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            return list.EnumerateArray()
                .Where(e =>
                    e.ValueKind == JsonValueKind.Object && e.TryGetProperty("source", out var s) && known.Contains(s.GetString() ?? "")
                )
                .Select(e => new SourceRelevance(
                    e.GetProperty("source").GetString()!,
                    e.TryGetProperty("confidence", out var c) && c.TryGetDouble(out var v) ? Math.Clamp(v, 0, 1) : 0.5,
                    e.TryGetProperty("reasoning", out var r) && r.ValueKind == JsonValueKind.String
                        ? r.GetString()!
                        : "Chosen by the model."
                ))
                .GroupBy(r => r.Source)
                .Select(g => g.First())
                .ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonElement Schema = JsonDocument
        .Parse(
            """
            {"type":"object","properties":{"sources":{"type":"array","items":{"type":"object","properties":{
            "source":{"type":"string"},"confidence":{"type":"number"},"reasoning":{"type":"string"}},
            "required":["source","confidence","reasoning"],"additionalProperties":false}}},
            "required":["sources"],"additionalProperties":false}
            """
        )
        .RootElement.Clone();
}
