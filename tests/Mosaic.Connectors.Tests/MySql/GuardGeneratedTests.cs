using CsCheck;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>
/// The guard against thousands of generated spellings (<see cref="GuardSpellings"/>), in-process: every statement
/// that would read a system schema or call a banned function is refused, and the harmless statements built from
/// the same parts are accepted, so the test fails if the guard lets one through or refuses too much.
/// The same generators drive samples through the real connector (MariaDbGuardTests, SqliteGuardTests).
/// </summary>
public sealed class GuardGeneratedTests
{
    private const long Iterations = 5_000;

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Sqlite)]
    public void Every_spelling_of_a_banned_call_or_a_system_schema_read_is_refused(SqlDialect dialect) =>
        new GuardSpellings(dialect).Refused.Sample(
            sql =>
            {
                var error = Assert.Throws<ToolInputException>(() => ReadOnlyGuard.Check(sql, dialect, "shop"));
                Assert.StartsWith("Query refused: ", error.Message);
            },
            iter: Iterations
        );

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Sqlite)]
    public void Harmless_statements_built_the_same_way_are_accepted(SqlDialect dialect) =>
        new GuardSpellings(dialect).Accepted(runnable: false).Sample(sql => ReadOnlyGuard.Check(sql, dialect, "shop"), iter: Iterations);

    [Fact]
    public void System_schemas_are_refused_as_the_database_in_any_spelling_and_other_names_are_not()
    {
        var spellings = new GuardSpellings(SqlDialect.MySql);
        spellings.RefusedDatabases.Sample(
            name =>
            {
                var error = Assert.Throws<ToolInputException>(() => ReadOnlyGuard.CheckDatabase(name, SqlDialect.MySql));
                Assert.StartsWith("Database refused: ", error.Message);
            },
            iter: 1_000
        );
        spellings.AcceptedDatabases.Sample(name => ReadOnlyGuard.CheckDatabase(name, SqlDialect.MySql), iter: 1_000);
    }

    [Theory]
    [InlineData("SELECT * FROM processlist", "information_schema", true)]
    [InlineData("SELECT info FROM `PROCESSLIST`", "INFORMATION_SCHEMA", true)]
    [InlineData("SELECT * FROM processlist", "shop", false)] // a table of one's own with that name
    [InlineData("SELECT table_name FROM tables", "information_schema", false)]
    [InlineData("SELECT * FROM information_schema.processlist", "shop", true)]
    public void Information_schema_session_tables_are_refused_qualified_or_in_information_schema(string sql, string database, bool refused)
    {
        if (refused)
            Assert.Throws<ToolInputException>(() => ReadOnlyGuard.Check(sql, SqlDialect.MySql, database));
        else
            ReadOnlyGuard.Check(sql, SqlDialect.MySql, database);
    }

    [Theory]
    [InlineData("SELECT slëep(4)")] // MySQL compares some names without accents
    [InlineData("SELECT ſleep(4)")] // long s folds to s
    [InlineData("SELECT ßleep(4)")]
    [InlineData("SELECT 1.sleep(4)")]
    [InlineData("SELECT * FROM ínformation_schema.processlist")]
    [InlineData("SELECT * FROM `mysql`.user")]
    public void Names_that_fold_onto_a_refused_one_are_refused(string sql) =>
        Assert.Throws<ToolInputException>(() => ReadOnlyGuard.Check(sql, SqlDialect.MySql, "shop"));

    [Theory]
    [InlineData("temp")]
    [InlineData("aux")]
    public void A_sqlite_source_has_only_main(string database)
    {
        ReadOnlyGuard.CheckDatabase("main", SqlDialect.Sqlite);
        ReadOnlyGuard.CheckDatabase("MAIN", SqlDialect.Sqlite);
        Assert.Throws<ToolInputException>(() => ReadOnlyGuard.CheckDatabase(database, SqlDialect.Sqlite));
    }
}
