using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.MySql;

/// <summary>
/// Settings from the environment (the mysql credential fields, docs/architecture.md#sources). Either a MySQL/MariaDB server
/// (MYSQL_HOST + MYSQL_USER + MYSQL_DATABASE) or a SQLite file (SQLITE_PATH) inside a directory the
/// operator allows (MOSAIC_SQLITE_DIRS, outside MOSAIC_DATA_DIR: the host passes both, see <see cref="SqliteFilePolicy"/>).
/// </summary>
public sealed record MySqlSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 3306;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? Database { get; init; }
    public string? SslMode { get; init; }
    public string? SqlitePath { get; init; }

    /// <summary>Where SQLite files may be (checked at start-up and again before every query).</summary>
    public SqliteFilePolicy SqliteFiles { get; init; } = SqliteFilePolicy.Create(null, null, []);

    /// <summary>Server-side statement time limit; the client gives up a few seconds later.</summary>
    public int QueryTimeoutSeconds { get; init; } = 15;

    public bool IsSqlite => SqlitePath is not null;

    public static MySqlSettings FromEnv(EnvConfig env)
    {
        var settings = new MySqlSettings
        {
            Host = env.Optional("MYSQL_HOST"),
            Port = env.Int("MYSQL_PORT", 3306, 1, 65535),
            User = env.Optional("MYSQL_USER"),
            Password = env.Raw("MYSQL_PASSWORD"), // may legitimately be blank
            Database = env.Optional("MYSQL_DATABASE"),
            SslMode = env.Optional("MYSQL_SSL_MODE"),
            SqlitePath = env.Optional("SQLITE_PATH"),
            QueryTimeoutSeconds = env.Int("MYSQL_QUERY_TIMEOUT_SECONDS", 15, 1, 300),
        };
        if (settings.IsSqlite)
        {
            var problems = new List<string>();
            settings = settings with
            {
                SqliteFiles = SqliteFilePolicy.Create(
                    env.Optional(SqliteFilePolicy.DirsVariable),
                    env.Optional(SqliteFilePolicy.DataDirVariable),
                    problems
                ),
            };
            problems.ForEach(env.Problem);
            if (problems.Count == 0 && settings.SqliteFiles.Resolve(settings.SqlitePath) is null)
                env.Problem(settings.SqliteFiles.Refusal("SQLITE_PATH", settings.SqlitePath));
        }
        else
        {
            var missing = new[] { ("MYSQL_HOST", settings.Host), ("MYSQL_USER", settings.User), ("MYSQL_DATABASE", settings.Database) }
                .Where(x => x.Item2 is null)
                .Select(x => x.Item1)
                .ToList();
            if (missing.Count > 0)
                env.Problem(
                    $"set SQLITE_PATH for a SQLite file, or MYSQL_HOST, MYSQL_USER and MYSQL_DATABASE for a server (missing: "
                        + $"{string.Join(", ", missing)})"
                );
            if (SystemSchemas.RefuseDatabase(settings.Database) is { } refusal)
                env.Problem($"MYSQL_DATABASE: {refusal}");
            if (settings.SslMode is { } mode && !Enum.TryParse<MySqlConnector.MySqlSslMode>(mode, ignoreCase: true, out _))
                env.Problem($"MYSQL_SSL_MODE must be one of None, Preferred, Required, VerifyCA, VerifyFull (got \"{mode}\")");
        }
        return settings;
    }
}
