using CsCheck;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>
/// Generators for the SQL guard's tests: the same dangerous statement in every spelling the server accepts
/// (letter case, `backticks`, "double quotes" and [brackets] where the dialect reads them as names, spaces,
/// newlines and comments between a name and its parenthesis or around a dot, CTEs, subqueries, unions,
/// EXPLAIN), and a family of harmless statements built the same way. The lists of refused names are written
/// here from the issue, not read from the guard, so a name the guard forgets makes the test fail.
/// With <c>runnable</c>, harmless statements use only functions and tables that exist in the test databases
/// (customers), so the end-to-end tests can run them for real.
/// </summary>
public sealed class GuardSpellings(SqlDialect dialect, string? ownDatabase = null)
{
    public static readonly string[] MySqlBannedFunctions =
    [
        "load_file",
        "sleep",
        "benchmark",
        "get_lock",
        "release_lock",
        "is_free_lock",
        "is_used_lock",
        "release_all_locks",
        "master_pos_wait",
        "source_pos_wait",
        "wait_for_executed_gtid_set",
        "master_gtid_wait",
        "sys_exec",
        "sys_eval",
    ];

    public static readonly string[] SqliteBannedFunctions =
    [
        "load_extension",
        "readfile",
        "writefile",
        "fts3_tokenizer",
        "zeroblob",
        "randomblob",
        "printf",
        "format",
        "edit",
        "fsdir",
    ];

    public static readonly string[] SystemSchemas = ["mysql", "performance_schema", "sys"];

    private static readonly string[] SystemTables = ["user", "global_priv", "db", "threads", "events_statements_history", "processlist"];

    /// <summary>Functions every test database has, with arguments valid on MariaDB and SQLite.</summary>
    private static readonly (string Name, string Args)[] HarmlessFunctions =
    [
        ("upper", "'x'"),
        ("lower", "'X'"),
        ("length", "'abc'"),
        ("abs", "-1"),
        ("coalesce", "NULL, 1"),
        ("round", "1.5"),
        ("ifnull", "NULL, 2"),
    ];

    private static readonly string[] SqliteGaps =
    [
        "",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "/**/",
        "/* note */",
        " /*\n*/ ",
        "-- note\n",
        "\n-- x\n\t",
    ];

    private static readonly string[] MySqlGaps = [.. SqliteGaps, "# note\n", " #x\n"];

    private bool MySql => dialect == SqlDialect.MySql;

    private string[] Banned => MySql ? MySqlBannedFunctions : SqliteBannedFunctions;

    /// <summary>What the server skips between tokens: nothing, whitespace, newlines, comments.</summary>
    public Gen<string> Gap => Gen.OneOf(MySql ? MySqlGaps : SqliteGaps);

    /// <summary>A gap that separates two words.</summary>
    public Gen<string> Space => Gen.Select(Gen.OneOf(" ", "\n", "\t", "/**/", " -- s\n"), Gap, (a, b) => a + b);

    public Gen<string> Cased(string word) =>
        Gen
            .Bool.Array[word.Length]
            .Select(upper => new string(word.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()));

    /// <summary>A name as the dialect lets it be written: bare or quoted, any case.</summary>
    public Gen<string> Name(string word) => Quoted(Cased(word));

    /// <summary>The word in the dialect's quotes, or bare.</summary>
    private Gen<string> Quoted(Gen<string> word) => Gen.Select(word, Gen.Int[0, MySql ? 1 : 3], (w, q) => q switch
            {
                1 => $"`{w}`",
                2 => $"\"{w}\"",
                3 => $"[{w}]",
                _ => w,
            });

    /// <summary>
    /// MySQL only: sometimes one letter swapped for a non-ASCII look-alike, since MySQL compares some names
    /// without accents (the guard treats such a name as the one it resembles).
    /// </summary>
    private Gen<string> Disguised(string word) =>
        !MySql
            ? Name(word)
            : Quoted(
                Gen.Select(Cased(word), Gen.Int[0, word.Length * 3], Gen.OneOf('é', 'ë', 'ſ', 'ı', 'ß', 'ñ', 'ü'), (w, at, c) =>
                    at < w.Length && char.IsLetter(w[at]) ? w[..at] + c + w[(at + 1)..] : w
                )
            );

    private Gen<string> Call(Gen<string> name, string args) => Gen.Select(name, Gap, Gap, (n, g1, g2) => $"{n}{g1}({g2}{args})");

    private Gen<string> Qualified(string schema, string table) =>
        Gen.Select(Name(schema), Gap, Gap, Name(table), (s, g1, g2, t) => $"{s}{g1}.{g2}{t}");

