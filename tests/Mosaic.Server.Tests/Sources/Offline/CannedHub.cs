using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Tests.Sources.Offline;

/// <summary>
/// A hub that answers the reads an Offline plan makes before it decides (the buckets, a repository's issues) with
/// fixed results shaped like the connectors' own, and records them; any other call fails the test.
/// </summary>
public sealed class CannedHub(Dictionary<string, string>? results = null) : IMcpHub
{
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>"tool {arguments as JSON}", in the order made.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<McpToolInfo>>([]);

    public Task<McpToolResult> CallToolAsync(
        string userId,
        string datasource,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    )
    {
        var call = $"{tool} {JsonSerializer.Serialize(arguments ?? new Dictionary<string, JsonElement>())}";
        _calls.Enqueue(call);
        // The most specific canned result: for this exact call, else for the tool.
        var json = results?.GetValueOrDefault(call)
            ?? results?.GetValueOrDefault(tool)
            ?? throw new InvalidOperationException($"The plan made an unexpected call: {call}");
        var structured = JsonDocument.Parse(json).RootElement.Clone();
        return Task.FromResult(new McpToolResult(false, json, structured, TimeSpan.Zero, false));
    }

    public McpHubStatus GetStatus() => new(0, []);

    public BreakerState GetBreakerState(string userId, string datasource) => BreakerState.Closed;
}

/// <summary>Plans a question with one built-in source at a fixed time, as the Offline chat and agent do.</summary>
public static class Plans
{
    /// <summary>Monday 2025-06-16 15:00 UTC: periods ("this week", "yesterday") come out the same on every run.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 16, 15, 0, 0, TimeSpan.Zero);

    public static async Task<PlannedCall> PlanAsync(IBuiltInSource source, string question, CannedHub? hub = null)
    {
        var q = new OfflineQuestion("u1", question, hub ?? new CannedHub(), NullLogger.Instance, Now);
        var call = await source.PlanOfflineAsync(q, CancellationToken.None);
        Assert.NotNull(call);
        return call;
    }

    public static string Arguments(PlannedCall call) =>
        JsonSerializer.Serialize(
            call.Arguments,
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
        );

    /// <summary>The lead the answer opens with for this tool output (JSON as the connector returns it).</summary>
    public static string? Lead(PlannedCall call, string json) =>
        call.Answer!.Lead!(new ToolOutput(json, JsonDocument.Parse(json).RootElement.Clone()));
}
