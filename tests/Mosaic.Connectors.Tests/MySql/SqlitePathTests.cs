using Microsoft.Data.Sqlite;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>
/// SQLITE_PATH through the real connector process: only inside MOSAIC_SQLITE_DIRS, as a real path (links
/// resolved), never inside MOSAIC_DATA_DIR; refused and missing files get the same answer.
/// </summary>
public sealed class SqlitePathTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mosaic-sqlite-path-");

    private string Allowed => Dir("allowed");
    private string Outside => Dir("outside");
    private string Data => Dir("data");

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;

    private Dictionary<string, string> Env(string path) =>
        new()
        {
            ["SQLITE_PATH"] = path,
            ["MOSAIC_SQLITE_DIRS"] = Allowed,
            ["MOSAIC_DATA_DIR"] = Data,
        };

    [Fact]
    public async Task Outside_through_a_link_in_the_data_dir_or_missing_all_get_one_answer()
    {
        CreateDatabase(Path.Combine(Outside, "other.db"));
        CreateDatabase(Path.Combine(Data, "mosaic.db"));
        File.CreateSymbolicLink(Path.Combine(Allowed, "escape.db"), Path.Combine(Outside, "other.db"));
        File.CreateSymbolicLink(Path.Combine(Allowed, "app.db"), Path.Combine(Data, "mosaic.db"));
        Directory.CreateSymbolicLink(Path.Combine(Allowed, "up"), _root.FullName);
        string[] attempts =
        [
            Path.Combine(Outside, "other.db"),
            Path.Combine(Allowed, "escape.db"),
            Path.Combine(Allowed, "app.db"),
            Path.Combine(Data, "mosaic.db"),
            Path.Combine(Allowed, "up", "data", "mosaic.db"),
            Path.Combine(Allowed, "missing.db"),
            Path.Combine(Allowed, "..", "outside", "other.db"),
            "shop.db",
        ];
        var answers = new HashSet<string>();
        foreach (var path in attempts)
        {
            var (code, stderr) = await ConnectorProcess.RunToExitAsync("MySql", Env(path));
            Assert.Equal(2, code);
            Assert.Contains("MOSAIC_SQLITE_DIRS", stderr);
            answers.Add(stderr.Replace($"'{path}'", "'…'", StringComparison.Ordinal).Trim());
        }
        Assert.Single(answers);
    }

    [Fact]
    public async Task A_file_reached_through_linked_directories_is_opened_by_its_real_path()
    {
        CreateDatabase(Path.Combine(Allowed, "shop.db"));
        var linkedDir = Path.Combine(_root.FullName, "linked-allowed");
        Directory.CreateSymbolicLink(linkedDir, Allowed);
        var env = Env(Path.Combine(linkedDir, "shop.db"));
        env["MOSAIC_SQLITE_DIRS"] = linkedDir; // the operator may list a link too: both sides are compared as real paths
        await using var sqlite = await ConnectorProcess.StartAsync("MySql", env);
        var rows = (await sqlite.CallAsync("execute_query", new { sql = "SELECT name FROM items" })).Ok().GetProperty("rows");
        Assert.Equal("row one", rows[0][0].GetString());
    }

    [Fact]
    public async Task A_link_pointed_elsewhere_after_start_is_refused_at_the_next_query()
    {
        CreateDatabase(Path.Combine(Allowed, "real.db"));
        CreateDatabase(Path.Combine(Outside, "other.db"), "secret row");
        var link = Path.Combine(Allowed, "current.db");
        File.CreateSymbolicLink(link, Path.Combine(Allowed, "real.db"));
        await using var sqlite = await ConnectorProcess.StartAsync("MySql", Env(link));
        (await sqlite.CallAsync("execute_query", new { sql = "SELECT name FROM items" })).Ok();

        File.Delete(link);
        File.CreateSymbolicLink(link, Path.Combine(Outside, "other.db"));
        var error = (await sqlite.CallAsync("execute_query", new { sql = "SELECT name FROM items" })).Error();
        Assert.Contains("cannot be opened here", error);
        Assert.DoesNotContain("secret row", error);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("")] // the parent of the data dir
    [InlineData("data/sub")]
    public async Task An_allowed_directory_overlapping_the_data_dir_stops_start_up(string entry)
    {
        Directory.CreateDirectory(Path.Combine(Data, "sub"));
        CreateDatabase(Path.Combine(Data, "sub", "x.db"));
        var env = Env(Path.Combine(Data, "sub", "x.db"));
        env["MOSAIC_SQLITE_DIRS"] = Path.Combine(_root.FullName, entry);
        var (code, stderr) = await ConnectorProcess.RunToExitAsync("MySql", env);
        Assert.Equal(2, code);
        Assert.Contains("MOSAIC_SQLITE_DIRS", stderr);
        Assert.Contains("MOSAIC_DATA_DIR", stderr);
    }

    private static void CreateDatabase(string path, string row = "row one")
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items (name) VALUES ('{row}');";
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _root.Delete(recursive: true);
}
