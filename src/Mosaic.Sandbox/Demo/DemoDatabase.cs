using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// Builds the SQLite copy of the demo database (<see cref="DemoFiles.SqlitePath"/>) from the MariaDB SQL,
/// so both stay one dataset. The SQL's last section is MariaDB-only (it moves dates to "now"); here the
/// portable part runs as is and the dates move the SQLite way.
/// </summary>
public static class DemoDatabase
{
    public const string MariaDbOnlyMarker = "-- MariaDB/MySQL only";
    private static readonly DateTime Anchor = new(2025, 6, 2, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (string Table, string[] Columns)[] Dated =
    [
        ("customers", ["created_at"]), ("orders", ["created_at"]), ("payments", ["created_at"]),
        ("support_tickets", ["created_at", "updated_at"]),
    ];

    /// <summary>Creates the file when missing, older than the SQL, or old enough that "recent" orders would no longer be.</summary>
    public static string EnsureSqlite(TimeSpan? maxAge = null)
    {
        var target = DemoFiles.SqlitePath;
        var info = new FileInfo(target);
        if (info.Exists && info.LastWriteTimeUtc > File.GetLastWriteTimeUtc(DemoFiles.MariaDbSql)
            && DateTime.UtcNow - info.LastWriteTimeUtc < (maxAge ?? TimeSpan.FromHours(6)))
            return target;

        // Build beside the target and move it into place, so a reader (or a second Sandbox) never sees half a file.
        var temp = Path.Combine(DemoFiles.Directory, $".acme-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        try
        {
            Build(temp);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(temp)) File.Delete(temp);
        }
        return target;
    }

    public static void Build(string path)
    {
        var sql = File.ReadAllText(DemoFiles.MariaDbSql);
        var cut = sql.IndexOf(MariaDbOnlyMarker, StringComparison.Ordinal);
        var portable = cut >= 0 ? sql[..cut] : sql;
        var shiftHours = (int)Math.Floor((DateTime.UtcNow - Anchor).TotalHours);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, portable);
        foreach (var (table, columns) in Dated)
            Execute(connection, transaction, $"UPDATE {table} SET " + string.Join(", ",
                columns.Select(c => $"{c} = strftime('%Y-%m-%d %H:%M:%S', {c}, '{shiftHours.ToString(CultureInfo.InvariantCulture)} hours')")));
        Execute(connection, transaction, $"UPDATE products SET launched_on = date(launched_on, '{(shiftHours / 24).ToString(CultureInfo.InvariantCulture)} days')");
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
