using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>
/// A minimal <see cref="IMcpHub"/> for unit-level chat tests: one real stdio MCP server process per datasource,
/// with none of McpHub's pooling or breakers. It also counts calls so tests can prove a tool did not run.
/// </summary>
public sealed class StdioTestHub(IReadOnlyDictionary<string, (string Command, string[] Args)> servers) : IMcpHub, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task<McpClient>> _clients = new();
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyCollection<string> Calls => _calls.ToArray();

    public async Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct)
    {
        var client = await ClientAsync(datasource, ct);
        var tools = await client.ListToolsAsync(cancellationToken: ct);
        return tools.Select(t => new McpToolInfo(t.Name, t.Description, t.JsonSchema,
            t.ProtocolTool.Annotations?.ReadOnlyHint == true, t.ProtocolTool.Annotations?.DestructiveHint == true)).ToList();
    }

    public async Task<McpToolResult> CallToolAsync(string userId, string datasource, string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments, CancellationToken ct)
    {
        _calls.Enqueue(tool);
        var client = await ClientAsync(datasource, ct);
        var started = Stopwatch.GetTimestamp();
        var result = await client.CallToolAsync(tool, arguments?.ToDictionary(a => a.Key, a => (object?)a.Value), cancellationToken: ct);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        return new McpToolResult(result.IsError == true, text, result.StructuredContent, Stopwatch.GetElapsedTime(started), false);
    }

    public McpHubStatus GetStatus() => new(_clients.Count, []);

    public BreakerState GetBreakerState(string userId, string datasource) => BreakerState.Closed;

    private Task<McpClient> ClientAsync(string datasource, CancellationToken ct) =>
        _clients.GetOrAdd(datasource, ds =>
        {
            if (!servers.TryGetValue(ds, out var s))
                throw new McpHubException(McpHubFailure.UnknownSource, ds, $"Unknown datasource '{ds}'.");
            return McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
            {
                Command = s.Command, Arguments = s.Args, Name = ds,
            }), cancellationToken: CancellationToken.None);
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients.Values)
            if (c.IsCompletedSuccessfully) await c.Result.DisposeAsync();
    }
}
