using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;
using Mosaic.Server.Sources;
using Mosaic.Server.Sources.GitHub;
using Mosaic.Server.Sources.GoogleWorkspace;
using Mosaic.Server.Sources.Jira;
using Mosaic.Server.Sources.MySql;
using Mosaic.Server.Sources.S3;
using Mosaic.Server.Sources.Shopify;
using Mosaic.Server.Sources.Slack;

namespace Mosaic.Server.Agent;

/// <summary>
/// Ranks a user's sources for a question: the planner's ranking (the fast model) when it
/// gives one, else heuristics over what each source recognizes in the question (<see cref="SourceSignals"/>) and
/// the people the sources know (<see cref="PeopleDirectory"/>).
/// </summary>
public sealed partial class SourceDetector(ISourcePlanner planner, AgentSettings settings, PeopleDirectory people)
{
    public async Task<DetectSourcesResponse> DetectAsync(
        string userId,
        string query,
        IReadOnlyList<SourceDefinition> sources,
        CancellationToken ct
    )
    {
        if (sources.Count == 0)
            return new DetectSourcesResponse([], "none");
        if (await planner.RankAsync(query, sources, ct) is { } ranked)
            return new DetectSourcesResponse(Trim(ranked), "model");
        var names = await people.NamesAsync(userId, sources, ct);
        return new DetectSourcesResponse(Trim(Heuristic(query, sources, names)), "heuristic");
    }

    /// <summary>Ranked, above the threshold, at most the configured number.</summary>
    private IReadOnlyList<SourceRelevance> Trim(IEnumerable<SourceRelevance> ranked) =>
        ranked.Where(r => r.Confidence >= settings.MinConfidence).OrderByDescending(r => r.Confidence).Take(settings.MaxSources).ToList();

    public IReadOnlyList<SourceRelevance> Heuristic(string query, IReadOnlyList<SourceDefinition> sources, IReadOnlyList<string> names)
    {
        var words = SourceSignals.Tokenize(query);
        var people = names.Where(n => ContainsName(query, n)).Take(2).ToList();
        var result = new List<SourceRelevance>();
        // "What do we know about X?", "What needs my attention?": the answer is wherever it is, so every source is asked,
        // those the question points at first.
        // A question that names a source ("what's new in Jira?") stays with it.
        var broad =
            Broad().IsMatch(query)
            && !sources.Any(s => words.Contains(s.Id) || BuiltInSources.Find(s.Id)?.NameWords.Any(words.Contains) == true);
        foreach (var source in sources)
        {
            List<Signal> own = BuiltInSources.Find(source.Id) is { } builtIn
                ? [.. SourceSignals.Find(builtIn, query, words), .. people.Select(builtIn.Person).OfType<Signal>()]
                : [];
            if (broad)
                own.Add(new(source.Id, settings.MinConfidence, "asks broadly, so every source may hold part of the answer"));
            if (!source.IsBuiltIn)
            {
                // A custom source is known only by its name and description.
                var vocabulary = SourceSignals.Tokenize($"{source.Id} {source.Name} {source.Description}").Where(w => w.Length > 3);
                own.AddRange(
                    vocabulary
                        .Where(words.Contains)
                        .Distinct()
                        .Take(3)
                        .Select(w => new Signal(source.Id, 0.5, $"mentions \"{w}\" from its description"))
                );
                if (words.Contains(source.Id.ToLowerInvariant()))
                    own.Add(new(source.Id, 0.9, "names the source"));
            }
            if (own.Count == 0)
                continue;
            var reasons = own.OrderByDescending(s => s.Weight).Select(s => s.Why).Distinct().Take(3);
            result.Add(
                new SourceRelevance(
                    source.Id,
                    SourceSignals.Combine(own.Select(s => s.Weight)),
                    $"The question {string.Join("; ", reasons)}."
                )
            );
        }
        if (result.Count == 0)
            // Nothing points anywhere: ask everything at the threshold rather than nothing.
            result.AddRange(
                sources.Select(s => new SourceRelevance(
                    s.Id,
                    settings.MinConfidence,
                    "Nothing in the question points to a particular source, so every configured source is asked."
                ))
            );
        // Equal hints (a broad question) go first to where a team talks and tracks its work.
        return result.OrderByDescending(r => r.Confidence).ThenBy(r => BroadOrder.IndexOf(r.Source) is var i and >= 0 ? i : 99).ToList();
    }

    private static readonly List<string> BroadOrder =
    [
        SlackSource.Id,
        JiraSource.Id,
        GitHubSource.Id,
        GoogleWorkspaceSource.Id,
        ShopifySource.Id,
        MySqlSource.Id,
        S3Source.Id,
    ];

    private static bool ContainsName(string query, string name) =>
        Regex.IsMatch(query, $@"\b{Regex.Escape(name)}\b", RegexOptions.IgnoreCase);

    [GeneratedRegex(
        @"\b(what do (?:we|you|i) know|everything (?:about|on)|overview of|catch me up|(?:needs?|require) my attention|"
            + @"what did i miss|what(?:'s| is| has) (?:new|changed|happening)|anything (?:new|i should know))\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Broad();
}
