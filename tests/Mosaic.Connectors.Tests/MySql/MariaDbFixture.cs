using System.Text;
using Mosaic.Connectors.Tests.Infrastructure;
using MySqlConnector;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>
/// A uniquely named MariaDB database with a small schema, 1200 "events" for paging, a view and a
/// stored function that writes (to prove the read-only transaction stops what the guard lets by).
/// The connector connects with the test user, which has ALL privileges: the hardest case.
/// </summary>
public sealed class MariaDbFixture : IAsyncLifetime
{
    public string Database { get; } = $"mosaic_mysql_{TestServices.UniqueSuffix()}";

    public MySqlConnectionStringBuilder Server { get; } = new(TestServices.MariaDb);

    public async Task InitializeAsync()
    {
        await using var c = await OpenAsync(null);
        await ExecAsync(
            c,
            $"CREATE DATABASE `{Database}`; USE `{Database}`;"
                + """
                CREATE TABLE customers (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100) NOT NULL, email VARCHAR(200),
                  note TEXT, KEY ix_customers_email (email)) COMMENT 'people who buy';
                CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, total DECIMAL(10,2),
                  created_at DATETIME, shipped_on DATE);
                CREATE TABLE events (id INT PRIMARY KEY, label VARCHAR(50) NOT NULL);
                CREATE TABLE audit (id INT PRIMARY KEY AUTO_INCREMENT, note VARCHAR(100));
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
                INSERT INTO customers (name, email, note) VALUES ('Ada', 'ada@acme.test', 'first'), ('Grace',
                  'grace@acme.test', NULL), ('Linus', NULL, 'it''s; DELETE FROM customers');
                INSERT INTO orders (customer_id, total, created_at, shipped_on) VALUES (1, 120.50, '2025-03-01 10:15:00',
                  '2025-03-02'), (2, 15.00, '2025-03-02 09:00:00', NULL);
                CREATE FUNCTION bump_audit() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO audit (note) VALUES ('bumped'); RETURN 1; END;
                """
        );
        var sb = new StringBuilder("INSERT INTO events (id, label) VALUES ");
        sb.AppendJoin(",", Enumerable.Range(1, 1200).Select(i => $"({i}, 'event {i}')"));
        await ExecAsync(c, sb.ToString());
        Baseline = await SnapshotAsync();
    }

    private ConnectorProcess? _connector;

    /// <summary>The snapshot taken right after seeding.</summary>
    public string Baseline { get; private set; } = "";

    /// <summary>One connector process shared by a test class (starting one costs ~0.3 s).</summary>
    public async Task<ConnectorProcess> ConnectorAsync() => _connector ??= await ConnectorProcess.StartAsync("MySql", Env());

    public async Task DisposeAsync()
    {
        if (_connector is not null)
            await _connector.DisposeAsync();
        await using var c = await OpenAsync(null);
        await ExecAsync(c, $"DROP DATABASE IF EXISTS `{Database}`");
    }

    /// <summary>The connector's environment for this database (optionally with a wrong password).</summary>
    public Dictionary<string, string> Env(string? password = null, int? timeoutSeconds = null)
    {
        var env = new Dictionary<string, string>
        {
            ["MYSQL_HOST"] = Server.Server,
            ["MYSQL_PORT"] = Server.Port.ToString(),
            ["MYSQL_USER"] = Server.UserID,
            ["MYSQL_PASSWORD"] = password ?? Server.Password,
            ["MYSQL_DATABASE"] = Database,
            ["MYSQL_SSL_MODE"] = "None",
            ["MOSAIC_EGRESS_ALLOW"] = TestServices.EgressEntry(Server.Server, (int)Server.Port), // the test server is on loopback
        };
        if (timeoutSeconds is { } t)
            env["MYSQL_QUERY_TIMEOUT_SECONDS"] = t.ToString();
        return env;
    }

    /// <summary>Everything that must not change: our schema (and no evil_db), its tables, a checksum of every table.
    /// Other schemas are left out: other test classes create and drop theirs concurrently.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var c = await OpenAsync(Database);
        var sb = new StringBuilder();
        await using (
            var cmd = new MySqlCommand(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN (DATABASE(), 'evil_db') ORDER BY 1",
                c
            )
        )
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                sb.Append(r.GetString(0)).Append('\n');
        var tables = new List<string>();
        await using (
            var cmd = new MySqlCommand(
                "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1",
                c
            )
        )
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
                sb.Append(r.GetString(0)).Append(' ').Append(r.GetString(1)).Append('\n');
            }
        foreach (var table in tables)
        {
            // CHECKSUM TABLE covers every row and column; COUNT(*) makes a diff readable.
            await using var cmd = new MySqlCommand($"SELECT COUNT(*) FROM `{table}`; CHECKSUM TABLE `{table}` EXTENDED", c);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            sb.Append(table).Append(": ").Append(r.GetValue(0));
            await r.NextResultAsync();
            await r.ReadAsync();
            sb.Append(' ').Append(r.GetValue(1)).Append('\n');
        }
        return sb.ToString();
    }

    public async Task<MySqlConnection> OpenAsync(string? database)
    {
        var cs = new MySqlConnectionStringBuilder(Server.ConnectionString) { Database = database ?? "", AllowUserVariables = true };
        var c = new MySqlConnection(cs.ConnectionString);
        await c.OpenAsync();
        return c;
    }

    public static async Task ExecAsync(MySqlConnection c, string sql)
    {
        await using var cmd = new MySqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
