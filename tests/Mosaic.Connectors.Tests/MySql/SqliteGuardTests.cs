using CsCheck;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>The guard and the engine limits behind it, through the real connector process on a SQLite file.</summary>
public sealed class SqliteGuardTests(SqliteFixture file) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task Generated_spellings_are_refused_and_harmless_ones_run_through_the_connector()
    {
        var sqlite = await file.ConnectorAsync();
        var spellings = new GuardSpellings(SqlDialect.Sqlite);
        await spellings.Refused.SampleAsync(
            async sql => Assert.StartsWith("Query refused: ", (await sqlite.CallAsync("execute_query", new { sql })).Error()),
            iter: 300
        );
        await spellings
            .Accepted(runnable: true)
            .SampleAsync(async sql => (await sqlite.CallAsync("execute_query", new { sql })).Ok(), iter: 150);
        Assert.Equal(file.Baseline, file.Hash());
        Assert.False(File.Exists("/tmp/mosaic_guard_probe.db"));
    }

    [Theory]
    [InlineData("temp")]
    [InlineData("evil")]
    public async Task Only_main_is_a_database(string database)
    {
        var sqlite = await file.ConnectorAsync();
        var error = (await sqlite.CallAsync("execute_query", new { sql = "SELECT name FROM sqlite_master", database })).Error();
        Assert.Contains("one database, \"main\"", error);
        var main = (await sqlite.CallAsync("execute_query", new { sql = "SELECT 1", database = "main" })).Ok();
        Assert.Equal(1, main.GetProperty("returned").GetInt32());
    }

    [Fact]
    public async Task The_engine_refuses_values_over_16_MB_whatever_builds_them()
    {
        // No banned function here: doubling a string reaches 512 MB by the 30th row unless the engine limit stops it.
        var sqlite = await file.ConnectorAsync();
        var error = (await sqlite.CallAsync("execute_query", new { sql = Doubling(30) })).Error();
        Assert.Contains("too big", error);
        var fine = (await sqlite.CallAsync("execute_query", new { sql = Doubling(20) })).Ok();
        Assert.Equal(524288, fine.GetProperty("rows")[0][0].GetInt32());
    }

    /// <summary>A string that doubles on each of <paramref name="rows"/> rows: 2^(rows-1) characters at the end.</summary>
    private static string Doubling(int rows) =>
        $"WITH RECURSIVE r(n, s) AS (SELECT 1, 'x' UNION ALL SELECT n + 1, s || s FROM r WHERE n < {rows}) SELECT max(length(s)) FROM r";
}
