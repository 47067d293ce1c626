using Microsoft.Data.Sqlite;

namespace Mosaic.Server.Tests.Credentials;

/// <summary>
/// A server whose MOSAIC_SQLITE_DIRS lists one directory holding shop.db, plus the ways out of it an attacker
/// would try: a file outside, a link to it, a linked directory, and a SQLite copy inside the data dir.
/// </summary>
public sealed class SqliteFilesApp : MosaicAppFactory, IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mosaic-sqlite-dirs-");

    public SqliteFilesApp()
    {
        Directory.CreateDirectory(Allowed);
        Directory.CreateDirectory(Outside);
        CreateDatabase(Path.Combine(Allowed, "shop.db"), "products");
        CreateDatabase(Path.Combine(Outside, "other.db"), "secrets");
        File.CreateSymbolicLink(Path.Combine(Allowed, "escape.db"), Path.Combine(Outside, "other.db"));
        Directory.CreateSymbolicLink(Path.Combine(Allowed, "linked"), Outside);
        Settings["MOSAIC_SQLITE_DIRS"] = Allowed;
    }

    public string Allowed => Path.Combine(_root.FullName, "allowed");

    public string Outside => Path.Combine(_root.FullName, "outside");

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A SQLite file among the server's own data (for MariaDB runs there is no mosaic.db there).
        CreateDatabase(Path.Combine(Database.DataDir, "copy.db"), "users");
    }

    public static void CreateDatabase(string path, string table)
    {
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO {table} (name) VALUES ('row one');";
            cmd.ExecuteNonQuery();
        }
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _root.Delete(recursive: true);
    }
}
