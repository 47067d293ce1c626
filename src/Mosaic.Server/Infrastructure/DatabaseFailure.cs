using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// An exception that means the database cannot serve right now, not that the code is wrong: MySQL/MariaDB stopped,
/// restarting or unreachable (after EF Core's retries), or the disk under SQLite full. Callers answer it with 503 and
/// Retry-After and a sentence a person can act on, instead of a 500 (docs/deploy.md, "What it survives").
/// </summary>
/// <param name="DiskFull">The database's disk is full or failing: waiting helps only once the operator fixes it.</param>
public sealed record DatabaseFailure(string Title, string Detail, int RetryAfterSeconds, bool DiskFull)
{
    public const string Code = "database_unavailable";

    static readonly DatabaseFailure Unavailable = new(
        "Database unavailable",
        "The database is not answering right now, so nothing was changed. Try again in a few seconds.",
        5,
        false
    );

    static readonly DatabaseFailure Full = new(
        "Storage unavailable",
        "The server could not write to its disk (it is full or failing), so nothing was saved. Tell your administrator; "
            + "try again once it is fixed.",
        60,
        true
    );

    // SQLite result codes: the disk is full; an I/O error (a full disk while writing the journal reads as one too).
    const int SqliteFull = 13;
    const int SqliteIoError = 10;
    const int SqliteError = 1;

    // After SQLITE_FULL or SQLITE_IOERR, SQLite rolls the transaction back itself; EF Core's own rollback then fails with
    // this, and that exception is the one that surfaces (the first is lost). Nothing else makes a rollback find none.
    const string AutoRolledBack = "cannot rollback - no transaction is active";
    const int ENOSPC = 28; // errno, which .NET on Unix gives an IOException as its HResult

    // MariaDB's ER_CONNECTION_KILLED: the server ends its connections while it shuts down.
    const int MariaDbConnectionKilled = 1927;

    /// <summary>What <paramref name="exception"/> (or one it wraps) says about the database, or null when it is no such failure.</summary>
    public static DatabaseFailure? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // EF Core gave up after its retries (DatabaseConnections: EnableRetryOnFailure), all of them transient.
                case RetryLimitExceededException:
                    return Unavailable;
                case MySqlException my when Unreachable(my):
                    return Unavailable;
                case SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError }:
                case SqliteException { SqliteErrorCode: SqliteError } when e.Message.Contains(AutoRolledBack, StringComparison.Ordinal):
                case IOException { HResult: ENOSPC }:
                    return Full;
            }
        }
        return null;
    }

    static bool Unreachable(MySqlException e) =>
        e.IsTransient
        || e.ErrorCode is MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown or MySqlErrorCode.CommandTimeoutExpired
        || e.Number == MariaDbConnectionKilled
        || e.InnerException is IOException or SocketException;
}
