using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Demo;
using Mosaic.Server.Sources;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Agent;

/// <summary>
/// The real server for agent and digest tests: the built-in connectors as real processes, plus custom sources
/// running tests/Mosaic.TestMcpServer ("slow1".."slow3": a sleep tool) and one that cannot start ("broken").
/// The model is Offline or the fake Anthropic API. With <see cref="WithDemo"/>, the demo's own wiring
/// (<see cref="DemoEnvironment"/>: the real Sandbox, s3rver, credentials for all seven sources) runs for a user.
/// </summary>
public sealed class AgentAppFactory : MosaicAppFactory
{
    public AgentAppFactory(FakeAnthropic? anthropic)
    {
        if (anthropic is null)
            Settings["MOSAIC_LLM_PROVIDER"] = "offline";
        else
        {
            Settings["MOSAIC_LLM_PROVIDER"] = "anthropic";
            Settings["ANTHROPIC_API_KEY"] = "sk-ant-test";
            Settings["ANTHROPIC_BASE_URL"] = anthropic.BaseUrl;
        }
        Settings["AGENT_SOURCE_TIMEOUT_SECONDS"] = "40";
        Settings["MCP_CALL_TIMEOUT"] = "45";
    }

    public static (string Command, IReadOnlyList<string> Args) TestServer
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            var root = testBin;
            while (!File.Exists(Path.Combine(root.FullName, "Mosaic.slnx")))
                root = root.Parent!;
            return new BuiltInConnectorLocator(
                Path.Combine(root.FullName, "tests", "Mosaic.TestMcpServer", "bin", configuration, "net10.0")
            ).Locate("Mosaic.TestMcpServer");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var (command, args) = TestServer;
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IMcpHub>(sp => new OrderedHub(sp.GetRequiredService<McpHub>())));
            services.AddSingleton(
                new SourceRegistry([
                    .. BuiltInSources.Definitions,
                    .. Enumerable
                        .Range(1, 3)
                        .Select(i => new SourceDefinition
                        {
                            Id = $"slow{i}",
                            Name = $"Slow source {i}",
                            Description = "Answers after a pause",
                            Icon = "mcp",
                            Command = command,
                            Args = args,
                            // Vouched for as an operator would in connectors.json; crash, save_note and the rest still need approval.
                            ReadOnlyTools = ["pid", "hang", "sleep"],
                        }),
                    new SourceDefinition
                    {
                        Id = "broken",
                        Name = "Broken source",
                        Description = "Cannot start",
                        Icon = "mcp",
                        Command = "/nonexistent/mcp-server",
                    },
                ])
            );
        });
    }

    /// <summary>The server's hub, which logs the order of tool calls and can hold one tool's calls.</summary>
    public OrderedHub Hub => (OrderedHub)Services.GetRequiredService<IMcpHub>();

    /// <summary>
    /// A new signed-in account named like the demo account: the Sandbox's tokens are Alice's, so mentions and review
    /// requests are hers.
    /// </summary>
    public async Task<TestUser> SignUpAliceAsync()
    {
        var browser = CreateBrowser();
        var email = $"alice-{Guid.NewGuid():N}@example.com";
        (await browser.SignupAsync(email, "correct horse battery staple", "Alice Chen")).EnsureSuccessStatusCode();
        var login = await browser.LoginAsync(email, "correct horse battery staple");
        login.EnsureSuccessStatusCode();
        var id = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetString()!;
        (await browser.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        return new TestUser(browser, id, email, "correct horse battery staple");
    }

    /// <summary>Starts the demo's sources for this user through the server's own DemoEnvironment.</summary>
    public async Task<DemoStatus> WithDemoAsync(TestUser user)
    {
        // The test tools' s3rver, so the demo does not install its own copy for every test run.
        if (Environment.GetEnvironmentVariable("MOSAIC_TEST_TOOLS") is { Length: > 0 } tools)
            Environment.SetEnvironmentVariable("MOSAIC_S3RVER", Path.Combine(tools, "s3rver"));
        return await Services.GetRequiredService<DemoEnvironment>().StartAsync(user.Id, CancellationToken.None);
    }
}

public static class AgentCalls
{
    public static async Task<JsonElement> AskAsync(this TestUser user, object body)
    {
        var response = await user.Http.PostAsJsonAsync("/api/agent/query", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"agent query failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<SseStream> StreamAsync(this TestUser user, object body) =>
        await SseStream.OpenAsync(user.Http, body, "/api/agent/query/stream");

    public static string EventType(JsonElement e) => e.GetProperty("event_type").GetString()!;

    public static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();

    public static JsonElement Result(JsonElement response, string source) =>
        response.GetProperty("source_results").EnumerateArray().Single(r => r.GetProperty("source").GetString() == source);
}
