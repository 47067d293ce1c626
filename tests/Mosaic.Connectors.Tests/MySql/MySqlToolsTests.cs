using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.MySql;

public class MySqlToolsTests(MariaDbFixture db) : IClassFixture<MariaDbFixture>
{
    [Fact]
    public async Task Lists_the_six_read_only_tools()
    {
        var mysql = await db.ConnectorAsync();
        var tools = await mysql.Client.ListToolsAsync();
        Assert.Equal(
            ["describe_table", "execute_query", "list_databases", "list_tables", "whats_new", "whoami"],
            tools.Select(t => t.Name).Order()
        );
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint));
    }

    [Fact]
    public async Task List_databases_includes_the_test_database_but_not_system_schemas()
    {
        var mysql = await db.ConnectorAsync();
        var data = (await mysql.CallAsync("list_databases", new { limit = 500 })).Ok();
        var names = data.GetProperty("databases").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Contains(db.Database, names);
        Assert.DoesNotContain("information_schema", names);
        Assert.Equal("MariaDB", data.GetProperty("engine").GetString());
    }

    [Fact]
    public async Task List_tables_pages_with_a_cursor_and_filters_by_pattern()
    {
        var mysql = await db.ConnectorAsync();
        var first = (await mysql.CallAsync("list_tables", new { limit = 2 })).Ok();
        Assert.Equal(["audit", "big_orders"], Names(first, "tables"));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        var second = (await mysql.CallAsync("list_tables", new { limit = 2, cursor = first.GetProperty("next_cursor").GetString() })).Ok();
        Assert.Equal(["customers", "events"], Names(second, "tables"));
        var third = (await mysql.CallAsync("list_tables", new { limit = 2, cursor = second.GetProperty("next_cursor").GetString() })).Ok();
        Assert.Equal(["orders"], Names(third, "tables"));
        Assert.False(third.GetProperty("has_more").GetBoolean());

        var filtered = (await mysql.CallAsync("list_tables", new { name_like = "%order%" })).Ok();
        Assert.Equal(["big_orders", "orders"], Names(filtered, "tables"));
        Assert.Equal("VIEW", filtered.GetProperty("tables")[0].GetProperty("type").GetString());

        // A cursor from another listing is refused, not misread.
        var wrong = await mysql.CallAsync(
            "list_tables",
            new { name_like = "%order%", cursor = first.GetProperty("next_cursor").GetString() }
        );
        Assert.Contains("different listing", wrong.Error());
    }

    [Fact]
    public async Task Describe_table_shows_columns_keys_and_indexes()
    {
        var mysql = await db.ConnectorAsync();
        var data = (await mysql.CallAsync("describe_table", new { table = "customers" })).Ok();
        var columns = data.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["id", "name", "email", "note"], columns.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("PRI", columns[0].GetProperty("key").GetString());
        Assert.False(columns[1].GetProperty("nullable").GetBoolean());
        Assert.Equal("people who buy", data.GetProperty("comment").GetString());
        var indexes = data.GetProperty("indexes").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("ix_customers_email", indexes);

        var missing = await mysql.CallAsync("describe_table", new { table = "no_such_table" });
        Assert.Contains("no table or view named 'no_such_table'", missing.Error());
        Assert.Contains("list_tables", missing.Error());
    }

    [Fact]
    public async Task Execute_query_pages_through_every_row_exactly_once()
    {
        var mysql = await db.ConnectorAsync();
        var ids = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (
                await mysql.CallAsync(
                    "execute_query",
                    new
                    {
                        sql = "SELECT id, label FROM events ORDER BY id",
                        limit = 500,
                        cursor,
                    }
                )
            ).Ok();
            ids.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt32()));
            cursor = page.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            pages++;
        } while (cursor is not null && pages < 20);
        Assert.Equal(Enumerable.Range(1, 1200), ids);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task Limit_is_clamped_to_the_hard_maximum()
    {
        var mysql = await db.ConnectorAsync();
        var page = (await mysql.CallAsync("execute_query", new { sql = "SELECT id FROM events ORDER BY id", limit = 100000 })).Ok();
        Assert.Equal(500, page.GetProperty("returned").GetInt32());
        Assert.True(page.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Byte_budget_cuts_wide_rows_marks_them_and_the_cursor_resumes_after_the_last_shown()
    {
        var mysql = await db.ConnectorAsync();
        const string sql = "SELECT id, REPEAT('x', 400) AS wide FROM events WHERE id <= 200 ORDER BY id";
        var first = await mysql.CallAsync("execute_query", new { sql, limit = 200 });
        var data = first.Ok();
        var returned = data.GetProperty("returned").GetInt32();
        Assert.InRange(returned, 1, 199);
        Assert.True(data.GetProperty("truncated").GetBoolean());
        Assert.Equal(200 - returned, data.GetProperty("more").GetInt32());
        Assert.Contains($"{200 - returned} more", first.Text);
        Assert.Contains("cursor=", first.Text);
        Assert.True(first.Raw.StructuredContent!.Value.GetRawText().Length < 24_000);

        var second = (
            await mysql.CallAsync(
                "execute_query",
                new
                {
                    sql,
                    limit = 200,
                    cursor = data.GetProperty("next_cursor").GetString(),
                }
            )
        ).Ok();
        Assert.Equal(returned + 1, second.GetProperty("rows")[0][0].GetInt32());
    }

    [Fact]
    public async Task Cells_are_compact_json_values()
    {
        var mysql = await db.ConnectorAsync();
        var data = (
            await mysql.CallAsync("execute_query", new { sql = "SELECT id, total, created_at, shipped_on FROM orders ORDER BY id" })
        ).Ok();
        var row = data.GetProperty("rows")[0];
        Assert.Equal(120.50m, row[1].GetDecimal());
        Assert.Equal("2025-03-01T10:15:00", row[2].GetString());
        Assert.Equal("2025-03-02", row[3].GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("rows")[1][3].ValueKind);
        Assert.Equal(
            ["id", "total", "created_at", "shipped_on"],
            data.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString())
        );
    }

    [Fact]
    public async Task A_query_over_the_time_limit_is_stopped_by_the_server_with_a_clear_message()
    {
        await using var mysql = await ConnectorProcess.StartAsync("MySql", db.Env(timeoutSeconds: 1));
        var started = DateTime.UtcNow;
        var error = (
            await mysql.CallAsync(
                "execute_query",
                new { sql = "SELECT COUNT(*) FROM events a, events b, events c WHERE a.label <> CONCAT(b.label, c.label)" }
            )
        ).Error();
        Assert.Contains("longer than 1 s", error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Bad_credentials_give_an_actionable_error_without_the_password()
    {
        await using var mysql = await ConnectorProcess.StartAsync("MySql", db.Env(password: "wrong-password-123"));
        var error = (await mysql.CallAsync("list_tables")).Error();
        Assert.Contains("Access denied", error);
        Assert.Contains("MYSQL_USER / MYSQL_PASSWORD", error);
        Assert.DoesNotContain("wrong-password-123", error);
    }

    [Fact]
    public async Task Unreachable_server_says_so()
    {
        var env = db.Env();
        env["MYSQL_PORT"] = "1"; // nothing listens on port 1
        env["MOSAIC_EGRESS_ALLOW"] = TestServices.EgressEntry(db.Server.Server, 1);
        await using var mysql = await ConnectorProcess.StartAsync("MySql", env);
        var error = (await mysql.CallAsync("list_tables")).Error();
        Assert.Contains("could not be reached", error);
        Assert.Contains("MYSQL_HOST / MYSQL_PORT", error);
    }

    [Fact]
    public async Task Missing_configuration_stops_startup_with_what_to_set()
    {
        var (code, stderr) = await ConnectorProcess.RunToExitAsync(
            "MySql",
            new Dictionary<string, string> { ["MYSQL_HOST"] = "127.0.0.1" }
        );
        Assert.Equal(2, code);
        Assert.Contains("SQLITE_PATH", stderr);
        Assert.Contains("MYSQL_USER, MYSQL_DATABASE", stderr);

        // SQLite files need the operator's MOSAIC_SQLITE_DIRS (SqlitePathTests covers the rules).
        (code, stderr) = await ConnectorProcess.RunToExitAsync(
            "MySql",
            new Dictionary<string, string> { ["SQLITE_PATH"] = "/nonexistent/mosaic.db" }
        );
        Assert.Equal(2, code);
        Assert.Contains("the operator must list the directories that may hold them in MOSAIC_SQLITE_DIRS", stderr);
    }

    private static List<string?> Names(JsonElement data, string items) =>
        data.GetProperty(items).EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
}
