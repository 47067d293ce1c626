using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// Builds the SQLite copy of the demo database (<see cref="DemoFiles.SqlitePath"/>) from the MariaDB SQL,
/// so both stay one dataset. The SQL's last section is MariaDB-only (it moves dates to "now"); here the
/// portable part runs as is and the dates move the SQLite way, by whole hours to the Sandbox's clock.
/// </summary>
public static class DemoDatabase
{
    public const string MariaDbOnlyMarker = "-- MariaDB/MySQL only";
    private static readonly DateTime Anchor = new(2025, 6, 2, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (string Table, string[] Columns)[] Dated =
    [
        ("customers", ["created_at"]),
        ("orders", ["created_at"]),
        ("payments", ["created_at"]),
        ("support_tickets", ["created_at", "updated_at"]),
    ];

    /// <summary>How many hours the SQL's dates move so that its newest order is a few hours before <paramref name="now"/>.</summary>
    public static int ShiftHours(DateTimeOffset now) => (int)Math.Floor((now.UtcDateTime - Anchor).TotalHours);

    /// <summary>
    /// The demo database for the clock's current hour: created when missing, older than the SQL, or moved for another
    /// hour (the shift is kept in <c>PRAGMA user_version</c>), so "the last 24 hours" means the same at every start.
    /// A set clock (<c>--now</c>) gets a file of its own, so Sandboxes at different times never share one.
    /// </summary>
    public static string EnsureSqlite(TimeProvider time)
    {
        var shift = ShiftHours(time.GetUtcNow());
        var target = ReferenceEquals(time, TimeProvider.System) ? DemoFiles.SqlitePath : DemoFiles.SqlitePathAt(shift);
        var info = new FileInfo(target);
        if (info.Exists && info.LastWriteTimeUtc > File.GetLastWriteTimeUtc(DemoFiles.MariaDbSql) && ShiftOf(target) == shift)
            return target;

        // Build beside the target and move it into place, so a reader (or a second Sandbox) never sees half a file.
        var temp = Path.Combine(DemoFiles.Directory, $".acme-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        try
        {
            Build(temp, shift);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(temp))
                File.Delete(temp);
        }
        return target;
    }

    public static void Build(string path, int shiftHours)
    {
        var sql = File.ReadAllText(DemoFiles.MariaDbSql);
        var cut = sql.IndexOf(MariaDbOnlyMarker, StringComparison.Ordinal);
        var portable = cut >= 0 ? sql[..cut] : sql;
        var hours = shiftHours.ToString(CultureInfo.InvariantCulture);

        using var connection = Open(path);
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, portable);
        foreach (var (table, columns) in Dated)
            Execute(
                connection,
                transaction,
                $"UPDATE {table} SET "
                    + string.Join(", ", columns.Select(c => $"{c} = strftime('%Y-%m-%d %H:%M:%S', {c}, '{hours} hours')"))
            );
        Execute(
            connection,
            transaction,
            $"UPDATE products SET launched_on = date(launched_on, '{(shiftHours / 24).ToString(CultureInfo.InvariantCulture)} days')"
        );
        Execute(connection, transaction, $"PRAGMA user_version = {hours}");
        transaction.Commit();
    }

    private static int? ShiftOf(string path)
    {
        try
        {
            using var connection = Open(path);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return null;
        } // not a database (half-copied, or something else): rebuilt
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
