using System.Text.Json;
using Microsoft.Extensions.AI;
using Mosaic.Server.Connectors;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Agent;

/// <summary>
/// Ranks a user's sources for a question (spec §3.2 SourceDetector): the fast model with a JSON-schema
/// answer when a model is configured, else — or when the model fails — heuristics over the question's
/// entities and words (<see cref="SourceSignals"/>) and the people the sources know (<see cref="PeopleDirectory"/>).
/// </summary>
public sealed class SourceDetector(LlmProvider llm, AgentSettings settings, PeopleDirectory people, ILogger<SourceDetector> logger)
{
    public async Task<DetectSourcesResponse> DetectAsync(string userId, string query, IReadOnlyList<ConnectorDefinition> sources, CancellationToken ct)
    {
        if (sources.Count == 0) return new DetectSourcesResponse([], "none");
        if (!llm.IsOffline && await AskModelAsync(query, sources, ct) is { } ranked)
            return new DetectSourcesResponse(Trim(ranked), "model");
        var names = await people.NamesAsync(userId, sources, ct);
        return new DetectSourcesResponse(Trim(Heuristic(query, sources, names)), "heuristic");
    }

    /// <summary>Ranked, above the threshold, at most the configured number.</summary>
    private IReadOnlyList<SourceRelevance> Trim(IEnumerable<SourceRelevance> ranked) =>
        ranked.Where(r => r.Confidence >= settings.MinConfidence).OrderByDescending(r => r.Confidence)
            .Take(settings.MaxSources).ToList();

    public IReadOnlyList<SourceRelevance> Heuristic(string query, IReadOnlyList<ConnectorDefinition> sources, IReadOnlyList<string> names)
    {
        var signals = SourceSignals.Find(query).ToList();
        foreach (var name in names.Where(n => ContainsName(query, n)).Take(2))
        {
            signals.Add(new("slack", 0.5, $"mentions {name}, who is on Slack"));
            signals.Add(new("jira", 0.3, $"mentions {name}, who may have Jira issues"));
            signals.Add(new("github", 0.25, $"mentions {name}, who may have pull requests"));
        }
        var words = SourceSignals.Tokenize(query);
        var result = new List<SourceRelevance>();
        foreach (var source in sources)
        {
            var own = signals.Where(s => s.Source == source.Id).ToList();
            if (!source.IsBuiltIn)
            {
                // A custom source is known only by its name and description.
                var vocabulary = SourceSignals.Tokenize($"{source.Id} {source.Name} {source.Description}").Where(w => w.Length > 3);
                own.AddRange(vocabulary.Where(words.Contains).Distinct().Take(3).Select(w => new SourceSignals.Signal(source.Id, 0.5, $"mentions \"{w}\" from its description")));
                if (words.Contains(source.Id.ToLowerInvariant())) own.Add(new(source.Id, 0.9, "names the source"));
            }
            if (own.Count == 0) continue;
            var reasons = own.OrderByDescending(s => s.Weight).Select(s => s.Why).Distinct().Take(3);
            result.Add(new SourceRelevance(source.Id, SourceSignals.Combine(own.Select(s => s.Weight)), $"The question {string.Join("; ", reasons)}."));
        }
        if (result.Count == 0)
            // Nothing points anywhere: ask everything at the threshold rather than nothing.
            result.AddRange(sources.Select(s => new SourceRelevance(s.Id, settings.MinConfidence,
                "Nothing in the question points to a particular source, so every configured source is asked.")));
        return result.OrderByDescending(r => r.Confidence).ToList();
    }

    private static bool ContainsName(string query, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(query, $@"\b{System.Text.RegularExpressions.Regex.Escape(name)}\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private async Task<IReadOnlyList<SourceRelevance>?> AskModelAsync(string query, IReadOnlyList<ConnectorDefinition> sources, CancellationToken ct)
    {
        var catalogue = string.Join("\n", sources.Select(s => $"- {s.Id}: {s.Name} — {s.Description}"));
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "You decide which data sources can answer a question. Reply with JSON only: "
                + "{\"sources\": [{\"source\": \"<id>\", \"confidence\": 0.0-1.0, \"reasoning\": \"<one sentence>\"}]}, "
                + "most relevant first, using only the ids listed. Leave out sources that cannot help."),
            new(ChatRole.User, $"Sources:\n{catalogue}\n\nQuestion: {query}"),
        };
        var options = new ChatOptions
        {
            Temperature = 0, MaxOutputTokens = 600,
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

    internal static IReadOnlyList<SourceRelevance>? Parse(string text, IReadOnlyList<ConnectorDefinition> sources)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        try
        {
            using var doc = JsonDocument.Parse(text[start..(end + 1)]);
            if (!doc.RootElement.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array) return null;
            var known = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            return list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("source", out var s) && known.Contains(s.GetString() ?? ""))
                .Select(e => new SourceRelevance(e.GetProperty("source").GetString()!,
                    e.TryGetProperty("confidence", out var c) && c.TryGetDouble(out var v) ? Math.Clamp(v, 0, 1) : 0.5,
                    e.TryGetProperty("reasoning", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "Chosen by the model."))
                .GroupBy(r => r.Source).Select(g => g.First()).ToList();
        }
        catch (JsonException) { return null; }
    }

    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{"sources":{"type":"array","items":{"type":"object","properties":{
        "source":{"type":"string"},"confidence":{"type":"number"},"reasoning":{"type":"string"}},
        "required":["source","confidence","reasoning"],"additionalProperties":false}}},"required":["sources"],"additionalProperties":false}
        """).RootElement.Clone();
}
