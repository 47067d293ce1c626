using Microsoft.Data.Sqlite;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.MySql.Data;

/// <summary>
/// A SQLite file, opened read-only (Mode=ReadOnly) with PRAGMA query_only on, so the engine itself
/// refuses writes. The path is checked against MOSAIC_SQLITE_DIRS again before every query and the
/// resolved real path is what gets opened, so a link swapped in later cannot lead elsewhere. Engine
/// limits back the guard: no attached databases, and no value larger than <see cref="MaxValueBytes"/>.
/// SQLite has no server-side time limit, so the client timeout interrupts the running statement
/// (sqlite3_interrupt).
/// </summary>
public sealed class SqliteDatabase(MySqlSettings settings) : IDatabase
{
    /// <summary>The largest string or blob a query may build (SQLITE_LIMIT_LENGTH; SQLite's default is 1 GB).</summary>
    public const int MaxValueBytes = 16 * 1024 * 1024;

    private const int LimitLength = 0,
        LimitAttached = 7; // sqlite3_limit ids (SQLITE_LIMIT_LENGTH, SQLITE_LIMIT_ATTACHED)

    public string Service => "SQLite";

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public string? DefaultDatabase => "main";

    public async Task<QueryPage> QueryAsync(
        string sql,
        string? database,
        IReadOnlyDictionary<string, object?> parameters,
        int skip,
        int take,
        CancellationToken cancellationToken
    )
    {
        var path = settings.SqliteFiles.Resolve(settings.SqlitePath)
            ?? throw new ToolInputException(settings.SqliteFiles.Refusal("SQLITE_PATH", settings.SqlitePath));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
        }.ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.QueryTimeoutSeconds));
        await using var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            SQLitePCL.raw.sqlite3_limit(connection.Handle, LimitLength, MaxValueBytes);
            SQLitePCL.raw.sqlite3_limit(connection.Handle, LimitAttached, 0);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA query_only = ON";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            // Interrupt the statement from another thread when the time is up or the caller gives up.
            await using var interrupt = timeout.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            return await RowReader.ReadAsync(reader, skip, take, timeout.Token);
        }
        catch (Exception ex) when (ex is SqliteException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (ex is OperationCanceledException || ex is SqliteException { SqliteErrorCode: 9 }) // SQLITE_INTERRUPT
                throw new UpstreamException(
                    Service,
                    null,
                    "timeout",
                    $"the query ran longer than {settings.QueryTimeoutSeconds} s and was stopped. Add filters or a LIMIT"
                );
            var sqlite = (SqliteException)ex;
            var hint =
                sqlite.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase)
                    ? ". Call list_tables to see the tables that exist"
                : sqlite.Message.Contains("no such column", StringComparison.OrdinalIgnoreCase)
                    ? ". Call describe_table to see the table's columns"
                : sqlite.SqliteErrorCode is 8 ? ". The file is opened read-only; writes are not possible" // SQLITE_READONLY
                : "";
            throw new UpstreamException(
                Service,
                null,
                null,
                sqlite.Message.Replace("SQLite Error ", "error ", StringComparison.Ordinal) + hint,
                inner: ex
            );
        }
    }
}
