namespace Mosaic.Connectors.MySql.Safety;

/// <summary>The word lists the guard uses. Each entry says why, because the refusal quotes it.</summary>
internal static class ReadOnlyRules
{
    public static readonly HashSet<string> MySqlFirstWords = ["SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "TABLE", "VALUES", "("];

    public static readonly HashSet<string> SqliteFirstWords = ["SELECT", "WITH", "EXPLAIN", "VALUES"];

    /// <summary>
    /// Reserved words that never belong in a read, wherever they appear (CTE bodies, subqueries,
    /// EXPLAIN targets). Non-reserved statement words (COMMIT, PRAGMA, ...) can only start a
    /// statement, which the first-word allow-list and the one-statement rule already stop, so they
    /// stay usable as column names.
    /// </summary>
    public static readonly Dictionary<string, string> ForbiddenWords = new()
    {
        ["INSERT"] = "it writes rows", ["UPDATE"] = "it changes rows", ["DELETE"] = "it deletes rows",
        ["REPLACE"] = "it writes rows", ["TRUNCATE"] = "it deletes rows",
        ["CREATE"] = "it changes the schema", ["DROP"] = "it changes the schema", ["ALTER"] = "it changes the schema",
        ["RENAME"] = "it changes the schema",
        ["GRANT"] = "it changes privileges", ["REVOKE"] = "it changes privileges",
        ["SET"] = "it changes settings or variables",
        ["LOCK"] = "it takes locks", ["UNLOCK"] = "it releases locks", ["SHARE"] = "FOR SHARE takes row locks",
        ["CALL"] = "stored procedures can do anything", ["PROCEDURE"] = "it runs a procedure on the result",
        ["LOAD"] = "it reads files into tables", ["INTO"] = "it writes results into variables, files or tables",
        ["OUTFILE"] = "it writes a file on the server", ["DUMPFILE"] = "it writes a file on the server",
        ["KILL"] = "it stops other sessions", ["CHANGE"] = "it changes replication", ["RELEASE"] = "it releases locks or savepoints",
        ["OPTIMIZE"] = "it rebuilds tables", ["ANALYZE"] = "ANALYZE TABLE updates statistics",
        ["SIGNAL"] = "it raises conditions", ["RESIGNAL"] = "it raises conditions", ["DECLARE"] = "it belongs to stored programs",
    };

    /// <summary>Functions with side effects or that wait, lock, read files or run code.</summary>
    public static readonly Dictionary<string, string> ForbiddenFunctions = new()
    {
        ["SLEEP"] = "it stalls the server", ["BENCHMARK"] = "it burns server CPU",
        ["GET_LOCK"] = "it takes a named lock", ["RELEASE_LOCK"] = "it releases a named lock",
        ["RELEASE_ALL_LOCKS"] = "it releases named locks", ["IS_FREE_LOCK"] = "it probes named locks", ["IS_USED_LOCK"] = "it probes named locks",
        ["LOAD_FILE"] = "it reads files on the server", ["MASTER_POS_WAIT"] = "it waits on replication",
        ["SOURCE_POS_WAIT"] = "it waits on replication", ["MASTER_GTID_WAIT"] = "it waits on replication",
        ["WAIT_FOR_EXECUTED_GTID_SET"] = "it waits on replication", ["WAIT_UNTIL_SQL_THREAD_AFTER_GTIDS"] = "it waits on replication",
        ["SYS_EXEC"] = "it runs shell commands", ["SYS_EVAL"] = "it runs shell commands", ["SYS_SET"] = "it changes the environment",
        ["NEXTVAL"] = "it advances a sequence", ["SETVAL"] = "it changes a sequence",
        ["LOAD_EXTENSION"] = "it loads native code", ["READFILE"] = "it reads files", ["WRITEFILE"] = "it writes files",
        ["EDIT"] = "it starts an editor", ["FTS3_TOKENIZER"] = "it can load native code",
        ["RANDOMBLOB"] = "it can allocate huge values", ["ZEROBLOB"] = "it can allocate huge values",
    };
}
