using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>
/// A SQLite file with the same small schema, alone in a directory the connector is told it may read
/// (MOSAIC_SQLITE_DIRS); its SHA-256 proves nothing was written.
/// </summary>
public sealed class SqliteFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("mosaic-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(Directory, "shop.db");

    public string Baseline { get; private set; } = "";

    private ConnectorProcess? _connector;

    public async Task InitializeAsync()
    {
        await using (var c = new SqliteConnection($"Data Source={Path};Pooling=False"))
        {
            await c.OpenAsync();
            var sb = new StringBuilder(
                """
                PRAGMA journal_mode = DELETE;
                CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, note TEXT);
                CREATE INDEX ix_customers_email ON customers (email);
                CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total REAL, created_at TEXT);
                CREATE TABLE events (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
                INSERT INTO customers (name, email, note) VALUES ('Ada', 'ada@acme.test', 'first'), ('Grace',
                  'grace@acme.test', NULL), ('Linus', NULL, 'it''s; DELETE FROM customers');
                INSERT INTO orders (customer_id, total, created_at) VALUES (1, 120.5, '2025-03-01 10:15:00'), (2, 15,
                  '2025-03-02 09:00:00');
                """
            );
            sb.Append("INSERT INTO events (id, label) VALUES ")
                .AppendJoin(",", Enumerable.Range(1, 700).Select(i => $"({i}, 'event {i}')"))
                .Append(';');
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sb.ToString();
            await cmd.ExecuteNonQueryAsync();
        }
        Baseline = Hash();
    }

    public Dictionary<string, string> Env(int? timeoutSeconds = null)
    {
        var env = new Dictionary<string, string> { ["SQLITE_PATH"] = Path, ["MOSAIC_SQLITE_DIRS"] = Directory };
        if (timeoutSeconds is { } t)
            env["MYSQL_QUERY_TIMEOUT_SECONDS"] = t.ToString();
        return env;
    }

    public async Task<ConnectorProcess> ConnectorAsync() => _connector ??= await ConnectorProcess.StartAsync("MySql", Env());

    /// <summary>SHA-256 of the file plus any journal/WAL next to it (none may appear).</summary>
    public string Hash()
    {
        var extra = new[] { "-journal", "-wal", "-shm" }.Where(s => File.Exists(Path + s)).ToList();
        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path))) + string.Join(",", extra);
    }

    public async Task DisposeAsync()
    {
        if (_connector is not null)
            await _connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
