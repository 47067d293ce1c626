using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>Sets real secret variable names in this process, so it runs alone (other tests start servers).</summary>
[CollectionDefinition(nameof(HostEnvironmentTests), DisableParallelization = true)]
public sealed class HostEnvironmentCollection;

[Collection(nameof(HostEnvironmentTests))]
public class HostEnvironmentTests
{
    [Fact]
    public async Task The_child_gets_its_credentials_and_none_of_the_hosts_secrets()
    {
        // Secrets the host process really holds in production; they must never reach a connector.
        var planted = new Dictionary<string, string>
        {
            ["ANTHROPIC_API_KEY"] = "sk-ant-host-secret",
            ["JWT_SECRET_KEY"] = "host-jwt-secret-host-jwt-secret-0123456789",
            ["MOSAIC_TEST_HOST_ONLY"] = "host-only",
        };
        var saved = planted.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (k, v) in planted)
            Environment.SetEnvironmentVariable(k, v);
        try
        {
            await using var h = new HubHarness();
            h.UseEverything("alice", env: IsolationTests.Token("alice-token"));

            var env = await IsolationTests.ChildEnvAsync(h, "alice");

            Assert.Equal("alice-token", env["EVERYTHING_TOKEN"]);
            Assert.True(env.ContainsKey("PATH"));
            foreach (var name in planted.Keys)
                Assert.DoesNotContain(name, env.Keys);
            Assert.DoesNotContain("MOSAIC_TEST_MARIADB", env.Keys); // a database password in the test run's env
            Assert.DoesNotContain(env.Values, v => planted.Values.Contains(v));
            Assert.All(env.Keys, k =>
                Assert.True(ChildEnvironment.IsInherited(k) || k is "EVERYTHING_TOKEN" or "MOSAIC_MCP_SESSION", $"unexpected variable {k}")
            );
        }
        finally
        {
            foreach (var (k, v) in saved)
                Environment.SetEnvironmentVariable(k, v);
        }
    }

    [Fact]
    public async Task The_child_gets_the_hosts_egress_allow_list_and_a_credential_cannot_replace_it()
    {
        await using var h = new HubHarness(egressAllow: "jira.internal, 10.20.0.0/16");
        h.UseEverything("alice", env: new Dictionary<string, string> { ["EVERYTHING_TOKEN"] = "t", ["MOSAIC_EGRESS_ALLOW"] = "0.0.0.0/0" });
        await using var closed = new HubHarness();
        closed.UseEverything("bob", env: new Dictionary<string, string> { ["MOSAIC_EGRESS_ALLOW"] = "0.0.0.0/0" });

        Assert.Equal("jira.internal,10.20.0.0/16", (await IsolationTests.ChildEnvAsync(h, "alice"))["MOSAIC_EGRESS_ALLOW"]);
        Assert.DoesNotContain("MOSAIC_EGRESS_ALLOW", (await IsolationTests.ChildEnvAsync(closed, "bob")).Keys);
    }
}
