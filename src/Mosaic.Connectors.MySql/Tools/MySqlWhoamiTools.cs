using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;
using Mosaic.Connectors.MySql.Data;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.MySql.Tools;

/// <summary>Which database the connection reaches and as whom: the connection test.</summary>
[McpServerToolType]
public sealed class MySqlWhoamiTools(IDatabase db, MySqlSettings settings)
{
    [McpServerTool(Name = Whoami.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(
        "Which database this connection reaches and as whom: the server's version, the current user and database (for a SQLite "
            + "file: its SQLite version and file name). Use it to check the connection."
    )]
    public Task<CallToolResult> WhoamiAsync(CancellationToken cancellationToken = default) =>
        Whoami.RunAsync(() => db.Dialect == SqlDialect.Sqlite ? SqliteAsync(cancellationToken) : ServerAsync(cancellationToken));

    private async Task<CallToolResult> ServerAsync(CancellationToken ct)
    {
        var row = (await db.QueryAsync(CatalogQueries.MySqlWhoami, null, new Dictionary<string, object?>(), 0, 1, ct)).Rows[0];
        var version = WhatsNew.Text(row[0]) ?? "";
        var current = WhatsNew.Text(row[1]) ?? settings.User ?? "";
        var database = WhatsNew.Text(row[2]) ?? settings.Database;
        // CURRENT_USER() is the account the server matched, user@host-pattern; the user part is what a person typed.
        var user = current.Split('@')[0];
        var server = $"{settings.Host}:{settings.Port}";
        return Whoami.Result(
            $"{user} on {db.Service} {version} at {server}{(database is null ? "" : $", database {database}")}",
            user,
            new JsonObject
            {
                ["engine"] = db.Service,
                ["version"] = version,
                ["user"] = current,
                ["database"] = database,
                ["server"] = server,
            }
        );
    }

    private async Task<CallToolResult> SqliteAsync(CancellationToken ct)
    {
        var row = (await db.QueryAsync(CatalogQueries.SqliteWhoami, null, new Dictionary<string, object?>(), 0, 1, ct)).Rows[0];
        var version = WhatsNew.Text(row[0]) ?? "";
        // Only the file's name: the directory is the host's, which a member has no business seeing.
        var file = Path.GetFileName(settings.SqlitePath) ?? "";
        return Whoami.Result(
            $"SQLite {version}, file {file}",
            file,
            new JsonObject
            {
                ["engine"] = db.Service,
                ["version"] = version,
                ["file"] = file,
            }
        );
    }
}
