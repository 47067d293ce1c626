using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>New credentials saved through one replica replace the connector process another replica runs.</summary>
public sealed class ReplicaMcpSessionTests
{
    [Fact]
    public async Task Saving_credentials_on_A_replaces_the_connector_process_on_B_without_a_call_on_B()
    {
        var connectors = ConnectorsFileWithEverything();
        await using var replicas = await ReplicaPair.StartAsync(f => f.Settings["MOSAIC_CONNECTORS_FILE"] = connectors);
        var alice = await replicas.A.SignUpAndLogInAsync();
        (await alice.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode(); // hands out the XSRF token
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await alice.Http.PostAsJsonAsync(
                    "/api/credentials",
                    new { datasource = "everything", credentials = new { token = "first" } }
                )
            ).StatusCode
        );

        var hubOnB = replicas.B.Services.GetRequiredService<McpHub>();
        Assert.Equal("first", await TokenSeenByChildAsync(hubOnB, alice.Id));
        var oldProcess = hubOnB.GetStatus().Sessions.Single().ProcessId!.Value;

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await alice.Http.PostAsJsonAsync(
                    "/api/credentials",
                    new { datasource = "everything", credentials = new { token = "second" } }
                )
            ).StatusCode
        );

        // Only the notice from A can end B's process: nothing has asked B for anything since.
        await ReplicaPair.EventuallyAsync(() => TestTools.HasExited(oldProcess), "replica B to stop the process holding the old token");
        Assert.Equal(0, hubOnB.GetStatus().LiveSessions);
        Assert.Equal("second", await TokenSeenByChildAsync(hubOnB, alice.Id));
    }

    internal static async Task<string> TokenSeenByChildAsync(IMcpHub hub, string userId)
    {
        var env = await hub.CallToolAsync(userId, "everything", "get-env", null, CancellationToken.None);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(env.Text)!.GetValueOrDefault("EVERYTHING_TOKEN") ?? "(none)";
    }

    internal static string ConnectorsFileWithEverything()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mosaic-replica-cf").FullName, "connectors.json");
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
}
