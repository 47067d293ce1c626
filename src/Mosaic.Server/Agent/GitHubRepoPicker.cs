using System.Text.Json;
using System.Text.RegularExpressions;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Agent;

/// <summary>
/// Offline mode only: GitHub's tools work per repository, so the agent needs one to look in. The question's
/// own owner/repo wins; else the user's repository whose name or description shares the most words with
/// the question; else the most recently pushed one.
/// </summary>
public sealed partial class GitHubRepoPicker(IMcpHub hub, ILogger<GitHubRepoPicker> logger)
{
    public async Task<string?> PickAsync(string userId, string query, CancellationToken ct)
    {
        if (OwnerRepo().Match(query) is { Success: true } m) return m.Value;
        try
        {
            var args = new Dictionary<string, JsonElement>
            {
                ["sort"] = JsonSerializer.SerializeToElement("pushed"), ["limit"] = JsonSerializer.SerializeToElement(50),
            };
            var result = await hub.CallToolAsync(userId, "github", "list_repositories", args, ct);
            if (result.IsError || result.Structured is not { } s || !s.TryGetProperty("repositories", out var repos)) return null;
            var words = OfflineSourceQueries.Keywords(query).ToHashSet();
            var candidates = repos.EnumerateArray().Select((r, i) => (
                Name: r.GetProperty("full_name").GetString()!,
                Archived: r.TryGetProperty("archived", out var a) && a.ValueKind == JsonValueKind.True,
                Score: SourceSignals.Tokenize($"{r.GetProperty("full_name").GetString()} {(r.TryGetProperty("description", out var d) ? d.GetString() : "")}")
                    .SelectMany(w => w.Split('-', '/')).Count(words.Contains),
                Order: i)).Where(c => !c.Archived).ToList();
            return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Order).FirstOrDefault().Name;
        }
        catch (McpHubException e)
        {
            logger.LogDebug("No GitHub repository for the agent's Offline plan: {Error}", e.Message);
            return null;
        }
    }

    [GeneratedRegex(@"(?<=^|\s)[A-Za-z0-9][\w.\-]*/[A-Za-z0-9][\w.\-]*(?=$|[\s,?!]|\.(?:\s|$))")]
    private static partial Regex OwnerRepo();
}
