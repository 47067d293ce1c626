namespace Mosaic.Connectors.MySql.Tools;

/// <summary>The connector's own catalogue queries, per dialect. All are plain SELECTs with parameters.</summary>
internal static class CatalogQueries
{
    public const string MySqlDatabases = """
        SELECT schema_name FROM information_schema.schemata
        WHERE @all = 1 OR schema_name NOT IN ('information_schema', 'performance_schema', 'mysql', 'sys')
        ORDER BY schema_name
        """;

    public const string SqliteDatabases = "SELECT name FROM pragma_database_list ORDER BY seq";

    public const string MySqlTables = """
        SELECT table_name, table_type, table_rows, NULLIF(table_comment, '')
        FROM information_schema.tables
        WHERE table_schema = COALESCE(@db, DATABASE()) AND (@pattern IS NULL OR table_name LIKE @pattern)
        ORDER BY table_name
        """;

    public const string SqliteTables = """
        SELECT name, CASE type WHEN 'table' THEN 'BASE TABLE' ELSE 'VIEW' END, NULL, NULL
        FROM sqlite_master
        WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND (@pattern IS NULL OR name LIKE @pattern)
        ORDER BY name
        """;

    public const string MySqlColumns = """
        SELECT column_name, column_type, is_nullable = 'YES', NULLIF(column_key, ''), column_default, NULLIF(extra, ''),
          NULLIF(column_comment, '')
        FROM information_schema.columns
        WHERE table_schema = COALESCE(@db, DATABASE()) AND table_name = @table
        ORDER BY ordinal_position
        """;

    public const string SqliteColumns = """
        SELECT name, type, "notnull" = 0, CASE WHEN pk > 0 THEN 'PRI' END, dflt_value, NULL, NULL
        FROM pragma_table_info(@table)
        ORDER BY cid
        """;

    public const string MySqlIndexes = """
        SELECT index_name, non_unique = 0, GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ', ')
        FROM information_schema.statistics
        WHERE table_schema = COALESCE(@db, DATABASE()) AND table_name = @table
        GROUP BY index_name, non_unique
        ORDER BY index_name
        """;

    public const string SqliteIndexes = """
        SELECT il.name, il."unique" = 1, group_concat(ii.name, ', ')
        FROM pragma_index_list(@table) AS il, pragma_index_info(il.name) AS ii
        GROUP BY il.name, il."unique"
        ORDER BY il.name
        """;

    public const string MySqlTableInfo = """
        SELECT table_type, table_rows, NULLIF(table_comment, '')
        FROM information_schema.tables
        WHERE table_schema = COALESCE(@db, DATABASE()) AND table_name = @table
        """;

    public const string SqliteTableInfo = """
        SELECT CASE type WHEN 'table' THEN 'BASE TABLE' ELSE 'VIEW' END, NULL, NULL
        FROM sqlite_master WHERE type IN ('table', 'view') AND name = @table
        """;

    public const string MySqlWhoami = "SELECT VERSION(), CURRENT_USER(), DATABASE()";

    public const string SqliteWhoami = "SELECT sqlite_version()";
}
