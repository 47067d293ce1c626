using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Tests.Hub;

/// <summary>Where a built-in connector runs (MOSAIC_CONNECTOR_ISOLATION, MOSAIC_CONNECTOR_URL_…) and what reaches it.</summary>
public class ConnectorPlacementTests
{
    static readonly Dictionary<string, string> SlackFields = new()
    {
        ["bot_token"] = "xoxb-alice",
        ["api_url"] = "http://127.0.0.1:9/slack",
    };

    static McpLaunchSpec Spec(string source, IReadOnlyDictionary<string, string> fields, McpHubOptions? placement) =>
        ConnectorLaunch.ToSpec(
            BuiltInSources.Find(source)!.Definition,
            fields,
            new BuiltInConnectorLocator(),
            new Dictionary<string, string> { ["MOSAIC_SQLITE_DIRS"] = "/srv/sqlite" },
            placement
        );

    [Fact]
    public void Process_isolation_puts_the_users_credentials_in_the_processs_environment()
    {
        var spec = Assert.IsType<StdioLaunchSpec>(Spec("slack", SlackFields, new McpHubOptions { Isolation = "process" }));

        Assert.False(spec.Shared);
        Assert.Equal("xoxb-alice", spec.Environment["SLACK_BOT_TOKEN"]);
    }

    [Fact]
    public void Shared_isolation_keeps_credentials_out_of_the_environment_and_sends_them_per_call()
    {
        var shared = new McpHubOptions { Isolation = "shared" };
        var alice = Assert.IsType<StdioLaunchSpec>(Spec("slack", SlackFields, shared));
        var bob = Spec("slack", new Dictionary<string, string>(SlackFields) { ["bot_token"] = "xoxb-bob" }, shared);

        Assert.True(alice.Shared);
        Assert.Equal("per-call", alice.Environment["MOSAIC_CREDENTIALS"]);
        Assert.DoesNotContain("SLACK_BOT_TOKEN", alice.Environment.Keys);
        Assert.Equal("xoxb-alice", alice.CallCredentials!["SLACK_BOT_TOKEN"]);
        Assert.Equal(alice.Fingerprint(), bob.Fingerprint()); // one process for both
        Assert.NotEqual(alice.CredentialFingerprint(), bob.CredentialFingerprint()); // two breakers
        Assert.NotEqual(alice.UserFingerprint(), bob.UserFingerprint());
    }

    [Fact]
    public void The_operators_variables_stay_the_processs_own_and_never_travel_per_call()
    {
        var fields = new Dictionary<string, string> { ["sqlite_path"] = "/srv/sqlite/acme.db" };
        var spec = Assert.IsType<StdioLaunchSpec>(Spec("mysql", fields, new McpHubOptions { Isolation = "shared" }));

        Assert.Equal("/srv/sqlite", spec.Environment["MOSAIC_SQLITE_DIRS"]);
        Assert.DoesNotContain("MOSAIC_SQLITE_DIRS", spec.CallCredentials!.Keys);
    }

    [Fact]
    public void A_connector_service_gets_the_calls_with_the_key_and_each_users_credentials()
    {
        var placement = new McpHubOptions { ConnectorKey = "k-123" };
        placement.ConnectorUrls["slack"] = "http://127.0.0.1:7101/mcp";

        var spec = Assert.IsType<HttpLaunchSpec>(Spec("slack", SlackFields, placement));
        var jira = Spec("jira", new Dictionary<string, string> { ["url"] = "http://127.0.0.1:9/jira", ["api_token"] = "t" }, placement);

        Assert.Equal(new Uri("http://127.0.0.1:7101/mcp"), spec.Url);
        Assert.Equal("Bearer k-123", spec.Headers["Authorization"]);
        Assert.True(spec.OperatorService);
        Assert.Equal("xoxb-alice", spec.CallCredentials!["SLACK_BOT_TOKEN"]);
        Assert.IsType<StdioLaunchSpec>(jira); // only the sources given a URL
    }
}
