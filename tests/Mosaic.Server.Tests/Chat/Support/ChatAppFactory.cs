using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>
/// The real server for chat tests: the real McpHub, with two third-party MCP servers registered in
/// connectors.json ("files": server-filesystem on a temp dir, "everything": server-everything, each with the
/// tools its server annotates read-only vouched for in read_only_tools), plus any <paramref name="extraSources"/>
/// (JSON objects), and the model either the fake Anthropic API (the real SDK path) or Offline mode. The hub is
/// wrapped in a <see cref="RecordingHub"/> so tests can see which tool calls ran and how they ended.
/// </summary>
public sealed class ChatAppFactory : MosaicAppFactory, IAsyncLifetime
{
    public ChatAppFactory(FakeAnthropic? anthropic, string extraSources = "")
    {
        Anthropic = anthropic;
        if (anthropic is null)
            Settings["MOSAIC_LLM_PROVIDER"] = "offline";
        else
        {
            Settings["MOSAIC_LLM_PROVIDER"] = "anthropic";
            Settings["ANTHROPIC_API_KEY"] = "sk-ant-test";
            Settings["ANTHROPIC_BASE_URL"] = anthropic.BaseUrl;
        }
        var connectors = Path.Combine(FilesDir + "-config", "connectors.json");
        Directory.CreateDirectory(Path.GetDirectoryName(connectors)!);
        File.WriteAllText(
            connectors,
            $$"""
            { "sources": [
              { "id": "files", "name": "Team files", "description": "Shared drive",
                "command": {{JsonSerializer.Serialize(TestTools.Bin("mcp-server-filesystem"))}},
                "args": [{{JsonSerializer.Serialize(FilesDir)}}],
                "read_only_tools": ["read_file", "read_text_file", "read_media_file", "read_multiple_files", "list_directory",
                  "list_directory_with_sizes", "directory_tree", "search_files", "get_file_info", "list_allowed_directories"] },
              { "id": "everything", "name": "Everything", "description": "MCP reference server",
                "command": {{JsonSerializer.Serialize(TestTools.Bin("mcp-server-everything"))}}, "args": ["stdio"],
                "read_only_tools": ["echo", "get-annotated-message", "get-env", "get-resource-links", "get-resource-reference",
                  "get-structured-content", "get-sum", "get-tiny-image", "trigger-long-running-operation"] }
              {{(extraSources.Length > 0 ? "," + extraSources : "")}}
            ] }
            """
        );
        Settings["MOSAIC_CONNECTORS_FILE"] = connectors;
    }

    public FakeAnthropic? Anthropic { get; }
    public string FilesDir { get; } = TestTools.TempDir();
    public RecordingHub Hub => (RecordingHub)Services.GetRequiredService<IMcpHub>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IMcpHub>(sp => new RecordingHub(sp.GetRequiredService<McpHub>())))
        );
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dir in new[] { FilesDir, FilesDir + "-config" })
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
    }
}
