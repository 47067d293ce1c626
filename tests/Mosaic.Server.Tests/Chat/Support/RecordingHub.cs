using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>Wraps the server's hub and records every tool call and how it ended, so tests can prove what ran and what was
/// cancelled.</summary>
public sealed class RecordingHub(IMcpHub inner) : IMcpHub
{
    public sealed record Call(string UserId, string Datasource, string Tool, string Outcome, TimeSpan Elapsed);

    private readonly ConcurrentQueue<Call> _calls = new();

    public IReadOnlyList<Call> Calls => [.. _calls];

    public Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct) =>
        inner.ListToolsAsync(userId, datasource, ct);

    public Task<IReadOnlyList<McpToolInfo>> ListDeclaredToolsAsync(string userId, string datasource, CancellationToken ct) =>
        inner.ListDeclaredToolsAsync(userId, datasource, ct);

    public async Task<McpToolResult> CallToolAsync(
        string userId,
        string datasource,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    )
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await inner.CallToolAsync(userId, datasource, tool, arguments, ct);
            outcome = result.IsError ? "tool_error" : "ok";
            return result;
        }
        catch (Exception e) when (e is OperationCanceledException || e is McpHubException { Failure: McpHubFailure.Cancelled })
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            _calls.Enqueue(new Call(userId, datasource, tool, outcome, Stopwatch.GetElapsedTime(started)));
        }
    }

    public McpHubStatus GetStatus() => inner.GetStatus();

    public BreakerState GetBreakerState(string userId, string datasource) => inner.GetBreakerState(userId, datasource);
}
