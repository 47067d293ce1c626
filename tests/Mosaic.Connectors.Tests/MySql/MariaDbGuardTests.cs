using System.Diagnostics;
using CsCheck;
using Mosaic.Connectors.MySql.Safety;
using Mosaic.Connectors.Tests.Infrastructure;
using MySqlConnector;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>
/// The guard through the real connector process on MariaDB, connected as a user with ALL privileges: these
/// statements work when sent to the server directly, so only the connector stands between them and the model.
/// </summary>
public sealed class MariaDbGuardTests(MariaDbFixture db) : IClassFixture<MariaDbFixture>
{
    [Theory]
    [InlineData("mysql")]
    [InlineData("MySQL")]
    [InlineData(" `mysql` ")]
    [InlineData("performance_schema")]
    [InlineData("sys")]
    public async Task A_system_schema_as_the_database_argument_is_refused_by_every_tool(string database)
    {
        var hashes = await DirectAsync("SELECT GROUP_CONCAT(Password) FROM mysql.user WHERE Password <> ''");
        Assert.Contains("*", hashes); // the test user really can read the password hashes

        var mysql = await db.ConnectorAsync();
        var error = (await mysql.CallAsync("execute_query", new { sql = "SELECT User, Password FROM user", database })).Error();
        Assert.StartsWith("Database refused: ", error);
        Assert.Contains("system schema", error);
        Assert.DoesNotContain(hashes.Split(',')[0], error);
        Assert.StartsWith("Database refused: ", (await mysql.CallAsync("list_tables", new { database })).Error());
        Assert.StartsWith("Database refused: ", (await mysql.CallAsync("describe_table", new { table = "user", database })).Error());
    }

    [Fact]
    public async Task Information_schema_stays_usable_for_catalogue_queries_but_not_for_other_sessions()
    {
        var mysql = await db.ConnectorAsync();
        var data = (
            await mysql.CallAsync(
                "execute_query",
                new { sql = $"SELECT COUNT(*) FROM tables WHERE table_schema = '{db.Database}'", database = "information_schema" }
            )
        ).Ok();
        Assert.Equal(5, data.GetProperty("rows")[0][0].GetInt32()); // audit, big_orders, customers, events, orders
        var tables = (
            await mysql.CallAsync(
                "execute_query",
                new { sql = $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{db.Database}' ORDER BY 1" }
            )
        ).Ok();
        Assert.Equal("audit", tables.GetProperty("rows")[0][0].GetString());
        Assert.StartsWith(
            "Query refused: ",
            (await mysql.CallAsync("execute_query", new { sql = "SELECT info FROM processlist", database = "information_schema" })).Error()
        );
    }

    [Fact]
    public async Task Quoted_load_file_and_sleep_are_refused_before_the_server_runs_them()
    {
        // Sent straight to the server these spellings call the real functions.
        Assert.Equal("0", await DirectAsync("SELECT `sleep`(0)"));
        Assert.Equal("", await DirectAsync("SELECT `load_file`('/nonexistent/mosaic-probe')"));

        var mysql = await db.ConnectorAsync();
        var watch = Stopwatch.StartNew();
        var sleep = (await mysql.CallAsync("execute_query", new { sql = "SELECT `sleep`(4)" })).Error();
        watch.Stop();
        Assert.StartsWith("Query refused: it calls SLEEP()", sleep);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"the refusal took {watch.Elapsed}: the sleep ran");

        var file = (await mysql.CallAsync("execute_query", new { sql = "SELECT `load_file`('/etc/hostname') AS f" })).Error();
        Assert.StartsWith("Query refused: it calls LOAD_FILE()", file);
    }

    [Fact]
    public async Task Generated_spellings_are_refused_and_harmless_ones_run_through_the_connector()
    {
        var mysql = await db.ConnectorAsync();
        var spellings = new GuardSpellings(SqlDialect.MySql, db.Database);
        await spellings.Refused.SampleAsync(
            async sql => Assert.StartsWith("Query refused: ", (await mysql.CallAsync("execute_query", new { sql })).Error()),
            iter: 300
        );
        await spellings
            .Accepted(runnable: true)
            .SampleAsync(async sql => (await mysql.CallAsync("execute_query", new { sql })).Ok(), iter: 150);
        Assert.Equal(db.Baseline, await db.SnapshotAsync());
        Assert.False(File.Exists("/tmp/mosaic_guard_probe"));
    }

    [Fact]
    public async Task A_system_schema_as_the_configured_database_stops_start_up()
    {
        var env = db.Env();
        env["MYSQL_DATABASE"] = "mysql";
        var (code, stderr) = await ConnectorProcess.RunToExitAsync("MySql", env);
        Assert.Equal(2, code);
        Assert.Contains("MYSQL_DATABASE: the mysql system schema", stderr);
    }

    private async Task<string> DirectAsync(string sql)
    {
        var cs = new MySqlConnectionStringBuilder(db.Server.ConnectionString) { Database = db.Database };
        await using var c = new MySqlConnection(cs.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new MySqlCommand(sql, c);
        return (await cmd.ExecuteScalarAsync())?.ToString() ?? "";
    }
}
