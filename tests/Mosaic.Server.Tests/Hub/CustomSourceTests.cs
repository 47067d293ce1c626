using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Connectors.Custom;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

public class CustomSourceTests
{
    internal static McpLaunchSpec Spec(CustomSource source, Dictionary<string, string> credentials) =>
        ConnectorLaunch.ToSpec(source.ToDefinition(), credentials, new BuiltInConnectorLocator());

    internal static CustomSource LoadSingle(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mosaic-cf").FullName, "connectors.json");
        File.WriteAllText(path, json);
        return Assert.Single(ConnectorsFile.Load(path, new HashSet<string>()));
    }

    [Fact]
    public async Task A_custom_stdio_source_lists_and_calls_tools_through_the_hub()
    {
        var source = LoadSingle(
            $$"""
            { "sources": [ { "id": "everything", "name": "Everything", "command": {{JsonSerializer.Serialize(
                TestTools.Everything
            )}}, "args": ["stdio"],
                "credentials": [ { "name": "token", "label": "Token", "type": "password", "required": true,
                  "env_var": "EVERYTHING_TOKEN" } ] } ] }
            """
        );
        await using var h = new HubHarness();
        h.Resolver.Set("alice", "everything", Spec(source, new Dictionary<string, string> { ["token"] = "alice-token" }));

        var tools = await h.Hub.ListToolsAsync("alice", "everything", CancellationToken.None);
        var echo = await h.EchoAsync("alice", "through connectors.json");
        var env = await h.Hub.CallToolAsync("alice", "everything", "get-env", null, CancellationToken.None);

        // A custom server's readOnlyHint is not believed: nothing in connectors.json vouches for echo.
        Assert.Contains(tools, t => t is { Name: "echo", ReadOnly: false, Trusted: false });
        Assert.Equal("Echo: through connectors.json", echo.Text);
        Assert.Equal("alice-token", JsonSerializer.Deserialize<Dictionary<string, string>>(env.Text)!["EVERYTHING_TOKEN"]);
    }

    [Fact]
    public void A_missing_required_credential_is_reported_by_its_label()
    {
        var source = LoadSingle(
            """
            { "sources": [ { "id": "wiki", "name": "Wiki", "url": "https://mcp.example.com/mcp",
              "headers": { "Authorization": "Bearer {token}" },
                "credentials": [ { "name": "token", "label": "API token", "required": true } ] } ] }
            """
        );
        var e = Assert.Throws<McpHubException>(() => Spec(source, new Dictionary<string, string>()));
        Assert.Equal(McpHubFailure.NotConfigured, e.Failure);
        Assert.Contains("Wiki needs API token", e.Message);

        var spec = Assert.IsType<HttpLaunchSpec>(Spec(source, new Dictionary<string, string> { ["token"] = "s3cr3t" }));
        Assert.Equal("Bearer s3cr3t", spec.Headers["Authorization"]);
        Assert.Throws<McpHubException>(() => Spec(source, new Dictionary<string, string> { ["token"] = "a\r\nX-Evil: 1" }));
    }

    [Fact]
    public async Task A_custom_streamable_http_source_works_through_the_hub()
    {
        var port = FreePort();
        using var server = Process.Start(
            new ProcessStartInfo(TestTools.Everything, ["streamableHttp"])
            {
                Environment = { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            }
        )!;
        try
        {
            Assert.True(await TestTools.EventuallyAsync(() => CanConnect(port)), "server-everything (streamableHttp) did not start");
            var source = LoadSingle(
                $$"""
                { "sources": [ { "id": "remote", "name": "Remote", "url": "http://127.0.0.1:{{port}}/mcp",
                    "headers": { "Authorization": "Bearer {token}" }, "credentials": [ { "name": "token", "required": true } ] } ] }
                """
            );
            await using var h = new HubHarness(egressAllow: $"127.0.0.1:{port}");
            h.Resolver.Set("alice", "remote", Spec(source, new Dictionary<string, string> { ["token"] = "t" }));

            var result = await h.EchoAsync("alice", "over http", "remote");

            Assert.Equal("Echo: over http", result.Text);
            var session = Assert.Single(h.Hub.GetStatus().Sessions);
            Assert.Null(session.ProcessId); // remote: no child process of ours
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_custom_streamable_http_source_on_an_internal_address_is_refused_unless_allowed()
    {
        await using var internalService = LoopbackService.Start();
        var source = LoadSingle(
            $$"""
            { "sources": [ { "id": "remote", "name": "Remote", "url": "http://localhost:{{internalService.Port}}/mcp" } ] }
            """
        );
        await using var h = new HubHarness(egressAllow: "127.0.0.1:1"); // another port only
        h.Resolver.Set("alice", "remote", Spec(source, new Dictionary<string, string>()));

        var e = await Assert.ThrowsAsync<McpHubException>(() => h.Hub.ListToolsAsync("alice", "remote", CancellationToken.None));

        Assert.Equal(McpHubFailure.StartFailed, e.Failure);
        Assert.Contains($"Refused to connect to localhost:{internalService.Port}", e.Message);
        Assert.Contains("MOSAIC_EGRESS_ALLOW", e.Message);
        Assert.DoesNotContain(internalService.Secret, e.Message);
        Assert.Equal(0, internalService.Connections);
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    static bool CanConnect(int port)
    {
        try
        {
            using var c = new TcpClient();
            c.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
