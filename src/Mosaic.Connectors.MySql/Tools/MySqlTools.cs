using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;
using Mosaic.Connectors.MySql.Data;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.MySql.Tools;

[McpServerToolType]
public sealed class MySqlTools(IDatabase db)
{
    /// <summary>Paging re-runs the query and skips rows, so very deep pages are refused.</summary>
    private const int MaxOffset = 100_000;

    private static readonly Dictionary<string, object?> NoParameters = [];

    private bool Sqlite => db.Dialect == SqlDialect.Sqlite;

    [McpServerTool(Name = "list_databases", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("List the databases (schemas) this connection can read.")]
    public async Task<CallToolResult> ListDatabases(
        [Description("Include system schemas (mysql, information_schema, performance_schema, sys). Default false.")]
            bool include_system = false,
        [Description("The next_cursor of a previous call, to get the next page.")] string? cursor = null,
        [Description("Maximum databases to return (default 100, max 500).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var scope = Cursor.Scope("databases", include_system.ToString());
        var offset = Cursor.DecodeOffset(cursor, scope);
        var take = Paging.Limit(limit, 100, 500);
        var page = await db.QueryAsync(
            Sqlite ? CatalogQueries.SqliteDatabases : CatalogQueries.MySqlDatabases,
            null,
            new Dictionary<string, object?> { ["@all"] = include_system ? 1 : 0 },
            offset,
            take,
            cancellationToken
        );
        var names = page.Rows.Select(r => new JsonObject { ["name"] = r[0]?.DeepClone() }).ToList();
        return ToolResults.List(
            names,
            new ListShape<JsonObject>
            {
                ItemsName = "databases",
                TypeInfo = MySqlJson.Default.JsonObject,
                Offset = offset,
                MoreUpstream = page.HasMore,
                NextCursor = kept => Cursor.EncodeOffset(scope, offset + kept),
                Extra = new JsonObject { ["default_database"] = db.DefaultDatabase, ["engine"] = db.Service },
            },
            $"{names.Count} database(s) on {db.Service}"
        );
    }

    [McpServerTool(Name = "list_tables", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("List the tables and views of a database with their type, estimated row count and comment.")]
    public async Task<CallToolResult> ListTables(
        [Description("Database (schema) to list; default: the configured database.")] string? database = null,
        [Description("Only names matching this SQL LIKE pattern, e.g. 'order%'.")] string? name_like = null,
        [Description("The next_cursor of a previous call, to get the next page.")] string? cursor = null,
        [Description("Maximum tables to return (default 100, max 500).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        ReadOnlyGuard.CheckDatabase(database, db.Dialect);
        var scope = Cursor.Scope("tables", database, name_like);
        var offset = Cursor.DecodeOffset(cursor, scope);
        var take = Paging.Limit(limit, 100, 500);
        var page = await db.QueryAsync(
            Sqlite ? CatalogQueries.SqliteTables : CatalogQueries.MySqlTables,
            database,
            new Dictionary<string, object?> { ["@db"] = database, ["@pattern"] = name_like },
            offset,
            take,
            cancellationToken
        );
        var tables = page.Rows.Select(r => Object(("name", r[0]), ("type", r[1]), ("rows_estimate", r[2]), ("comment", r[3]))).ToList();
        var where = database ?? db.DefaultDatabase;
        return ToolResults.List(
            tables,
            new ListShape<JsonObject>
            {
                ItemsName = "tables",
                TypeInfo = MySqlJson.Default.JsonObject,
                Offset = offset,
                MoreUpstream = page.HasMore,
                NextCursor = kept => Cursor.EncodeOffset(scope, offset + kept),
                Extra = new JsonObject { ["database"] = where },
            },
            $"{tables.Count} table(s) in {where}{(name_like is null ? "" : $" matching '{name_like}'")}"
        );
    }

    [McpServerTool(Name = "describe_table", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Show a table's columns (type, nullability, key, default), its indexes and its estimated size.")]
    public async Task<CallToolResult> DescribeTable(
        [Description("Table or view name, exactly as list_tables shows it.")] string table,
        [Description("Database (schema) of the table; default: the configured database.")] string? database = null,
        CancellationToken cancellationToken = default
    )
    {
        if (string.IsNullOrWhiteSpace(table))
            throw new ToolInputException("table is required: pass a name from list_tables.");
        ReadOnlyGuard.CheckDatabase(database, db.Dialect);
        var args = new Dictionary<string, object?> { ["@db"] = database, ["@table"] = table };
        var info = await db.QueryAsync(
            Sqlite ? CatalogQueries.SqliteTableInfo : CatalogQueries.MySqlTableInfo,
            database,
            args,
            0,
            1,
            cancellationToken
        );
        var where = database ?? db.DefaultDatabase;
        if (info.Rows.Count == 0)
            throw new UpstreamException(
                db.Service,
                null,
                null,
                $"there is no table or view named '{table}' in {where}. Call list_tables to see the tables that exist"
            );
        var columns = await db.QueryAsync(
            Sqlite ? CatalogQueries.SqliteColumns : CatalogQueries.MySqlColumns,
            database,
            args,
            0,
            1000,
            cancellationToken
        );
        var indexes = await db.QueryAsync(
            Sqlite ? CatalogQueries.SqliteIndexes : CatalogQueries.MySqlIndexes,
            database,
            args,
            0,
            200,
            cancellationToken
        );

        var columnItems = columns
            .Rows.Select(r =>
                Object(
                    ("name", r[0]),
                    ("type", r[1]),
                    ("nullable", Bool(r[2])),
                    ("key", r[3]),
                    ("default", r[4]),
                    ("extra", r[5]),
                    ("comment", r[6])
                )
            )
            .ToList();
        var indexItems = new JsonArray(
            indexes.Rows.Select(r => (JsonNode)Object(("name", r[0]), ("unique", Bool(r[1])), ("columns", r[2]))).ToArray()
        );
        var row = info.Rows[0];
        return ToolResults.List(
            columnItems,
            new ListShape<JsonObject>
            {
                ItemsName = "columns",
                TypeInfo = MySqlJson.Default.JsonObject,
                Budget = new ResultBudget(MaxItems: 1000),
                Extra = Object(
                    ("table", table),
                    ("database", where),
                    ("type", row[0]),
                    ("rows_estimate", row[1]),
                    ("comment", row[2]),
                    ("indexes", indexItems)
                ),
            },
            $"{table}: {columnItems.Count} column(s), {indexItems.Count} index(es)"
        );
    }

    [McpServerTool(Name = "execute_query", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(
        "Run ONE read-only SQL statement (SELECT, WITH … SELECT, SHOW, DESCRIBE, EXPLAIN) and return its rows. "
            + "Writes, schema changes, locks, file access, variables and side-effect functions are refused. "
            + "Add ORDER BY for stable paging; pages are fetched by re-running the query."
    )]
    public async Task<CallToolResult> ExecuteQuery(
        [Description("The SQL statement. One statement only; a trailing semicolon is fine.")] string sql,
        [Description(
            "Database (schema) to run it in; default: the configured database. "
                + "System schemas (mysql, performance_schema, sys) are refused."
        )]
            string? database = null,
        [Description("The next_cursor of a previous call with the same sql, to get the next page.")] string? cursor = null,
        [Description("Maximum rows to return (default 50, max 500).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        ReadOnlyGuard.CheckDatabase(database, db.Dialect);
        var statement = ReadOnlyGuard.Check(sql, db.Dialect, database ?? db.DefaultDatabase);
        var scope = Cursor.Scope("query", database, statement);
        var offset = Cursor.DecodeOffset(cursor, scope);
        if (offset > MaxOffset)
            throw new ToolInputException($"Paging deeper than {MaxOffset} rows is not supported: narrow the query with WHERE instead.");
        var take = Paging.Limit(limit, 50, 500);
        var page = await db.QueryAsync(statement, database, NoParameters, offset, take, cancellationToken);
        var columns = JsonSerializer.SerializeToNode(page.Columns.ToList(), MySqlJson.Default.ListColumnInfo);
        return ToolResults.List(
            page.Rows,
            new ListShape<JsonArray>
            {
                ItemsName = "rows",
                TypeInfo = MySqlJson.Default.JsonArray,
                Offset = offset,
                MoreUpstream = page.HasMore,
                NextCursor = kept => Cursor.EncodeOffset(scope, offset + kept),
                Extra = new JsonObject { ["columns"] = columns },
            },
            $"{page.Rows.Count} row(s) starting at row {offset + 1}; columns: {string.Join(", ", page.Columns.Select(c => c.Name))}"
        );
    }

    /// <summary>MySQL and SQLite return comparisons as 0/1 numbers; the result says true/false.</summary>
    private static JsonNode? Bool(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<decimal>(out var n) ? JsonValue.Create(n != 0) : value;

    private static JsonObject Object(params (string Name, JsonNode? Value)[] fields)
    {
        var result = new JsonObject();
        foreach (var (name, value) in fields)
            if (value is not null)
                result[name] = value.Parent is null ? value : value.DeepClone();
        return result;
    }
}
