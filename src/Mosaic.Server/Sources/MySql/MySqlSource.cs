using Mosaic.Connectors.MySql.Safety;
using Mosaic.Server.Connectors;
using Mosaic.Server.Sources.MySql.Offline;
using Mosaic.Server.Sources.Shopify;

namespace Mosaic.Server.Sources.MySql;

/// <summary>MySQL (or MariaDB, or a SQLite file): tables and read-only SQL.</summary>
public sealed class MySqlSource : IBuiltInSource
{
    public const string Id = "mysql";

    public SourceDefinition Definition { get; } =
        new()
        {
            Id = Id,
            Name = "MySQL",
            Icon = "mysql",
            Assembly = "Mosaic.Connectors.MySql",
            Description = "Explore tables and run read-only SQL queries",
            CredentialFields =
            [
                new("host", "Host", "text", false, "MYSQL_HOST")
                {
                    Placeholder = "db.internal",
                    Location = true,
                    // The fixed host, on the fixed port (or MySQL's own): a member's other port stays refused.
                    EgressEntry = f =>
                        f.GetValueOrDefault("host") is { Length: > 0 } host ? HostEntry(host, f.GetValueOrDefault("port")) : null,
                },
                new("port", "Port", "number", false, "MYSQL_PORT") { Placeholder = "3306", Location = true },
                new("user", "User", "text", false, "MYSQL_USER"),
                new("password", "Password", "password", false, "MYSQL_PASSWORD"),
                new("database", "Database", "text", false, "MYSQL_DATABASE")
                {
                    Location = true,
                    Check = v => SystemSchemas.RefuseDatabase(v) is { } refusal ? $"Database refused: {refusal}." : null,
                },
                new("ssl_mode", "SSL mode", "text", false, "MYSQL_SSL_MODE") { Placeholder = "Preferred" },
                new("sqlite_path", "SQLite file", "text", false, "SQLITE_PATH")
                {
                    Help =
                        "Instead of a server: the path of a SQLite database file "
                        + "in a directory the operator allows (MOSAIC_SQLITE_DIRS).",
                    SqliteFile = true,
                    Location = true,
                },
            ],
            OperatorVariables = [SqliteFilePolicy.DirsVariable, SqliteFilePolicy.DataDirVariable],
            CredentialRules =
            [
                new("Give host, user and database, or sqlite_path.", f =>
                    (f.ContainsKey("host") && f.ContainsKey("user") && f.ContainsKey("database")) || f.ContainsKey("sqlite_path")
                ),
            ],
            DirectRouting =
            [
                new(["tables", "list tables", "show tables"], "list_tables"),
                new(["describe", "schema", "columns"], "describe_table"),
            ],
        };

    public SourcePresentation Presentation { get; } =
        new("oklch(50% 0.134 242.749)", null, ["Show tables", "Describe the orders table", "How many orders are there per status?"]);

    public IReadOnlyList<string> NameWords { get; } = ["mysql"];

    public IReadOnlyList<WordSignal> Words { get; } =
    [
        new(0.9, ["mysql", "sql", "database", "databases", "mariadb"]),
        new(0.55, ["table", "tables", "rows", "schema", "column", "columns", "query", "records"]),
        new(0.3, ["customers", "payments", "support", "revenue", "count", "average", "total"]),
    ];

    public IEnumerable<Signal> Entities(string query) =>
        ShopifySource
            .OrderNumber()
            .Matches(query)
            .Select(m => new Signal(Id, 0.35, $"order #{m.Groups["n"].Value} may also be in the orders table"));

    /// <summary>Schema-aware templates (<see cref="MySqlOfflinePlanner"/>): one read-only query that answers, with its SQL.</summary>
    public ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct) => MySqlOfflinePlanner.PlanAsync(q, ct);

    /// <summary>The egress entry for a MySQL server: IPv6 literals in brackets, MySQL's port unless another is given.</summary>
    static string HostEntry(string host, string? port) => $"{(host.Contains(':') ? $"[{host.Trim('[', ']')}]" : host)}:{port ?? "3306"}";
}
