using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mosaic.Server.Data;

/// <summary>
/// How the SQLite file commits: write-ahead logging with <c>synchronous=NORMAL</c>. SQLite's defaults (a rollback
/// journal, <c>synchronous=FULL</c>) sync the disk several times per commit, which made storing a chat turn cost
/// milliseconds; in WAL mode a commit appends to the log and syncs only at checkpoints. A committed turn survives the
/// server's crash or kill (the log is replayed on the next open); only a power loss or an OS crash can lose the last
/// commits before a checkpoint. Readers no longer wait for a writer either.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    // journal_mode=WAL is stored in the file: once per process is enough. synchronous is per connection.
    int _walSet;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            Interlocked.Exchange(ref _walSet, 1) == 0
                ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                : "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
