using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Connectors.Tests.MySql;

namespace Mosaic.Connectors.Tests.Egress;

/// <summary>
/// Every connector, as a real process, with its user-settable address pointed at a loopback service that
/// stands in for an internal one: refused before connecting, with the error naming MOSAIC_EGRESS_ALLOW.
/// Each gets the environment that works against the Sandbox / s3rver / MariaDB (those stay allowed), with
/// only the address changed.
/// </summary>
public sealed class ConnectorEgressTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("GitHub", "github", "GITHUB_API_URL", "", "list_repositories")]
    [InlineData("Jira", "jira", "JIRA_URL", "", "list_projects")]
    [InlineData("Shopify", "shopify", "SHOPIFY_SHOP_URL", "", "list_orders")]
    [InlineData("GoogleWorkspace", "google_workspace", "GOOGLE_API_BASE_URL", "", "list_messages")]
    [InlineData("Slack", "slack", "SLACK_API_URL", "/api/", "list_channels")]
    public async Task An_http_connector_refuses_an_internal_base_url(string connector, string id, string variable, string path, string tool)
    {
        await using var internalService = LoopbackService.Start();
        var url = $"http://0x7f.0.0.1:{internalService.Port}{path}";
        await using var process = await ConnectorProcess.StartAsync(connector, sandbox.EnvFor(id, (variable, url)));

        EgressAssert.Refused(await process.CallAsync(tool), internalService, $":{internalService.Port}");
    }

    [Fact]
    public async Task The_s3_connector_refuses_an_internal_endpoint()
    {
        await using var internalService = LoopbackService.Start();
        var env = S3.S3Env.ForS3rver(); // allows the test s3rver, nothing else
        env["AWS_ENDPOINT_URL"] = $"http://localhost:{internalService.Port}";
        await using var s3 = await ConnectorProcess.StartAsync("S3", env);

        EgressAssert.Refused(await s3.CallAsync("list_buckets"), internalService, $"localhost:{internalService.Port}");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("2130706433")]
    [InlineData("::1")]
    public async Task The_mysql_connector_refuses_an_internal_host(string host)
    {
        await using var internalService = LoopbackService.Start();
        await using var mysql = await ConnectorProcess.StartAsync(
            "MySql",
            new Dictionary<string, string>
            {
                ["MYSQL_HOST"] = host,
                ["MYSQL_PORT"] = internalService.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["MYSQL_USER"] = "root",
                ["MYSQL_DATABASE"] = "acme",
                ["MYSQL_SSL_MODE"] = "None",
                ["MOSAIC_EGRESS_ALLOW"] = "127.0.0.1:3306", // the usual server port is allowed: not this one
            }
        );

        EgressAssert.Refused(await mysql.CallAsync("list_tables"), internalService, $":{internalService.Port}");
    }

    [Fact]
    public async Task The_mysql_connector_reaches_an_allowed_server_at_the_checked_address()
    {
        await using var db = new MariaDbFixture();
        await db.InitializeAsync();
        var env = db.Env();
        env["MYSQL_HOST"] = "localhost"; // a name: resolved, checked, connected by address
        env["MOSAIC_EGRESS_ALLOW"] = TestServices.EgressEntry("localhost", (int)db.Server.Port);
        await using var mysql = await ConnectorProcess.StartAsync("MySql", env);

        var tables = (await mysql.CallAsync("list_tables")).Ok().GetProperty("tables");

        Assert.Contains(tables.EnumerateArray(), t => t.GetProperty("name").GetString() == "customers");
    }

    [Fact]
    public async Task A_unix_socket_path_or_host_list_never_reaches_the_driver()
    {
        foreach (var host in new[] { "/var/run/mysqld/mysqld.sock", "db.example.invalid,127.0.0.1" })
        {
            await using var mysql = await ConnectorProcess.StartAsync(
                "MySql",
                new Dictionary<string, string>
                {
                    ["MYSQL_HOST"] = host,
                    ["MYSQL_USER"] = "root",
                    ["MYSQL_DATABASE"] = "acme",
                    ["MYSQL_SSL_MODE"] = "None",
                }
            );
            var error = (await mysql.CallAsync("list_tables")).Error();
            Assert.Contains("could not be resolved", error);
            Assert.Contains("MYSQL_HOST", error);
        }
    }
}
