using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>The database's whoami: MariaDB's version, user and database; for SQLite its version and the file's name only.</summary>
public sealed class MySqlWhoamiTests(MariaDbFixture maria, SqliteFixture sqlite)
    : IClassFixture<MariaDbFixture>,
        IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task MariaDB_names_its_version_user_and_database()
    {
        var me = (await (await maria.ConnectorAsync()).CallAsync("whoami")).Ok();

        Assert.Equal("MariaDB", me.GetProperty("engine").GetString());
        Assert.Contains("MariaDB", me.GetProperty("version").GetString());
        Assert.Equal(maria.Server.UserID, me.GetProperty("account").GetString());
        Assert.StartsWith($"{maria.Server.UserID}@", me.GetProperty("user").GetString());
        Assert.Equal(maria.Database, me.GetProperty("database").GetString());
        var identity = me.GetProperty("identity").GetString()!;
        Assert.StartsWith($"{maria.Server.UserID} on MariaDB ", identity);
        Assert.EndsWith($" at {maria.Server.Server}:{maria.Server.Port}, database {maria.Database}", identity);
    }

    [Fact]
    public async Task A_wrong_password_is_the_server_s_own_reason_in_one_sentence()
    {
        await using var mysql = await ConnectorProcess.StartAsync("MySql", maria.Env(password: "wrong-password-123"));
        var error = (await mysql.CallAsync("whoami")).Error();

        Assert.StartsWith("MySQL says: error 1045: Access denied for user ", error);
        Assert.DoesNotContain("MYSQL_PASSWORD", error); // the hint is for the other tools; a connection test shows what the server said
        Assert.DoesNotContain("wrong-password-123", error);
    }

    [Fact]
    public async Task SQLite_names_its_version_and_the_file_but_not_the_host_s_path()
    {
        var me = (await (await sqlite.ConnectorAsync()).CallAsync("whoami")).Ok();

        Assert.Equal("shop.db", me.GetProperty("account").GetString());
        Assert.Matches(@"^SQLite 3\.\d+\.\d+, file shop\.db$", me.GetProperty("identity").GetString());
        Assert.DoesNotContain(sqlite.Directory, me.ToString());
    }
}
