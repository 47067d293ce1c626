using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>One definition of a usable source, and the agent's list, the datasource list and the hub agree on it.</summary>
public sealed class UsableSourcesTests
{
    [Fact]
    public async Task A_user_can_ask_the_sources_with_saved_credentials_and_those_needing_none_and_the_hub_agrees()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mosaic-usable").FullName, "connectors.json");
        File.WriteAllText(
            path,
            $$"""
            { "sources": [
              { "id": "open", "name": "Open", "command": {{JsonSerializer.Serialize(TestTools.Everything)}}, "args": ["stdio"],
                "credentials": [ { "name": "token", "label": "Token", "type": "password", "required": false,
                  "env_var": "EVERYTHING_TOKEN" } ] },
              { "id": "locked", "name": "Locked", "command": {{JsonSerializer.Serialize(TestTools.Everything)}}, "args": ["stdio"],
                "credentials": [ { "name": "token", "label": "Token", "type": "password", "required": true,
                  "env_var": "EVERYTHING_TOKEN" } ] } ] }
            """
        );
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["MOSAIC_CONNECTORS_FILE"] = path);
        var alice = await app.SignUpAndLogInAsync();
        (await alice.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        var save = await alice.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = "github", credentials = new { token = "ghp_x" } }
        );
        save.EnsureSuccessStatusCode();

        using var scope = app.Services.CreateScope();
        var usable = await scope.ServiceProvider.GetRequiredService<UsableSources>().UsableAsync(alice.Id, CancellationToken.None);
        Assert.Equal(["github", "open"], usable.Select(s => s.Id).Order());

        // The agent's list says the same; /api/datasources' "configured" stays "credentials saved".
        var agent = await alice.Http.GetFromJsonAsync<JsonElement>("/api/agent/sources");
        var ready = agent
            .EnumerateArray()
            .Where(s => s.GetProperty("configured").GetBoolean())
            .Select(s => s.GetProperty("id").GetString());
        Assert.Equal(["github", "open"], ready.Order());
        var listed = await alice.Http.GetFromJsonAsync<JsonElement>("/api/datasources");
        var saved = listed
            .EnumerateArray()
            .Where(s => s.GetProperty("configured").GetBoolean())
            .Select(s => s.GetProperty("id").GetString());
        Assert.Equal(["github"], saved);

        // The hub runs what is usable and refuses what is not, for the same reason.
        var hub = app.Services.GetRequiredService<IMcpHub>();
        Assert.Contains(await hub.ListToolsAsync(alice.Id, "open", CancellationToken.None), t => t.Name == "echo");
        var locked = await Assert.ThrowsAsync<McpHubException>(() => hub.ListToolsAsync(alice.Id, "locked", CancellationToken.None));
        Assert.Equal(McpHubFailure.NotConfigured, locked.Failure);
    }
}
