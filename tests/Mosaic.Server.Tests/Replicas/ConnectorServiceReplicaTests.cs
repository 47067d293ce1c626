using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>
/// Connectors as services: two Mosaic replicas send their Slack calls to ONE Slack connector running as a Streamable HTTP
/// service (<c>--http</c>, MOSAIC_CONNECTOR_URL_SLACK + MOSAIC_CONNECTOR_KEY); both answer, each with its user's own token,
/// and neither starts a Slack process of its own.
/// </summary>
public sealed class ConnectorServiceReplicaTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Two_replicas_share_one_Slack_connector_service_and_both_answer()
    {
        var key = "connector-key-" + TestServices.UniqueSuffix();
        var env = sandbox.EnvFor("slack");
        await using var service = await ConnectorService.StartAsync(
            "Slack",
            new Dictionary<string, string> { ["MOSAIC_CONNECTOR_KEY"] = key, ["MOSAIC_EGRESS_ALLOW"] = env["MOSAIC_EGRESS_ALLOW"] }
        );
        await using var replicas = await ReplicaPair.StartAsync(f =>
        {
            f.Settings["MOSAIC_LLM_PROVIDER"] = "offline";
            f.Settings["MOSAIC_CONNECTOR_URL_SLACK"] = $"{service.Url}/mcp";
            f.Settings["MOSAIC_CONNECTOR_KEY"] = key;
        });

        var answers = new List<string>();
        var member = 0;
        foreach (var replica in new[] { replicas.A, replicas.B })
        {
            member++;
            var user = await replica.SignUpAndLogInAsync();
            (await user.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode(); // hands out the XSRF token
            var fields = new
            {
                bot_token = $"{env["SLACK_BOT_TOKEN"]}.member-{member}",
                user_token = $"{env["SLACK_USER_TOKEN"]}.member-{member}",
                api_url = env["SLACK_API_URL"],
            };
            var saved = await user.Http.PostAsJsonAsync("/api/credentials", new { datasource = "slack", credentials = fields });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

            var test = await user.Http.PostAsync("/api/datasources/slack/test", null);
            var identity = await test.Content.ReadAsStringAsync();
            Assert.True(test.IsSuccessStatusCode, identity);
            Assert.Contains($"member-{member}", identity);

            var reply = await user.Http.PostAsJsonAsync(
                "/api/chat/message",
                new { message = "Which Slack channels are there?", datasource = "slack" }
            );
            var body = await reply.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(reply.IsSuccessStatusCode, body.ToString());
            answers.Add(body.GetProperty("response").GetString()!);

            var hub = replica.Services.GetRequiredService<McpHub>();
            var session = Assert.Single(hub.GetStatus().Sessions);
            Assert.Null(session.ProcessId); // the service, not a process of this replica
            Assert.True(session.Shared);
        }
        Assert.All(answers, a => Assert.Contains("general", a));
    }
}
