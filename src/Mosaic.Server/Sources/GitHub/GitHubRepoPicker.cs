using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Sources.GitHub;

/// <summary>
/// The repository an Offline plan looks in: the question's own owner/repo; else the user's repository whose name or
/// description shares the most words with the question; else the most recently pushed one.
/// </summary>
public static class GitHubRepoPicker
{
    public static async Task<string?> PickAsync(OfflineQuestion q, CancellationToken ct)
    {
        if (GitHubSource.OwnerRepo().Match(q.Query) is { Success: true } m)
            return m.Value;
        try
        {
            var args = new Dictionary<string, JsonElement>
            {
                ["sort"] = JsonSerializer.SerializeToElement("pushed"),
                ["limit"] = JsonSerializer.SerializeToElement(50),
            };
            var result = await q.Hub.CallToolAsync(q.UserId, GitHubSource.Id, "list_repositories", args, ct);
            if (result.IsError || result.Structured is not { } s || !s.TryGetProperty("repositories", out var repos))
                return null;
            var words = q.Keywords.ToHashSet();
            var candidates = repos
                .EnumerateArray()
                .Select(
                    (r, i) =>
                        (
                            Name: r.GetProperty("full_name").GetString()!,
                            Archived: r.TryGetProperty("archived", out var a) && a.ValueKind == JsonValueKind.True,
                            Score: SourceSignals
                                .Tokenize($"{r.GetProperty("full_name").GetString()} {Description(r)}")
                                .SelectMany(w => w.Split('-', '/'))
                                .Count(words.Contains),
                            Order: i
                        )
                )
                .Where(c => !c.Archived)
                .ToList();
            return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Order).FirstOrDefault().Name;
        }
        catch (McpHubException e)
        {
            q.Logger.LogDebug("No GitHub repository for the agent's Offline plan: {Error}", e.Message);
            return null;
        }
    }

    private static string? Description(JsonElement repo) => repo.TryGetProperty("description", out var d) ? d.GetString() : "";
}
