using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;
using Mosaic.Connectors.MySql.Data;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.MySql.Tools;

/// <summary>
/// A database has no general notion of "new", so only a support_tickets table (when it exists) is read:
/// tickets created or updated since the window, open high-priority ones actionable.
/// </summary>
[McpServerToolType]
public sealed class MySqlWhatsNewTools(IDatabase db)
{
    private const string Tickets = """
        SELECT ticket_key, subject, status, priority, assignee, updated_at FROM support_tickets
        WHERE updated_at >= @since ORDER BY updated_at DESC
        """;

    [McpServerTool(Name = WhatsNew.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(
        "What is new in the database since a time: rows of a support_tickets table (ticket_key, subject, status, priority, "
            + "assignee, updated_at) updated since then; open high or urgent ones need action. Nothing when there is no such table."
    )]
    public async Task<CallToolResult> WhatsNewAsync(
        [Description(WhatsNewWindow.SinceHelp)] string since,
        [Description(WhatsNewWindow.LimitHelp)] int? limit = null,
        [Description(WhatsNewWindow.MeHelp)] string? me = null,
        [Description(WhatsNewWindow.NowHelp)] string? now = null,
        CancellationToken cancellationToken = default
    )
    {
        var window = WhatsNewWindow.From(since, limit, me, now);
        var sqlite = db.Dialect == SqlDialect.Sqlite;
        var tables = await db.QueryAsync(
            sqlite ? CatalogQueries.SqliteTables : CatalogQueries.MySqlTables,
            null,
            new Dictionary<string, object?> { ["@db"] = null, ["@pattern"] = "support_tickets" },
            0,
            100,
            cancellationToken
        );
        if (tables.Rows.Count == 0)
            return WhatsNew.Result([], window, db.Service);
        // Stored times have no zone; they are UTC, as the window is.
        var from = window.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var page = await db.QueryAsync(Tickets, null, new Dictionary<string, object?> { ["@since"] = from }, 0, 30, cancellationToken);
        var items = page
            .Rows.Select(row => row.Select(WhatsNew.Text).ToArray())
            .Where(r => r.Length >= 6)
            .Select(r =>
            {
                var (key, subject, status, priority, assignee, updated) = (r[0], r[1], r[2], r[3], r[4], r[5]);
                var open =
                    status is not null
                    && !status.Equals("closed", StringComparison.OrdinalIgnoreCase)
                    && !status.Equals("resolved", StringComparison.OrdinalIgnoreCase);
                var high =
                    priority is not null
                    && (
                        priority.Equals("high", StringComparison.OrdinalIgnoreCase)
                        || priority.Equals("urgent", StringComparison.OrdinalIgnoreCase)
                    );
                return new WhatsNewItem(
                    $"mysql-{key}",
                    "support_ticket",
                    $"{key} {subject}",
                    $"{status} · {priority} · {assignee ?? "unassigned"}",
                    null,
                    null,
                    WhatsNewWindow.Parse(updated) is { } at ? WhatsNewWindow.Iso(at) : null,
                    open && high,
                    high ? "high" : "low"
                );
            })
            .ToList();
        return WhatsNew.Result(items, window, db.Service);
    }
}
