using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>Every bypass attempt is refused with a reason, and afterwards nothing in MariaDB changed.</summary>
public class MySqlReadOnlyTests(MariaDbFixture db) : IClassFixture<MariaDbFixture>
{
    [Theory]
    [MemberData(nameof(BypassAttempts.MySqlCases), MemberType = typeof(BypassAttempts))]
    public async Task Refuses_and_changes_nothing(string attempt)
    {
        var mysql = await db.ConnectorAsync();
        var result = await mysql.CallAsync("execute_query", new { sql = attempt.Replace("{db}", db.Database) });

        var error = result.Error();
        Assert.StartsWith("Query refused: ", error);
        Assert.Matches("Query refused: [^.]{8,}\\.", error); // a reason, not just "refused"
        Assert.Equal(db.Baseline, await db.SnapshotAsync());
        Assert.False(File.Exists("/tmp/mosaic_outfile_probe.txt"));
        Assert.False(File.Exists("/tmp/mosaic_dumpfile_probe"));
    }

    [Fact]
    public async Task A_write_hidden_in_a_stored_function_is_stopped_by_the_read_only_transaction()
    {
        // The guard cannot know what a user-defined function does; the READ ONLY transaction can.
        var mysql = await db.ConnectorAsync();
        var error = (await mysql.CallAsync("execute_query", new { sql = "SELECT bump_audit()" })).Error();
        Assert.Contains("MariaDB says:", error);
        Assert.Contains("READ ONLY", error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(db.Baseline, await db.SnapshotAsync());
    }

    [Theory]
    [InlineData("SELECT 'DELETE FROM customers; DROP TABLE x' AS s", "DELETE FROM customers; DROP TABLE x")]
    [InlineData("SELECT REPLACE(name, 'a', 'o') FROM customers WHERE id = 1", "Ado")]
    [InlineData("SELECT INSERT('abc', 1, 1, 'x')", "xbc")]
    [InlineData("SELECT TRUNCATE(1.239, 2)", "1.23")]
    [InlineData("SELECT 5--1", "6")]
    [InlineData("SELECT CAST(name AS CHAR CHARACTER SET utf8mb4) FROM customers WHERE id = 2", "Grace")]
    [InlineData("SELECT CONVERT(name USING utf8mb4) FROM customers WHERE id = 3", "Linus")]
    [InlineData("WITH c AS (SELECT * FROM customers) SELECT COUNT(*) FROM c", "3")]
    [InlineData("/* a note */ SELECT name FROM customers WHERE id = 1 -- trailing\n", "Ada")]
    [InlineData("SELECT name FROM customers WHERE id = 1 # hash comment", "Ada")]
    [InlineData("SELECT name FROM customers USE INDEX (PRIMARY) WHERE id = 1;", "Ada")]
    [InlineData("select note from customers where note like '%DELETE%'", "it's; DELETE FROM customers")]
    [InlineData("SELECT c.name FROM customers c WHERE c.id = 2", "Grace")]
    [InlineData("SHOW TABLES", "customers")]
    [InlineData("SHOW CREATE TABLE customers", "CREATE TABLE")]
    [InlineData("DESCRIBE customers", "email")]
    [InlineData("EXPLAIN SELECT * FROM customers", "customers")]
    [InlineData("SELECT @@version_comment IS NOT NULL", "1")]
    public async Task Allows_reads_that_look_dangerous(string sql, string expected)
    {
        var mysql = await db.ConnectorAsync();
        var result = await mysql.CallAsync("execute_query", new { sql });
        var data = result.Ok();
        Assert.Contains(data.GetProperty("rows").EnumerateArray().SelectMany(r => r.EnumerateArray()), cell =>
            cell.ToString().Contains(expected, StringComparison.Ordinal)
        );
        Assert.Equal(db.Baseline, await db.SnapshotAsync());
    }

    [Theory]
    [InlineData("SELECT user, authentication_string FROM mysql.user")]
    [InlineData("select * from `mysql`.`user`")]
    [InlineData("SELECT * FROM mysql . global_priv")]
    [InlineData("SELECT priv FROM MySQL.global_priv")]
    [InlineData("WITH u AS (SELECT * FROM mysql.user) SELECT COUNT(*) FROM u")]
    [InlineData("SELECT (SELECT COUNT(*) FROM mysql.user) AS n")]
    [InlineData("SHOW TABLES FROM mysql")]
    [InlineData("SHOW COLUMNS IN `mysql`.`user`")]
    public async Task Keeps_the_accounts_schema_out_of_reach(string sql)
    {
        // The test user may read mysql.user: only the guard stands between the model and the password hashes.
        var mysql = await db.ConnectorAsync();
        var error = (await mysql.CallAsync("execute_query", new { sql })).Error();
        Assert.StartsWith("Query refused: it reads the mysql system schema", error);
    }

    [Theory]
    [InlineData("SELECT table_name FROM information_schema.tables WHERE table_schema = 'mysql' AND table_name = 'user'", "user")]
    [InlineData("SELECT 1 AS mysql", "1")]
    public async Task Still_allows_naming_mysql_where_it_reads_no_accounts(string sql, string expected)
    {
        var mysql = await db.ConnectorAsync();
        var data = (await mysql.CallAsync("execute_query", new { sql })).Ok();
        Assert.Contains(data.GetProperty("rows").EnumerateArray().SelectMany(r => r.EnumerateArray()), cell =>
            cell.ToString().Contains(expected, StringComparison.Ordinal)
        );
    }
}
