using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Mosaic.Server.Agent;
using Mosaic.Server.Audit;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Sources.Slack;

/// <summary>
/// The people a user's Slack knows (names and first names), so a question about "Bob" points at the
/// sources where people talk and work. Cached per user for ten minutes; best effort: no Slack, a slow
/// Slack or an error simply means no names.
/// </summary>
public sealed class PeopleDirectory(
    IMcpHub hub,
    ToolCallAudit audit,
    HybridCache cache,
    AgentSettings settings,
    ILogger<PeopleDirectory> logger
)
{
    private HybridCacheEntryOptions Entry => new() { Expiration = settings.PeopleCacheTtl, LocalCacheExpiration = settings.PeopleCacheTtl };

    public async Task<IReadOnlyList<string>> NamesAsync(string userId, IReadOnlyList<SourceDefinition> sources, CancellationToken ct)
    {
        if (!sources.Any(s => s.Id == SlackSource.Id))
            return [];
        var slack = audit.Recording(hub); // here, in the request: the cache's factory runs without its context
        try
        {
            // A failure throws out of the factory, so it is not cached: the next question tries again.
            return await cache.GetOrCreateAsync(
                $"mosaic:agent:people:{userId}",
                async token => await FetchAsync(slack, userId, token),
                Entry,
                cancellationToken: ct
            );
        }
        catch (Exception e)
            when (e is McpHubException or DirectoryFailure || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogDebug("People directory unavailable for the agent: {Error}", e.Message);
            return [];
        }
    }

    private async Task<string[]> FetchAsync(IMcpHub slack, string userId, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Long enough for a connector's first start on a busy machine; the question waits for it once.
        timeout.CancelAfter(settings.PeopleTimeout);
        var result = await slack.CallToolAsync(
            userId,
            SlackSource.Id,
            "list_users",
            new Dictionary<string, JsonElement> { ["limit"] = JsonSerializer.SerializeToElement(200) },
            timeout.Token
        );
        if (result.IsError || result.Structured is not { } s || !s.TryGetProperty("users", out var users))
            throw new DirectoryFailure(result.IsError ? result.Text : "list_users returned no users");
        return users
            .EnumerateArray()
            .Where(u =>
                !(u.TryGetProperty("is_bot", out var b) && b.ValueKind == JsonValueKind.True)
                && !(u.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True)
            )
            .Select(u => u.TryGetProperty("name", out var n) ? n.GetString() : null)
            .OfType<string>()
            .SelectMany(full => new[] { full, full.Split(' ')[0] })
            .Where(n => n.Length >= 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    private sealed class DirectoryFailure(string message) : Exception(message);
}
