using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>A real McpHub for loop-level tests, serving "files" (server-filesystem on a temp dir) to user-1, with calls recorded.</summary>
public sealed class LoopHub : IAsyncDisposable
{
    private readonly HubHarness _harness = new();

    public LoopHub(string filesDir)
    {
        _harness.Resolver.Set(
            LoopHarness.UserId,
            "files",
            // Its annotations believed, as for a built-in connector: these tests are about the loop, not trust.
            new StdioLaunchSpec(TestTools.Bin("mcp-server-filesystem"), [filesDir], new Dictionary<string, string>())
            {
                Trust = ToolTrust.Annotations,
            }
        );
        Hub = new RecordingHub(_harness.Hub);
    }

    public RecordingHub Hub { get; }

    public IReadOnlyList<string> Calls => Hub.Calls.Select(c => c.Tool).ToList();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
