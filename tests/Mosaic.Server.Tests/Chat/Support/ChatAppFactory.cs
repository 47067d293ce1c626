using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>
/// The real server for chat tests, with two third-party MCP servers registered as custom sources
/// ("files": server-filesystem on a temp dir, "everything": server-everything) and the model either
/// the fake Anthropic API (the real SDK path) or Offline mode.
/// </summary>
public sealed class ChatAppFactory : MosaicAppFactory, IAsyncLifetime
{
    public ChatAppFactory(FakeAnthropic? anthropic)
    {
        Anthropic = anthropic;
        if (anthropic is null) Settings["MOSAIC_LLM_PROVIDER"] = "offline";
        else
        {
            Settings["MOSAIC_LLM_PROVIDER"] = "anthropic";
            Settings["ANTHROPIC_API_KEY"] = "sk-ant-test";
            Settings["ANTHROPIC_BASE_URL"] = anthropic.BaseUrl;
        }
    }

    public FakeAnthropic? Anthropic { get; }
    public string FilesDir { get; } = TestTools.TempDir();
    public RecordingHub Hub { get; private set; } = null!;
    private StdioTestHub? _stdio;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            _stdio = new StdioTestHub(new Dictionary<string, (string, string[])>
            {
                ["files"] = (TestTools.Bin("mcp-server-filesystem"), [FilesDir]),
                ["everything"] = (TestTools.Bin("mcp-server-everything"), []),
            });
            Hub = new RecordingHub(_stdio);
            services.AddSingleton<IMcpHub>(Hub);
            services.AddSingleton(new ConnectorRegistry([.. BuiltInConnectors.All,
                new ConnectorDefinition { Id = "files", Name = "Team files", Description = "Shared drive", Icon = "mcp", Command = "mcp-server-filesystem" },
                new ConnectorDefinition { Id = "everything", Name = "Everything", Description = "MCP test server", Icon = "mcp", Command = "mcp-server-everything" }]));
        });
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_stdio is not null) await _stdio.DisposeAsync();
        if (Directory.Exists(FilesDir)) Directory.Delete(FilesDir, recursive: true);
    }
}
