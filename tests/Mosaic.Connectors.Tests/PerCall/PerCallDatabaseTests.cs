using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Connectors.Tests.MySql;
using Mosaic.Connectors.Tests.S3;
using MySqlConnector;

namespace Mosaic.Connectors.Tests.PerCall;

/// <summary>
/// Per-call credential mode on the two connectors that do not talk to the Sandbox: MySQL with two database users created
/// here, S3 with two callers whose endpoint settings differ (s3rver has a single key pair, so the endpoint is what
/// tells its callers apart: one reaches it as 127.0.0.1, the other as localhost, and whoami names the host it reached).
/// </summary>
public sealed class PerCallDatabaseTests(MariaDbFixture maria) : IClassFixture<MariaDbFixture>
{
    [Fact]
    public async Task Two_MySQL_users_on_one_process_each_connect_as_themselves()
    {
        var suffix = TestServices.UniqueSuffix()[..6];
        var users = new[] { $"pc_a_{suffix}", $"pc_b_{suffix}" };
        await using (var admin = new MySqlConnection(maria.Server.ConnectionString))
        {
            await admin.OpenAsync();
            foreach (var user in users)
                await new MySqlCommand(
                    $"CREATE USER '{user}'@'%' IDENTIFIED BY 'pw-{user}'; GRANT SELECT ON `{maria.Database}`.* TO '{user}'@'%';",
                    admin
                ).ExecuteNonQueryAsync();
        }
        try
        {
            var env = maria.Env();
            await using var mysql = await ConnectorProcess.StartAsync("MySql", PerCallEnv.ProcessEnv(env));
            foreach (var user in users.Concat(users.Reverse()))
            {
                var credentials = PerCallEnv.Credentials(env);
                credentials["MYSQL_USER"] = user;
                credentials["MYSQL_PASSWORD"] = $"pw-{user}";
                var me = (await mysql.CallAsAsync(credentials, "whoami")).Ok();
                Assert.Equal(user, me.GetProperty("account").GetString());
                Assert.StartsWith($"{user}@", me.GetProperty("user").GetString());
            }

            var wrong = PerCallEnv.Credentials(env);
            wrong["MYSQL_USER"] = users[0];
            wrong["MYSQL_PASSWORD"] = "not-the-password";
            Assert.Contains("Access denied", (await mysql.CallAsAsync(wrong, "whoami")).Error());
        }
        finally
        {
            await using var admin = new MySqlConnection(maria.Server.ConnectionString);
            await admin.OpenAsync();
            foreach (var user in users)
                await new MySqlCommand($"DROP USER IF EXISTS '{user}'@'%'", admin).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Two_S3_callers_on_one_process_each_reach_their_own_endpoint()
    {
        var port = new Uri(TestServices.S3Url).Port;
        var byIp = S3Env.ForS3rver();
        var byName = S3Env.ForS3rver();
        byName["AWS_ENDPOINT_URL"] = $"http://localhost:{port}";
        var allow = ("MOSAIC_EGRESS_ALLOW", $"127.0.0.1:{port},localhost:{port}");
        await using var s3 = await ConnectorProcess.StartAsync("S3", PerCallEnv.ProcessEnv(byIp, allow));

        for (var i = 0; i < 2; i++)
        {
            var a = (await s3.CallAsAsync(PerCallEnv.Credentials(byIp), "whoami")).Ok().GetProperty("identity").GetString();
            var b = (await s3.CallAsAsync(PerCallEnv.Credentials(byName), "whoami")).Ok().GetProperty("identity").GetString();
            Assert.Contains($" on 127.0.0.1:{port} ", a);
            Assert.Contains($" on localhost:{port} ", b);
        }
    }
}
