using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.MySql;

public class SqliteTests(SqliteFixture file) : IClassFixture<SqliteFixture>
{
    [Theory]
    [MemberData(nameof(BypassAttempts.SqliteCases), MemberType = typeof(BypassAttempts))]
    public async Task Refuses_and_the_file_is_unchanged(string attempt)
    {
        var sqlite = await file.ConnectorAsync();
        var error = (await sqlite.CallAsync("execute_query", new { sql = attempt })).Error();
        Assert.Matches("Query refused: [^.]{8,}\\.", error);
        Assert.Equal(file.Baseline, file.Hash());
        Assert.False(File.Exists("/tmp/mosaic_attach_probe.db"));
        Assert.False(File.Exists("/tmp/mosaic_vacuum_probe.db"));
        Assert.False(File.Exists("/tmp/mosaic_writefile_probe"));
    }

    [Fact]
    public async Task Lists_and_describes_tables()
    {
        var sqlite = await file.ConnectorAsync();
        var tables = (await sqlite.CallAsync("list_tables")).Ok();
        Assert.Equal(
            ["big_orders", "customers", "events", "orders"],
            tables.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString())
        );

        var customers = (await sqlite.CallAsync("describe_table", new { table = "customers" })).Ok();
        var columns = customers.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["id", "name", "email", "note"], columns.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("PRI", columns[0].GetProperty("key").GetString());
        Assert.False(columns[1].GetProperty("nullable").GetBoolean());
        Assert.Contains(customers.GetProperty("indexes").EnumerateArray(), i => i.GetProperty("name").GetString() == "ix_customers_email");

        var databases = (await sqlite.CallAsync("list_databases")).Ok();
        Assert.Equal("main", databases.GetProperty("databases")[0].GetProperty("name").GetString());
        Assert.Equal(file.Baseline, file.Hash());
    }

    [Fact]
    public async Task Queries_page_through_all_rows()
    {
        var sqlite = await file.ConnectorAsync();
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = (
                await sqlite.CallAsync(
                    "execute_query",
                    new
                    {
                        sql = "SELECT id, label FROM events ORDER BY id;",
                        limit = 300,
                        cursor,
                    }
                )
            ).Ok();
            ids.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt64()));
            cursor = page.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
        } while (cursor is not null && ids.Count < 5000);
        Assert.Equal(Enumerable.Range(1, 700).Select(i => (long)i), ids);
    }

    [Theory]
    [InlineData("SELECT 'DELETE FROM customers' AS s", "DELETE FROM customers")]
    [InlineData("SELECT replace(name, 'a', 'o') FROM customers WHERE id = 1", "Ado")]
    [InlineData("WITH c AS (SELECT * FROM customers) SELECT count(*) FROM c", "3")]
    [InlineData("SELECT name FROM customers WHERE note LIKE '%DELETE%'", "Linus")]
    [InlineData("SELECT name FROM pragma_table_info('orders') WHERE pk = 1", "id")]
    public async Task Allows_reads(string sql, string expected)
    {
        var sqlite = await file.ConnectorAsync();
        var data = (await sqlite.CallAsync("execute_query", new { sql })).Ok();
        Assert.Contains(data.GetProperty("rows").EnumerateArray().SelectMany(r => r.EnumerateArray()), c =>
            c.ToString().Contains(expected)
        );
    }

    [Fact]
    public async Task A_runaway_query_is_interrupted_at_the_time_limit()
    {
        await using var sqlite = await ConnectorProcess.StartAsync("MySql", file.Env(timeoutSeconds: 1));
        var started = DateTime.UtcNow;
        var error = (
            await sqlite.CallAsync("execute_query", new { sql = "SELECT count(*) FROM events a, events b, events c, events d" })
        ).Error();
        Assert.Contains("longer than 1 s", error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Unknown_table_gets_a_hint()
    {
        var sqlite = await file.ConnectorAsync();
        var error = (await sqlite.CallAsync("execute_query", new { sql = "SELECT * FROM nope" })).Error();
        Assert.Contains("SQLite says:", error);
        Assert.Contains("no such table", error);
        Assert.Contains("list_tables", error);
    }
}
