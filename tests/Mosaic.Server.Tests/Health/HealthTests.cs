using System.Net;

namespace Mosaic.Server.Tests.Health;

public sealed class HealthTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    [Theory]
    [InlineData("/api/health", "healthy")]
    [InlineData("/api/health/live", "alive")]
    [InlineData("/api/health/ready", "ready")]
    public async Task Probes_answer(string path, string status)
    {
        var body = await ProblemAssert.JsonAsync(await app.CreateClient().GetAsync(path));
        Assert.Equal(status, body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_reports_database_and_cache()
    {
        var body = await ProblemAssert.JsonAsync(await app.CreateClient().GetAsync("/api/health/ready"));
        Assert.Equal("connected", body.GetProperty("database").GetString());
        Assert.Equal("available", body.GetProperty("cache").GetString());
    }

    [Fact]
    public async Task Detailed_needs_a_signed_in_user()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await app.CreateClient().GetAsync("/api/health/detailed"),
            HttpStatusCode.Unauthorized
        );
        Assert.Equal("/api/health/detailed", problem.GetProperty("instance").GetString());
        Assert.DoesNotContain("version", problem.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Detailed_has_every_field()
    {
        var user = await app.SignUpAndLogInAsync();
        var body = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/health/detailed"));
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("development", body.GetProperty("environment").GetString());
        Assert.Equal("connected", body.GetProperty("database").GetString());
        Assert.Equal(app.Database.IsMariaDb ? "mysql" : "sqlite", body.GetProperty("database_provider").GetString());
        Assert.Equal("available", body.GetProperty("cache").GetString());
        Assert.Equal(0, body.GetProperty("mcp_connections").GetInt32());
        Assert.True(body.GetProperty("uptime").GetDouble() >= 0);
        Assert.Matches(@"^\d+\.\d+", body.GetProperty("version").GetString());
    }
}

/// <summary>With the database unreachable the server still lives, but is not ready.</summary>
public sealed class HealthWithDatabaseDownTests
{
    [Fact]
    public async Task Ready_is_503_when_the_database_is_down()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["DATABASE_MIGRATE_ON_STARTUP"] = "false";
            if (f.Database.IsMariaDb)
            {
                f.Settings["LOCAL_MYSQL_PORT"] = "1"; // nothing listens there
                f.Settings["LOCAL_MYSQL_SERVER_VERSION"] = "10.11.0-mariadb";
            }
            else
            {
                // A directory where the database file should be: SQLite cannot open it.
                f.Settings["MOSAIC_DATA_DIR"] = Path.Combine(f.Database.DataDir, "blocked");
                Directory.CreateDirectory(Path.Combine(f.Database.DataDir, "blocked", "mosaic.db"));
            }
        });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health/live")).StatusCode);
        var ready = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/health/ready"), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("disconnected", ready.GetProperty("database").GetString());
        // Detailed health stays closed to anonymous callers while the database (and so sign-in) is down.
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/health/detailed"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Start_up_fails_clearly_when_the_database_never_answers()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["DATABASE_STARTUP_RETRIES"] = "0";
            f.Settings["LOCAL_MYSQL_HOST"] = "127.0.0.1";
            f.Settings["LOCAL_MYSQL_PORT"] = "1";
            f.Settings["LOCAL_MYSQL_SERVER_VERSION"] = "10.11.0-mariadb";
            f.Settings["LOCAL_MYSQL_PASSWORD"] = "never-printed-pw";
        });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var message = error.ToString();
        Assert.Contains("Could not prepare the database (MySQL at 127.0.0.1:1/", message);
        Assert.DoesNotContain("never-printed-pw", message);
    }
}

/// <summary>The MCP hub will report its live sessions through IMcpConnectionCounter.</summary>
public sealed class McpConnectionCountTests
{
    private sealed class ThreeSessions : Mosaic.Server.Health.IMcpConnectionCounter
    {
        public int ActiveConnections => 3;
    }

    [Fact]
    public async Task Detailed_health_shows_what_the_counter_reports()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
            f.ServiceOverrides.Add(s => s.AddSingleton<Mosaic.Server.Health.IMcpConnectionCounter, ThreeSessions>())
        );
        var user = await app.SignUpAndLogInAsync();
        var body = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/health/detailed"));
        Assert.Equal(3, body.GetProperty("mcp_connections").GetInt32());
    }
}
