using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.PerCall;

/// <summary>A connector as an HTTP service (--http): Streamable HTTP at /mcp behind the connector key, per-call credentials.</summary>
public sealed class HttpServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Key = "test-connector-key-0123456789";

    [Fact]
    public async Task It_lists_tools_and_answers_each_caller_with_the_key()
    {
        var env = sandbox.EnvFor("slack");
        await using var service = await ConnectorService.StartAsync("Slack", PerCallEnv.ProcessEnv(env, ("MOSAIC_CONNECTOR_KEY", Key)));
        await using var client = await service.ConnectAsync(Key);

        Assert.Contains("whoami", (await client.ListToolsAsync()).Select(t => t.Name));
        foreach (var member in new[] { 7, 8 })
        {
            var credentials = PerCallEnv.Member(env, member, "SLACK_BOT_TOKEN", "SLACK_USER_TOKEN");
            var me = new ToolCallResult(await PerCallEnv.CallAsync(client, credentials, "whoami", null, default)).Ok();
            Assert.Matches(PerCallWhoamiTests.Names(member), me.GetProperty("identity").GetString());
        }
        Assert.Contains(
            "configuration error",
            new ToolCallResult(await PerCallEnv.CallAsync(client, new Dictionary<string, string>(), "whoami", null, default)).Error()
        );
    }

    [Fact]
    public async Task A_wrong_or_missing_key_is_401_and_health_needs_none()
    {
        await using var service = await ConnectorService.StartAsync(
            "Slack",
            PerCallEnv.ProcessEnv(sandbox.EnvFor("slack"), ("MOSAIC_CONNECTOR_KEY", Key))
        );
        const string ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

        foreach (var header in new[] { null, "Bearer wrong-key", $"Basic {Key}", $"Bearer {Key}x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{service.Url}/mcp")
            {
                Content = new StringContent(ping, Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            if (header is not null)
                request.Headers.TryAddWithoutValidation("Authorization", header);
            using var response = await service.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var health = await service.Http.GetAsync($"{service.Url}/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Host", "evil.example:7101")]
    [InlineData("Origin", "http://evil.example")]
    public async Task A_request_from_a_web_page_or_for_another_host_is_refused_even_with_the_key(string header, string value)
    {
        var env = sandbox.EnvFor("slack");
        await using var service = await ConnectorService.StartAsync("Slack", PerCallEnv.ProcessEnv(env, ("MOSAIC_CONNECTOR_KEY", Key)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service.Url}/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        request.Headers.TryAddWithoutValidation(header, value);

        var refused = await service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // DNS rebinding: the key alone is not enough
    }

    [Fact]
    public async Task Without_a_key_it_does_not_start()
    {
        var url = $"http://127.0.0.1:{SandboxFixture.FreePort()}";
        var (code, stderr) = await ConnectorProcess.RunToExitAsync("Slack", new Dictionary<string, string>(), null, "--http", url);

        Assert.Equal(2, code);
        Assert.Contains("configuration error: --http needs MOSAIC_CONNECTOR_KEY", stderr);
    }
}
