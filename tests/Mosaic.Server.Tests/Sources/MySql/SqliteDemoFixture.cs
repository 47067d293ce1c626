using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Sources.MySql;

/// <summary>
/// The demo's Acme database as the Sandbox builds its SQLite copy (the portable part of acme-mysql.sql, dates as
/// written: the newest order is from 2025-06-02 09:00 UTC), and an Offline server whose user's MySQL source is that file.
/// </summary>
public sealed class SqliteDemoFixture : IAsyncLifetime
{
    /// <summary>The clock the questions are asked at: three hours after the newest order, as the demo has it.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("mosaic-mysql-offline-");

    public ChatAppFactory App { get; } = new(null);
    public TestUser User { get; private set; } = null!;
    public string Path => System.IO.Path.Combine(_dir.FullName, "acme.db");

    public async Task InitializeAsync()
    {
        var sql = await File.ReadAllTextAsync(System.IO.Path.Combine(RepoPaths.Root, "src", "Mosaic.Sandbox", "Demo", "acme-mysql.sql"));
        var portable = sql[..sql.IndexOf("-- MariaDB/MySQL only", StringComparison.Ordinal)];
        await using (var c = Open(readOnly: false))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = portable;
            await cmd.ExecuteNonQueryAsync();
        }
        App.Settings["MOSAIC_SQLITE_DIRS"] = _dir.FullName;
        await App.InitializeAsync();
        User = await App.SignInAsync();
        var saved = await User.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = "mysql", credentials = new { sqlite_path = Path } }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    /// <summary>One value, read straight from the file (not through Mosaic): what an answer's numbers are checked against.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var c = Open(readOnly: true);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private SqliteConnection Open(bool readOnly) =>
        new(
            new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                Pooling = false,
                Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            }.ConnectionString
        );
}
