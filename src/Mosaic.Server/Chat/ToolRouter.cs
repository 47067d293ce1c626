using System.Text.Json;
using Microsoft.Extensions.AI;
using Mosaic.Server.Llm;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Chat;

/// <summary>A connector's keyword route (docs/architecture.md#tool-routing): any keyword in the question → that tool.</summary>
public sealed record DirectRoute(IReadOnlyList<string> Keywords, string Tool);

/// <summary>What the router decided: which tier, an optional tool call to make straight away, and the tools the model sees.</summary>
public sealed record RoutePlan(
    string Tier,
    string Reason,
    IReadOnlyList<McpToolDeclaration> Tools,
    McpToolDeclaration? DirectTool = null,
    Dictionary<string, object?>? DirectArguments = null,
    OfflineAnswer? Answer = null
);

public static class RouteTiers
{
    public const string Direct = "direct",
        Fast = "fast",
        Standard = "standard",
        Offline = "offline";
}

/// <summary>Picks the tier of a question and the tools it may use; the model or Offline router is chosen at registration.</summary>
public interface IToolRouter
{
    Task<RoutePlan> RouteAsync(
        string message,
        IReadOnlyList<McpToolDeclaration> tools,
        IReadOnlyList<DirectRoute> routes,
        IReadOnlyDictionary<string, string>? credentialFields,
        CancellationToken ct
    );
}

/// <summary>
/// The three tiers of docs/architecture.md#tool-routing. Direct: a keyword pattern or the tool's own name picks a read-only tool whose
/// arguments are all known, and the host calls it at once (<see cref="DirectTier"/>). Fast: a source with many
/// tools lets the fast model narrow the set first. Standard: the answering model sees every tool.
/// </summary>
public sealed class ToolRouter(LlmProvider llm, ChatSettings settings, ILogger<ToolRouter> logger) : IToolRouter
{
    public async Task<RoutePlan> RouteAsync(
        string message,
        IReadOnlyList<McpToolDeclaration> tools,
        IReadOnlyList<DirectRoute> routes,
        IReadOnlyDictionary<string, string>? credentialFields,
        CancellationToken ct
    )
    {
        var shortEnough = message.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= settings.DirectTierMaxWords;
        if (shortEnough && DirectTier.Route(message, tools, routes, credentialFields) is { } direct)
            return direct;
        if (llm.Fast is not null && tools.Count > settings.FastTierToolThreshold)
        {
            var narrowed = await NarrowAsync(llm.Fast, message, tools, ct);
            if (narrowed.Count > 0)
                return new RoutePlan(
                    RouteTiers.Fast,
                    $"{llm.FastModel} picked {string.Join(", ", narrowed.Select(t => t.Name))}",
                    narrowed
                );
        }
        return new RoutePlan(RouteTiers.Standard, $"{llm.Model} chooses among {tools.Count} tools", tools);
    }

    private async Task<IReadOnlyList<McpToolDeclaration>> NarrowAsync(
        IChatClient fast,
        string message,
        IReadOnlyList<McpToolDeclaration> tools,
        CancellationToken ct
    )
    {
        var catalogue = string.Join("\n", tools.Select(t => $"- {t.Name}: {t.Description.Split('\n', 2)[0]}"));
        var prompt = new List<ChatMessage>
        {
            new(
                ChatRole.System,
                "You select tools for another assistant. Reply with only a JSON array of the names of "
                    + $"the tools (at most {settings.FastTierMaxTools}) needed to answer the question, most useful first. Reply [] "
                    + $"if none apply."
            ),
            new(ChatRole.User, $"Tools:\n{catalogue}\n\nQuestion: {message}"),
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.FastTierTimeout);
            var response = await fast.GetResponseAsync(prompt, new ChatOptions { Temperature = 0, MaxOutputTokens = 200 }, timeout.Token);
            var names = ParseNames(response.Text);
            return tools.Where(t => names.Contains(t.Name)).Take(settings.FastTierMaxTools).ToList();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The fast tier is an optimisation: when it fails, the standard model sees every tool.
            logger.LogWarning("Fast tool routing failed, falling back to the standard tier: {Error}", e.Message);
            return [];
        }
    }

    internal static HashSet<string> ParseNames(string text)
    {
        var start = text.IndexOf('[');
        var end = text.LastIndexOf(']');
        if (start < 0 || end <= start)
            return [];
        try
        {
            using var doc = JsonDocument.Parse(text[start..(end + 1)]);
            return doc
                .RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
