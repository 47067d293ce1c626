using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Configuration;
using MySqlConnector;

namespace Mosaic.Server.Data;

/// <summary>Connection strings and provider options for both databases, from <see cref="MosaicSettings"/>.</summary>
public static class DatabaseConnections
{
    /// <summary>Used to generate migrations; the running server uses the real version (configured or detected).</summary>
    public static readonly ServerVersion DesignTimeMySqlVersion = new MariaDbServerVersion(new Version(10, 11, 0));

    public static string SqliteConnectionString(MosaicSettings s) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(s.FullDataDir, "mosaic.db"),
            Cache = SqliteCacheMode.Shared,
            DefaultTimeout = 30,
        }.ToString();

    public static string MySqlConnectionString(MosaicSettings s) =>
        new MySqlConnectionStringBuilder
        {
            Server = s.MySqlHost,
            Port = (uint)s.MySqlPort,
            UserID = s.MySqlUser,
            Password = s.MySqlPassword,
            Database = s.MySqlDatabase,
            CharacterSet = "utf8mb4",
            ConnectionTimeout = 5,
        }.ToString();

    public static void UseSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, x => x.MigrationsHistoryTable("__ef_migrations_history")).AddInterceptors(Durability);

    // One per process: it remembers that the file's journal mode is set.
    static readonly SqliteDurability Durability = new();

    public static void UseMySql(DbContextOptionsBuilder o, string connectionString, ServerVersion version) =>
        o.UseMySql(connectionString, version, x =>
            x.MigrationsHistoryTable("__ef_migrations_history")
                .EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorNumbersToAdd: null)
        );
}
