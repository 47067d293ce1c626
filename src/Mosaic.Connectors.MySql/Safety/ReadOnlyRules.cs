namespace Mosaic.Connectors.MySql.Safety;

/// <summary>The word lists the guard uses. Each entry says why, because the refusal quotes it.</summary>
internal static class ReadOnlyRules
{
    public static readonly HashSet<string> MySqlFirstWords =
    [
        "SELECT",
        "WITH",
        "SHOW",
        "DESCRIBE",
        "DESC",
        "EXPLAIN",
        "TABLE",
        "VALUES",
        "(",
    ];

    public static readonly HashSet<string> SqliteFirstWords = ["SELECT", "WITH", "EXPLAIN", "VALUES"];

    /// <summary>
    /// Reserved words that never belong in a read, wherever they appear (CTE bodies, subqueries,
    /// EXPLAIN targets). Non-reserved statement words (COMMIT, PRAGMA, ...) can only start a
    /// statement, which the first-word allow-list and the one-statement rule already stop, so they
    /// stay usable as column names.
    /// </summary>
    public static readonly Dictionary<string, string> ForbiddenWords = new()
    {
        ["INSERT"] = "it writes rows",
        ["UPDATE"] = "it changes rows",
        ["DELETE"] = "it deletes rows",
        ["REPLACE"] = "it writes rows",
        ["TRUNCATE"] = "it deletes rows",
        ["CREATE"] = "it changes the schema",
        ["DROP"] = "it changes the schema",
        ["ALTER"] = "it changes the schema",
        ["RENAME"] = "it changes the schema",
        ["GRANT"] = "it changes privileges",
        ["REVOKE"] = "it changes privileges",
        ["SET"] = "it changes settings or variables",
        ["LOCK"] = "it takes locks",
        ["UNLOCK"] = "it releases locks",
        ["SHARE"] = "FOR SHARE takes row locks",
        ["CALL"] = "stored procedures can do anything",
        ["PROCEDURE"] = "it runs a procedure on the result",
        ["LOAD"] = "it reads files into tables",
        ["INTO"] = "it writes results into variables, files or tables",
        ["OUTFILE"] = "it writes a file on the server",
        ["DUMPFILE"] = "it writes a file on the server",
        ["KILL"] = "it stops other sessions",
        ["CHANGE"] = "it changes replication",
        ["RELEASE"] = "it releases locks or savepoints",
        ["OPTIMIZE"] = "it rebuilds tables",
        ["ANALYZE"] = "ANALYZE TABLE updates statistics",
        ["SIGNAL"] = "it raises conditions",
        ["RESIGNAL"] = "it raises conditions",
        ["DECLARE"] = "it belongs to stored programs",
    };

    /// <summary>
    /// Functions with side effects or that wait, lock, read files or run code, compared by folded name
    /// (see <see cref="SqlNames"/>) and whatever schema qualifies them.
    /// </summary>
    public static readonly Dictionary<string, string> ForbiddenFunctions = new()
    {
        ["SLEEP"] = "it stalls the server",
        ["BENCHMARK"] = "it burns server CPU",
        ["GET_LOCK"] = "it takes a named lock",
        ["RELEASE_LOCK"] = "it releases a named lock",
        ["RELEASE_ALL_LOCKS"] = "it releases named locks",
        ["IS_FREE_LOCK"] = "it probes named locks",
        ["IS_USED_LOCK"] = "it probes named locks",
        ["LOAD_FILE"] = "it reads files on the server",
        ["MASTER_POS_WAIT"] = "it waits on replication",
        ["SOURCE_POS_WAIT"] = "it waits on replication",
        ["MASTER_GTID_WAIT"] = "it waits on replication",
        ["WAIT_FOR_EXECUTED_GTID_SET"] = "it waits on replication",
        ["WAIT_UNTIL_SQL_THREAD_AFTER_GTIDS"] = "it waits on replication",
        ["WSREP_SYNC_WAIT_UPTO_GTID"] = "it waits on replication",
        ["SYS_EXEC"] = "it runs shell commands",
        ["SYS_EVAL"] = "it runs shell commands",
        ["SYS_BINEVAL"] = "it runs shell commands",
        ["SYS_GET"] = "it reads the server's environment",
        ["SYS_SET"] = "it changes the environment",
        ["DO_SYSTEM"] = "it runs shell commands",
        ["LIB_MYSQLUDF_SYS_INFO"] = "it belongs to a shell-command plugin",
        ["NEXTVAL"] = "it advances a sequence",
        ["SETVAL"] = "it changes a sequence",
        ["LOAD_EXTENSION"] = "it loads native code",
        ["READFILE"] = "it reads files",
        ["WRITEFILE"] = "it writes files",
        ["EDIT"] = "it starts an editor",
        ["FTS3_TOKENIZER"] = "it can load native code",
        ["FSDIR"] = "it lists directories",
        ["ZIPFILE"] = "it reads archives",
        ["LSMODE"] = "it reads file modes",
        ["SQLAR_COMPRESS"] = "it belongs to the archive extension",
        ["SQLAR_UNCOMPRESS"] = "it belongs to the archive extension",
        ["RANDOMBLOB"] = "it can allocate huge values",
        ["ZEROBLOB"] = "it can allocate huge values",
    };