    private Gen<string> SystemQualified(string schema, string table) =>
        Gen.Select(Disguised(schema), Gap, Gap, Disguised(table), (s, g1, g2, t) => $"{s}{g1}.{g2}{t}");

    /// <summary>Statements that put an expression somewhere a read can hold one.</summary>
    private Gen<string> InExpression(Gen<string> expression) => Gen.Select(expression, Space, Gen.Int[0, 9], (e, s, c) => c switch
            {
                0 => $"SELECT{s}{e}",
                1 => $"SELECT {e} AS v{s}FROM customers",
                2 => $"SELECT id FROM customers WHERE{s}{e} IS NOT NULL",
                3 => $"WITH c AS (SELECT {e} AS v) SELECT v FROM c",
                4 => $"SELECT (SELECT {e}) AS v",
                5 => $"SELECT v FROM (SELECT{s}{e} AS v) AS d",
                6 => $"EXPLAIN SELECT {e}",
                7 => $"SELECT 1 UNION ALL SELECT{s}{e}",
                8 => $"SELECT CASE WHEN 1 = 1 THEN {e} END AS v",
                _ => $"SELECT id FROM customers WHERE id IN (SELECT{s}{e})",
            });

    /// <summary>Statements that read a table reference.</summary>
    private Gen<string> InFrom(Gen<string> table) => Gen.Select(table, Space, Gen.Int[0, 6], (t, s, c) => c switch
            {
                0 => $"SELECT *{s}FROM{s}{t}",
                1 => $"SELECT a.id FROM customers AS a JOIN {t} AS b ON 1 = 1",
                2 => $"WITH c AS (SELECT * FROM{s}{t}) SELECT * FROM c",
                3 => $"SELECT (SELECT COUNT(*) FROM {t}) AS n",
                4 => $"SELECT id FROM customers WHERE EXISTS (SELECT 1 FROM {t})",
                5 => $"SELECT 1 UNION SELECT 1 FROM{s}{t}",
                _ => $"EXPLAIN SELECT * FROM {t}",
            });

    /// <summary>Whitespace and comments around the statement, and sometimes the one trailing semicolon.</summary>
    private Gen<string> Framed(Gen<string> statement) =>
        Gen.Select(Gap, statement, Gen.Bool, (g, st, semi) => $"{g}{st}{(semi ? ";" : "")}");

    private Gen<string> BannedCall =>
        Gen.OneOf(Banned)
            .SelectMany(f =>
                Gen.OneOf<string>(
                    Call(Disguised(f), "1"),
                    Gen.Select(Name("x"), Gap, Call(Disguised(f), "'a', 1"), (q, g, c) => $"{q}{g}.{c}")
                )
            );

    /// <summary>Every statement here reads a system schema or calls a banned function, however it is spelled.</summary>
    public Gen<string> Refused =>
        Framed(
            MySql
                ? Gen.OneOf<string>(InExpression(BannedCall), ExecutableComment, FileKeywords, InFrom(SystemTable), Shows)
                : Gen.OneOf<string>(InExpression(BannedCall), InFrom(BannedCall), SqlitePragmas)
        );

    private Gen<string> ExecutableComment =>
        Gen.Select(BannedCall, Gen.OneOf("/*!", "/*!50000 ", "/*M!", "/*M!100000 "), (c, open) => $"SELECT {open}{c} */");

    private Gen<string> FileKeywords =>
        Gen.Select(
            Cased("into"),
            Cased("outfile"),
            Cased("dumpfile"),
            Cased("load"),
            Cased("data"),
            Space,
            Gen.Int[0, 3],
            (into, outfile, dumpfile, load, data, s, c) =>
                c switch
                {
                    0 => $"SELECT * FROM customers{s}{into}{s}{outfile} '/tmp/mosaic_guard_probe'",
                    1 => $"SELECT name{s}{into}{s}{dumpfile} '/tmp/mosaic_guard_probe' FROM customers",
                    2 => $"WITH c AS (SELECT 1) SELECT * FROM c {into}{s}{outfile} '/tmp/mosaic_guard_probe'",
                    _ => $"{load}{s}{data}{s}INFILE '/etc/passwd' INTO TABLE customers",
                }
        );

    private Gen<string> SystemTable =>
        Gen.OneOf<string>(
            Gen.Select(Gen.OneOf(SystemSchemas), Gen.OneOf(SystemTables), (s, t) => (s, t)).SelectMany(st => SystemQualified(st.s, st.t)),
            Gen.OneOf("processlist", "innodb_trx").SelectMany(t => SystemQualified("information_schema", t))
        );

