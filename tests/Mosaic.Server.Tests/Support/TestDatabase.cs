using MySqlConnector;

namespace Mosaic.Server.Tests.Support;

/// <summary>
/// The database a test server runs on, picked by MOSAIC_TEST_DB: "sqlite" (default; a file in a
/// fresh temp data dir) or "mariadb" (a uniquely named database on MOSAIC_TEST_MARIADB, dropped on
/// dispose). Several factories may share one to simulate a restart.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;

    private TestDatabase(string provider, string dataDir, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        DataDir = dataDir;
        _adminConnectionString = adminConnectionString;
        DatabaseName = databaseName;
    }

    public string Provider { get; }
    public string DataDir { get; }
    public string? DatabaseName { get; }
    public bool IsMariaDb => Provider == "mariadb";

    public static string RequestedProvider =>
        (Environment.GetEnvironmentVariable("MOSAIC_TEST_DB") is { Length: > 0 } p ? p : "sqlite").ToLowerInvariant();

    public static async Task<TestDatabase> CreateAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("mosaic-test-").FullName;
        switch (RequestedProvider)
        {
            case "sqlite":
                return new TestDatabase("sqlite", dataDir, null, null);
            case "mariadb":
                var admin = Environment.GetEnvironmentVariable("MOSAIC_TEST_MARIADB");
                if (string.IsNullOrWhiteSpace(admin))
                    throw new InvalidOperationException(
                        "MOSAIC_TEST_DB=mariadb needs MOSAIC_TEST_MARIADB (an ADO connection string without a database). "
                            + "scripts/test.sh starts MariaDB and sets it; or `source /tmp/mosaic-services/env`."
                    );
                var name = $"mosaic_test_{Guid.NewGuid():N}"[..30];
                await using (var conn = new MySqlConnection(admin))
                {
                    await conn.OpenAsync();
                    await using var cmd = new MySqlCommand(
                        $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                        conn
                    );
                    await cmd.ExecuteNonQueryAsync();
                }
                return new TestDatabase("mariadb", dataDir, admin, name);
            default:
                throw new InvalidOperationException($"MOSAIC_TEST_DB must be sqlite or mariadb (got '{RequestedProvider}').");
        }
    }

    /// <summary>The server settings that point at this database.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?> { ["MOSAIC_DATA_DIR"] = DataDir, ["LOCAL_MYSQL_HOST"] = "" };
        if (!IsMariaDb)
            return settings;
        var b = new MySqlConnectionStringBuilder(_adminConnectionString!);
        settings["LOCAL_MYSQL_HOST"] = b.Server;
        settings["LOCAL_MYSQL_PORT"] = b.Port.ToString();
        settings["LOCAL_MYSQL_USER"] = b.UserID;
        settings["LOCAL_MYSQL_PASSWORD"] = b.Password;
        settings["LOCAL_MYSQL_DATABASE"] = DatabaseName;
        return settings;
    }

    /// <summary>Runs a scalar query directly against the database (to inspect what is really stored).</summary>
    public async Task<List<string>> QueryStringsAsync(string sql)
    {
        var result = new List<string>();
        if (IsMariaDb)
        {
            var b = new MySqlConnectionStringBuilder(_adminConnectionString!) { Database = DatabaseName };
            await using var conn = new MySqlConnection(b.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new MySqlCommand(sql, conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                result.Add(reader.GetValue(0)?.ToString() ?? "");
        }
        else
        {
            await using var conn = new Microsoft.Data.Sqlite.SqliteConnection(
                $"Data Source={Path.Combine(DataDir, "mosaic.db")};Pooling=False"
            );
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                result.Add(reader.GetValue(0)?.ToString() ?? "");
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsMariaDb)
        {
            await using var conn = new MySqlConnection(_adminConnectionString);
            await conn.OpenAsync();
            await using var cmd = new MySqlCommand($"DROP DATABASE IF EXISTS `{DatabaseName}`", conn);
            await cmd.ExecuteNonQueryAsync();
            // The servers' idle pooled connections to the dropped database would linger for minutes and, over a whole
            // run on a shared MariaDB, reach its connection limit.
            var settings = new ConfigurationBuilder()
                .AddInMemoryCollection(Settings())
                .Build()
                .Get<Mosaic.Server.Configuration.MosaicSettings>()!;
            await using var pooled = new MySqlConnection(Mosaic.Server.Data.DatabaseConnections.MySqlConnectionString(settings));
            await MySqlConnection.ClearPoolAsync(pooled);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