    /// <summary>SQLite only: MySQL's FORMAT(x, d) is harmless, SQLite's format/printf take unbounded widths.</summary>
    public static readonly Dictionary<string, string> SqliteForbiddenFunctions = new()
    {
        ["PRINTF"] = "its widths can allocate huge strings (use || and round() instead)",
        ["FORMAT"] = "its widths can allocate huge strings (use || and round() instead)",
    };

    /// <summary>Plugin function families that manage keys, audit, replication or locks (MySQL components and UDFs).</summary>
    public static readonly (string Prefix, string Why)[] ForbiddenFunctionPrefixes =
    [
        ("KEYRING_", "it reads or changes keyring keys"),
        ("AUDIT_", "it changes the audit log"),
        ("GROUP_REPLICATION_", "it changes replication"),
        ("ASYNCHRONOUS_CONNECTION_FAILOVER_", "it changes replication"),
        ("VERSION_TOKENS_", "it changes version tokens"),
        ("SERVICE_GET_", "it takes service locks"),
        ("SERVICE_RELEASE_", "it releases service locks"),
        ("MYSQL_FIREWALL_", "it changes the firewall"),
        ("SET_FIREWALL_", "it changes the firewall"),
        ("READ_FIREWALL_", "it reads the firewall"),
    ];

    /// <summary>
    /// SQLite's table-valued pragmas (pragma_x, with or without arguments) that only describe the schema.
    /// Every other pragma_x is refused: some run work (optimize, integrity checks) or expose settings.
    /// </summary>
    public static readonly HashSet<string> SqliteReadOnlyPragmas =
    [
        "PRAGMA_TABLE_INFO",
        "PRAGMA_TABLE_XINFO",
        "PRAGMA_TABLE_LIST",
        "PRAGMA_INDEX_LIST",
        "PRAGMA_INDEX_INFO",
        "PRAGMA_INDEX_XINFO",
        "PRAGMA_FOREIGN_KEY_LIST",
        "PRAGMA_DATABASE_LIST",
        "PRAGMA_COLLATION_LIST",
        "PRAGMA_FUNCTION_LIST",
        "PRAGMA_MODULE_LIST",
        "PRAGMA_PRAGMA_LIST",
        "PRAGMA_COMPILE_OPTIONS",
    ];

    /// <summary>
    /// What may follow SHOW (after FULL, EXTENDED, GLOBAL, SESSION or LOCAL). Everything else is refused:
    /// SHOW GRANTS prints password hashes on MariaDB, SHOW PROCESSLIST / ENGINE … STATUS / BINLOG EVENTS show
    /// other sessions' statements, SHOW CREATE USER shows credentials, replication SHOWs show accounts.
    /// </summary>
    public static readonly HashSet<string> ShowWords =
    [
        "TABLES",
        "COLUMNS",
        "FIELDS",
        "INDEX",
        "INDEXES",
        "KEYS",
        "DATABASES",
        "SCHEMAS",
        "TABLE",
        "CREATE",
        "VARIABLES",
        "STATUS",
        "WARNINGS",
        "ERRORS",
        "COUNT",
        "COLLATION",
        "CHARACTER",
        "CHARSET",
        "ENGINES",
        "STORAGE",
        "TRIGGERS",
        "EVENTS",
        "PROCEDURE",
        "FUNCTION",
        "OPEN",
        "PLUGINS",
        "PRIVILEGES",
        "PROFILE",
        "PROFILES",
    ];

    public static readonly HashSet<string> ShowModifiers = ["FULL", "EXTENDED", "GLOBAL", "SESSION", "LOCAL"];

    /// <summary>SHOW CREATE …: the objects whose definition is schema, not credentials.</summary>
    public static readonly HashSet<string> ShowCreateObjects =
    [
        "TABLE",
        "VIEW",
        "DATABASE",
        "SCHEMA",
        "PROCEDURE",
        "FUNCTION",
        "TRIGGER",
        "EVENT",
        "SEQUENCE",
    ];
}