    private Gen<string> Shows =>
        Gen.Select(Gen.OneOf(SystemSchemas), Space, Gen.Int[0, 8], (schema, s, c) => (schema, s, c))
            .SelectMany(x => Gen.Select(Name(x.schema), Qualified(x.schema, "user"), (name, table) => x.c switch
                    {
                        0 => $"SHOW TABLES{x.s}FROM{x.s}{name}",
                        1 => $"SHOW TABLE STATUS IN {name}",
                        2 => $"SHOW COLUMNS FROM user FROM {name}",
                        3 => $"DESCRIBE{x.s}{table}",
                        4 => $"SHOW CREATE TABLE {table}",
                        5 => $"TABLE{x.s}{table}",
                        6 => $"SHOW{x.s}GRANTS",
                        7 => $"SHOW FULL{x.s}PROCESSLIST",
                        _ => $"SHOW ENGINE INNODB{x.s}STATUS",
                    }));

    private Gen<string> SqlitePragmas =>
        Gen.Select(Name("pragma_integrity_check"), Name("pragma_optimize"), Space, Gen.Int[0, 4], (integrity, optimize, s, c) => c switch
            {
                0 => $"SELECT * FROM{s}{integrity}",
                1 => $"SELECT * FROM {optimize}(0)",
                2 => $"EXPLAIN{s}PRAGMA query_only = 0",
                3 => $"EXPLAIN ATTACH DATABASE '/tmp/mosaic_guard_probe.db' AS x",
                _ => $"WITH c AS (SELECT * FROM {integrity}) SELECT * FROM c",
            });

    /// <summary>Harmless reads built from the same parts; with <paramref name="runnable"/> every one runs on the test databases.</summary>
    public Gen<string> Accepted(bool runnable) =>
        Framed(
            runnable
                ? Gen.OneOf<string>(InExpression(HarmlessCall), InFrom(OwnTable))
                : Gen.OneOf<string>(InExpression(HarmlessCall), InFrom(OwnTable), InExpression(LookAlike), InFrom(LookAlikeTable))
        );

    private Gen<string> HarmlessCall => Gen.OneOf(HarmlessFunctions).SelectMany(f => Call(Name(f.Name), f.Args));

    // MariaDB on Linux compares table and database names by case, so these keep theirs.
    private Gen<string> OwnTable =>
        MySql
            ? Gen.OneOf<string>(
                Quoted(Gen.Const("customers")),
                Gen.Select(Quoted(Gen.Const(ownDatabase ?? "shop")), Gap, Quoted(Gen.Const("customers")), (d, g, t) => $"{d}{g}.{t}"),
                Qualified("information_schema", "tables")
            )
            : Gen.OneOf<string>(Name("customers"), Qualified("main", "customers"), Call(Name("pragma_table_info"), "'customers'"));

    /// <summary>Banned names where they call nothing: columns, strings, comments, longer names.</summary>
    private Gen<string> LookAlike =>
        Gen.OneOf(Banned)
            .SelectMany(f =>
                Gen.OneOf<string>(
                    Name(f),
                    Gen.Select(Name("t"), Gap, Name(f), (t, g, n) => $"{t}{g}.{n}"),
                    Gen.Const($"'{f}(4)'"),
                    Gen.Select(Gap, Name(f + "_log"), (g, n) => $"{n}{g}(1)"),
                    Gen.Const($"/* {f}(4) */ 1")
                )
            );

    private Gen<string> LookAlikeTable =>
        MySql
            ? Gen.OneOf<string>(
                Qualified("mysql_archive", "user"),
                Gen.Const("`mysql.user`"),
                Qualified("shop", "mysql"),
                Qualified("sys_data", "threads")
            )
            : Gen.OneOf<string>(Qualified("main", "sqlite_master"), Name("pragma_index_list"));

    public Gen<string> RefusedDatabases =>
        Gen.OneOf(SystemSchemas)
            .SelectMany(s =>
                Gen.Select(Cased(s), Gen.Bool, Gen.OneOf("", " ", "\t"), (name, quote, pad) => $"{pad}{(quote ? $"`{name}`" : name)}{pad}")
            );

    public Gen<string> AcceptedDatabases =>
        Gen.OneOf<string>(
            Gen.OneOf("shop", "mysql_archive", "sys_data", "my_sql", "mysql2").SelectMany(Cased),
            Cased("information_schema")
        );
}
