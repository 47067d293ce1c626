using System.Globalization;
using MySqlConnector;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.MySql.Data;

/// <summary>
/// MySQL 8 / MariaDB. Each call: a fresh (pooled) session set to READ ONLY, a server-side time
/// limit (max_execution_time on MySQL, max_statement_time on MariaDB), sql_select_limit so the
/// server never streams more rows than the page needs, a READ ONLY transaction that is always
/// rolled back, and a client timeout a little longer than the server's. The server is reached only at
/// addresses the egress policy checked (see <see cref="MySqlEgress"/>).
/// </summary>
public sealed class MySqlDatabase(MySqlSettings settings, EgressPolicy egress) : IDatabase
{
    private readonly string _connectionString = new MySqlConnectionStringBuilder
    {
        Server = settings.Host,
        Port = (uint)settings.Port,
        UserID = settings.User,
        Password = settings.Password ?? "",
        Database = settings.Database,
        SslMode = settings.SslMode is { } mode ? Enum.Parse<MySqlSslMode>(mode, ignoreCase: true) : MySqlSslMode.Preferred,
        AllowLoadLocalInfile = false,   // the server can never ask this client for a local file
        AllowUserVariables = false,
        ConvertZeroDateTime = true,
        GuidFormat = MySqlGuidFormat.None,
        ConnectionTimeout = 10,
        DefaultCommandTimeout = (uint)settings.QueryTimeoutSeconds + 5,
        ApplicationName = "mosaic-mysql",
    }.ConnectionString;

    public string Service { get; private set; } = "MySQL";

    public SqlDialect Dialect => SqlDialect.MySql;

    public string? DefaultDatabase => settings.Database;

    public async Task<QueryPage> QueryAsync(string sql, string? database, IReadOnlyDictionary<string, object?> parameters,
        int skip, int take, CancellationToken cancellationToken)
    {
        await using var connection = await MySqlEgress.ConnectionAsync(_connectionString, settings, egress, Service, cancellationToken);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var mariaDb = connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
            Service = mariaDb ? "MariaDB" : "MySQL";
            if (database is not null && database != settings.Database) await connection.ChangeDatabaseAsync(database, cancellationToken);

            await ExecuteAsync(connection, SessionSetup(mariaDb, skip + take + 1), cancellationToken);
            try
            {
                await using var command = new MySqlCommand(sql, connection) { CommandTimeout = settings.QueryTimeoutSeconds + 5 };
                foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await RowReader.ReadAsync(reader, skip, take, cancellationToken);
            }
            finally
            {
                // Nothing a read did may survive: roll back even though the transaction is READ ONLY.
                await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            }
        }
        catch (MySqlException ex)
        {
            throw MySqlErrors.Map(ex, Service, settings);
        }
    }

    private string SessionSetup(bool mariaDb, int rowCap)
    {
        var timeLimit = mariaDb
            ? $"SET SESSION max_statement_time = {settings.QueryTimeoutSeconds}"
            : $"SET SESSION max_execution_time = {settings.QueryTimeoutSeconds * 1000}";
        return string.Join("; ",
            "SET SESSION TRANSACTION READ ONLY",
            timeLimit,
            $"SET SESSION sql_select_limit = {rowCap.ToString(CultureInfo.InvariantCulture)}",
            "START TRANSACTION READ ONLY");
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
