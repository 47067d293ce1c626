using System.Globalization;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.MySql.Safety;
using MySqlConnector;

namespace Mosaic.Connectors.MySql.Data;

/// <summary>
/// MySQL 8 / MariaDB. Each call: a fresh (pooled) session set to READ ONLY, a server-side time
/// limit (max_execution_time on MySQL, max_statement_time on MariaDB), sql_select_limit so the
/// server never streams more rows than the page needs, a READ ONLY transaction that is always
/// rolled back, and a client timeout a little longer than the server's. The server is reached only at
/// addresses the egress policy checked (see <see cref="MySqlEgress"/>). The session's sql_mode loses
/// the flags that change how quotes and backslashes are read (ANSI_QUOTES, NO_BACKSLASH_ESCAPES and
/// the combination modes that imply them), so the server reads a query exactly as the guard did.
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
        AllowLoadLocalInfile = false, // the server can never ask this client for a local file
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

    public async Task<QueryPage> QueryAsync(
        string sql,
        string? database,
        IReadOnlyDictionary<string, object?> parameters,
        int skip,
        int take,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await MySqlEgress.ConnectionAsync(_connectionString, settings, egress, Service, cancellationToken);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var mariaDb = connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
            Service = mariaDb ? "MariaDB" : "MySQL";
            if (database is not null && database != settings.Database)
                await connection.ChangeDatabaseAsync(database, cancellationToken);

            await SetUpSessionAsync(connection, mariaDb, skip + take + 1, cancellationToken);
            try
            {
                await using var command = new MySqlCommand(sql, connection) { CommandTimeout = settings.QueryTimeoutSeconds + 5 };
                foreach (var (name, value) in parameters)
                    command.Parameters.AddWithValue(name, value);
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

    /// <summary>sql_mode flags under which the guard's lexer (SqlTokenizer) would read quotes differently from the server.</summary>
    private static readonly string[] LexicalModes =
    [
        "ANSI_QUOTES",
        "NO_BACKSLASH_ESCAPES",
        "ANSI",
        "ORACLE",
        "MSSQL",
        "DB2",
        "POSTGRESQL",
        "MAXDB",
    ];

    private async Task SetUpSessionAsync(MySqlConnection connection, bool mariaDb, int rowCap, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(SessionSetup(mariaDb, rowCap), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken)) { }
        var mode = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : "";
        if (mode.Split(',').Intersect(LexicalModes, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } flag)
            throw new UpstreamException(
                Service,
                null,
                null,
                $"the session still has sql_mode {flag}, which changes how quotes are read; no query runs until it is removed"
            );
    }

    private string SessionSetup(bool mariaDb, int rowCap)
    {
        var timeLimit = mariaDb
            ? $"SET SESSION max_statement_time = {settings.QueryTimeoutSeconds}"
            : $"SET SESSION max_execution_time = {settings.QueryTimeoutSeconds * 1000}";
        // REPLACE over ",mode," removes whole flags only; @@sql_mode lists combination modes with what they imply.
        var cleanMode = LexicalModes.Aggregate("CONCAT(',', @@SESSION.sql_mode, ',')", (expr, flag) => $"REPLACE({expr}, ',{flag},', ',')");
        return string.Join(
            "; ",
            "SET SESSION TRANSACTION READ ONLY",
            timeLimit,
            $"SET SESSION sql_select_limit = {rowCap.ToString(CultureInfo.InvariantCulture)}",
            $"SET SESSION sql_mode = {cleanMode}",
            "START TRANSACTION READ ONLY",
            "SELECT @@SESSION.sql_mode"
        );
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
