using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Support;

namespace Mosaic.Server.Tests.Hub;

/// <summary>The hub inside the real server: registry, credential vault, /api/datasources and health.</summary>
public class HubAppTests
{
    static string ConnectorsFileWithEverything()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mosaic-cf").FullName, "connectors.json");
        File.WriteAllText(
            path,
            $$"""
            { "sources": [ { "id": "everything", "name": "Everything", "description": "Reference MCP server",
                "command": {{JsonSerializer.Serialize(TestTools.Everything)}}, "args": ["stdio"],
                "credentials": [ { "name": "token", "label": "Token", "type": "password", "required": true,
                  "env_var": "EVERYTHING_TOKEN" } ] } ] }
            """
        );
        return path;
    }

    static async Task SaveAsync(TestUser user, string datasource, object credentials)
    {
        // Like the web UI at start-up: /me hands out an XSRF token for the signed-in session.
        (await user.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        var response = await user.Http.PostAsJsonAsync("/api/credentials", new { datasource, credentials });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    static async Task<string> TokenSeenByChildAsync(IMcpHub hub, string userId)
    {
        var env = await hub.CallToolAsync(userId, "everything", "get-env", null, CancellationToken.None);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(env.Text)!.GetValueOrDefault("EVERYTHING_TOKEN") ?? "(none)";
    }

    [Fact]
    public async Task A_custom_source_from_connectors_json_is_listed_and_runs_with_the_users_saved_credentials()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
            f.Settings["MOSAIC_CONNECTORS_FILE"] = ConnectorsFileWithEverything()
        );
        var alice = await app.SignUpAndLogInAsync();
        var bob = await app.SignUpAndLogInAsync();
        var hub = app.Services.GetRequiredService<IMcpHub>();

        var before = await hub.CallToolAsync(alice.Id, "everything", "echo", HubHarness.Args(new { message = "x" }), CancellationToken.None)
            .ContinueWith(t => t.Exception?.InnerException);
        Assert.Equal(McpHubFailure.NotConfigured, Assert.IsType<McpHubException>(before).Failure);

        await SaveAsync(alice, "everything", new { token = "alice-token" });
        await SaveAsync(bob, "everything", new { token = "bob-token" });
        Assert.Equal("alice-token", await TokenSeenByChildAsync(hub, alice.Id));
        Assert.Equal("bob-token", await TokenSeenByChildAsync(hub, bob.Id));

        var sources = await alice.Http.GetFromJsonAsync<JsonElement>("/api/datasources");
        var everything = sources.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "everything");
        Assert.Equal("Everything", everything.GetProperty("name").GetString());
        Assert.True(everything.GetProperty("configured").GetBoolean());
        Assert.Equal("closed", everything.GetProperty("status").GetProperty("breaker").GetString());
        Assert.True(everything.GetProperty("status").GetProperty("connected").GetBoolean());
        var slack = sources.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "slack");
        Assert.False(slack.GetProperty("status").GetProperty("connected").GetBoolean());

        var health = await alice.Http.GetFromJsonAsync<JsonElement>("/api/health/detailed");
        Assert.Equal(2, health.GetProperty("mcp_connections").GetInt32());
        Assert.Equal(0, health.GetProperty("mcp_breakers").GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task Saving_or_deleting_credentials_replaces_the_connector_process_at_once()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
            f.Settings["MOSAIC_CONNECTORS_FILE"] = ConnectorsFileWithEverything()
        );
        var alice = await app.SignUpAndLogInAsync();
        var hub = app.Services.GetRequiredService<McpHub>();
        await SaveAsync(alice, "everything", new { token = "first" });
        Assert.Equal("first", await TokenSeenByChildAsync(hub, alice.Id));
        var firstPid = hub.GetStatus().Sessions.Single().ProcessId!.Value;

        await SaveAsync(alice, "everything", new { token = "second" });
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(firstPid)), "the process with the old token still runs");
        Assert.Equal("second", await TokenSeenByChildAsync(hub, alice.Id));

        var secondPid = hub.GetStatus().Sessions.Single().ProcessId!.Value;
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.DeleteAsync("/api/credentials/everything")).StatusCode);
        Assert.True(await TestTools.EventuallyAsync(() => TestTools.HasExited(secondPid)), "the process outlived its credentials");
        Assert.Equal(0, hub.GetStatus().LiveSessions);
    }

    [Fact]
    public async Task A_built_in_connector_is_found_in_the_build_output_and_started_with_its_env_vars()
    {
        await using var app = await MosaicAppFactory.StartNewAsync();
        var alice = await app.SignUpAndLogInAsync();
        var hub = app.Services.GetRequiredService<IMcpHub>();
        await SaveAsync(alice, "slack", new { bot_token = "xoxb-test", api_url = "http://127.0.0.1:9/api/" });

        var tools = await hub.ListToolsAsync(alice.Id, "slack", CancellationToken.None);

        Assert.Contains(tools, t => t is { Name: "list_channels", ReadOnly: true });
        Assert.Contains(tools, t => t is { Name: "send_message", ReadOnly: false });
    }

    [Fact]
    public async Task A_malformed_connectors_json_refuses_start_up_naming_the_problem()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mosaic-cf").FullName, "connectors.json");
        File.WriteAllText(
            path,
            """{ "sources": [ { "id": "wiki", "name": "Wiki", "url": "https://x/mcp", """
                + """ "headers": { "Authorization": "Bearer {tokn}" } } ] }"""
        );
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["MOSAIC_CONNECTORS_FILE"] = path);

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = string.Join(" | ", Flatten(e).Select(x => x.Message));
        Assert.Contains($"{path}: sources[0] (id \"wiki\"): headers.Authorization uses {{tokn}}", message);
    }

    static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            yield return x;
    }
}
