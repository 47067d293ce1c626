using System.Net.Http.Json;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Server.Tests.Datasources;

/// <summary>The real server (Offline) and a Sandbox its connectors may reach: connection tests run the real whoami tools.</summary>
public sealed class SourceTestFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; } = new();
    public MosaicAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        // The Sandbox is on loopback: the operator's allow list names exactly its host:port (every simulator shares it).
        App.Settings["MOSAIC_EGRESS_ALLOW"] = Sandbox.EnvFor("slack")["MOSAIC_EGRESS_ALLOW"];
        App.Settings["MOSAIC_LLM_PROVIDER"] = "offline";
        await App.InitializeAsync();
    }

    /// <summary>The Sandbox's Slack fields (Alice's user token and the bot's), with some replaced.</summary>
    public Dictionary<string, string> SlackFields(params (string Name, string Value)[] overrides)
    {
        var env = Sandbox.EnvFor("slack");
        var fields = new Dictionary<string, string>
        {
            ["bot_token"] = env["SLACK_BOT_TOKEN"],
            ["user_token"] = env["SLACK_USER_TOKEN"],
            ["api_url"] = env["SLACK_API_URL"],
        };
        foreach (var (name, value) in overrides)
            fields[name] = value;
        return fields;
    }

    public Dictionary<string, string> GitHubFields() =>
        new() { ["token"] = Sandbox.EnvFor("github")["GITHUB_TOKEN"], ["api_url"] = Sandbox.EnvFor("github")["GITHUB_API_URL"] };

    public static async Task SaveAsync(TestUser user, string datasource, Dictionary<string, string> fields)
    {
        var saved = await user.Http.PostAsJsonAsync("/api/credentials", new { datasource, credentials = fields });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
