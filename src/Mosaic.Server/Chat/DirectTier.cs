using System.Text.RegularExpressions;
using Mosaic.Server.Llm;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Chat;

/// <summary>The direct tier: the host makes one read call itself, routed from the question's words or planned.</summary>
public static class DirectTier
{
    /// <summary>A planned call as a direct call; null without a plan, or when the source does not offer the tool.</summary>
    public static RoutePlan? Planned(PlannedCall? call, IReadOnlyList<McpToolDeclaration> tools) =>
        call is not null && tools.FirstOrDefault(t => t.Name == call.Tool) is { } tool
            ? new RoutePlan(
                RouteTiers.Direct,
                $"the plan calls {tool.Name}",
                tools,
                tool,
                new Dictionary<string, object?>(call.Arguments),
                call.Answer
            )
            : null;

    /// <summary>The read-only tool a keyword route or the tool's own name points at, when every required argument is known.</summary>
    public static RoutePlan? Route(
        string message,
        IReadOnlyList<McpToolDeclaration> tools,
        IReadOnlyList<DirectRoute> routes,
        IReadOnlyDictionary<string, string>? credentialFields
    )
    {
        var lower = message.ToLowerInvariant();
        var candidates = tools
            .Where(t => t.Info.ReadOnly)
            .Select(tool =>
            {
                var keywordHits = routes
                    .Where(r => r.Tool == tool.Name)
                    .Sum(r => r.Keywords.Count(k => Regex.IsMatch(lower, $@"\b{Regex.Escape(k.ToLowerInvariant())}\b")));
                var named = ToolMatcher.NamesTool(message, tool.Name);
                return (tool, keywordHits, named);
            })
            .Where(c => c.keywordHits > 0 || c.named);

        RoutePlan? best = null;
        var bestScore = 0.0;
        foreach (var (tool, hits, named) in candidates)
        {
            var args = ArgumentExtractor.Extract(message, tool.Schema);
            // A direct call never guesses: without every required argument the question goes to a model.
            // Saved defaults count, but are filled later by the executor, which records what it injected.
            var withDefaults = new Dictionary<string, object?>(args, StringComparer.OrdinalIgnoreCase);
            ParameterInjection.Inject(withDefaults, tool.Schema, credentialFields);
            if (tool.Schema.Required.Any(p => !withDefaults.ContainsKey(p.Name)))
                continue;
            var score = hits + (named ? 3 : 0) + 0.5 * args.Count;
            if (score <= bestScore)
                continue;
            bestScore = score;
            var why = named ? $"the question names {tool.Name}" : $"keyword route to {tool.Name}";
            best = new RoutePlan(RouteTiers.Direct, why, tools, tool, args);
        }
        return best;
    }
}

/// <summary>Offline mode: the direct tier at any length, else the Offline client matches the question to a tool by its words.</summary>
public sealed class OfflineToolRouter : IToolRouter
{
    public Task<RoutePlan> RouteAsync(
        string message,
        IReadOnlyList<McpToolDeclaration> tools,
        IReadOnlyList<DirectRoute> routes,
        IReadOnlyDictionary<string, string>? credentialFields,
        CancellationToken ct
    ) =>
        Task.FromResult(
            DirectTier.Route(message, tools, routes, credentialFields)
                ?? new RoutePlan(RouteTiers.Offline, "matching the question to a tool by its words", tools)
        );
}
