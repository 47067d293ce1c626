using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Data;

/// <summary>
/// Applies migrations at start-up. A database that is still starting (container start order, a
/// failover) is retried with growing pauses; a database that never answers stops start-up with a
/// message naming the connection (never its password).
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<MosaicDbContext> contexts,
    IOptions<MosaicSettings> options,
    ILogger<DatabaseMigrator> logger
)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        var s = options.Value;
        if (!s.UsesMySql)
            Directory.CreateDirectory(s.FullDataDir);
        var target = s.UsesMySql
            ? $"MySQL at {s.MySqlHost}:{s.MySqlPort}/{s.MySqlDatabase}"
            : $"SQLite at {Path.Combine(s.FullDataDir, "mosaic.db")}";

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await db.Database.MigrateAsync(ct);
                logger.LogInformation("Database ready: {Database}", target);
                return;
            }
            catch (Exception ex) when (attempt <= s.StartupRetries && !ct.IsCancellationRequested && IsTransient(ex))
            {
                var delay = TimeSpan.FromSeconds(Math.Min(10, Math.Pow(2, attempt - 1)));
                logger.LogWarning(
                    "Database {Database} not reachable (attempt {Attempt}): {Error}; retrying in {Delay}s",
                    target,
                    attempt,
                    ex.Message,
                    delay.TotalSeconds
                );
                // Wall-clock time, not the app's TimeProvider: the database comes up in real time, and a test's fake
                // clock would otherwise hold start-up forever after one refused connection ("Too many connections").
                await Task.Delay(delay, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                throw new InvalidOperationException($"Could not prepare the database ({target}): {ex.Message}", ex);
            }
        }
    }

    // Connection-level failures may heal; schema or permission errors will not, so fail fast on those.
    private static bool IsTransient(Exception ex) =>
        ex switch
        {
            MySqlConnector.MySqlException m => m.IsTransient || m.ErrorCode is MySqlConnector.MySqlErrorCode.UnableToConnectToHost,
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true, // busy / locked
            TimeoutException or System.Net.Sockets.SocketException => true,
            _ when ex.InnerException is not null => IsTransient(ex.InnerException),
            _ => false,
        };
}
