using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Commands;

/// <summary>
/// <c>backup &lt;file&gt; [--force]</c>: a consistent copy of the SQLite database made with SQLite's online backup API, so
/// it may run while the server serves (docs/deploy.md, "Backups"). It reads the database only: it runs before migrations
/// and never changes the source. For MySQL/MariaDB it says which tool to use instead and fails.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";
    public const string Force = "--force";

    /// <returns>The process exit code: 0 done, 1 failed, 2 refused (MySQL, existing file), 64 usage.</returns>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var settings = app.Services.GetRequiredService<IOptions<MosaicSettings>>().Value;
        if (settings.UsesMySql)
        {
            Console.Error.WriteLine(
                "The database is MySQL/MariaDB (LOCAL_MYSQL_HOST is set): back it up with its own tools, for example\n"
                    + $"  mariadb-dump --single-transaction --routines {settings.MySqlDatabase} > mosaic.sql   (or mysqldump)\n"
                    + "and restore with  mariadb < mosaic.sql. `backup` copies the SQLite database only."
            );
            return 2;
        }
        var file = args.FirstOrDefault(a => a != Force);
        if (string.IsNullOrWhiteSpace(file))
        {
            Console.Error.WriteLine("Usage: backup <file> [--force]   (--force replaces an existing file)");
            return 64;
        }
        var target = Path.GetFullPath(file);
        var source = Path.Combine(settings.FullDataDir, "mosaic.db");
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"There is no database to back up at {source} (MOSAIC_DATA_DIR is {settings.FullDataDir}).");
            return 1;
        }
        if (File.Exists(target) && !args.Contains(Force))
        {
            Console.Error.WriteLine($"{target} exists already; choose another name, or add {Force} to replace it.");
            return 2;
        }

        // Written beside the target and moved into place, so a failed backup never leaves a half file under its name.
        var partial = target + ".partial";
        try
        {
            await using (var from = Open(source, SqliteOpenMode.ReadOnly))
            await using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate)) // no pooling: closed before the move
            {
                from.BackupDatabase(to); // sqlite3_backup_step(-1): every page in one pass, under one read lock
                var check = to.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                if (await check.ExecuteScalarAsync() is not "ok")
                    throw new InvalidOperationException("the copy failed PRAGMA integrity_check");
            }
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            Console.Error.WriteLine($"The backup failed: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Backed up {source} to {target} ({new FileInfo(target).Length / 1024} KB, integrity_check ok).");
        Console.WriteLine(
            "Saved credentials in it are encrypted with ENCRYPTION_KEY, which it does not contain: keep the key in your "
                + "secret store (in development it is in MOSAIC_DATA_DIR/secrets/)."
        );
        return 0;
    }

    static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = mode,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString()
        );
        connection.Open();
        return connection;
    }
}
