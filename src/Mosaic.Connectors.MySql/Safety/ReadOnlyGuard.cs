using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.MySql.Safety;

/// <summary>
/// The first line of the read-only defence: a query must be exactly one statement of an allowed
/// kind with nothing that writes, locks, touches files, has side effects or reads a system schema.
/// Names are compared unquoted and folded (<see cref="SqlToken.Name"/>), so `sleep`, "SLEEP" and
/// sleep/**/ ( are one call. The database session (READ ONLY transaction, always rolled back;
/// SQLite opened read-only) is the second line, so a gap here still cannot change data. Every
/// refusal says why and what would be accepted.
/// </summary>
public static partial class ReadOnlyGuard
{
    /// <summary>
    /// Returns the statement to run (trailing semicolon removed) or throws <see cref="ToolInputException"/>.
    /// <paramref name="database"/> is the database the statement runs in (the argument, else the configured one).
    /// </summary>
    public static string Check(string sql, SqlDialect dialect, string? database = null)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw Refuse("the query is empty");
        if (sql.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            throw Refuse("it contains control characters");
        var lexed = SqlTokenizer.Tokenize(sql, dialect);
        if (lexed.Error is not null)
            throw Refuse(lexed.Error);
        if (lexed.HasExecutableComment)
            throw Refuse("it contains an executable comment (/*! ... */ or /*M! ... */), whose contents the server runs");
        if (lexed.HasOptimizerHint)
            throw Refuse("it contains an optimizer hint (/*+ ... */), which can change session settings");
        var tokens = lexed.Tokens;
        if (tokens.Count == 0)
            throw Refuse("the query contains only comments");

        // Exactly one statement: a single trailing semicolon is fine, any other one is a second statement.
        var end = tokens.Count;
        if (tokens[^1].IsSymbol(";"))
            end--;
        for (var i = 0; i < end; i++)
            if (tokens[i].IsSymbol(";"))
                throw Refuse("it contains more than one statement (only one is allowed per call)");
        if (end == 0)
            throw Refuse("the query is empty");

        var first = tokens[0].Kind == SqlTokenKind.Symbol ? tokens[0].Text : tokens[0].Upper;
        var allowed = dialect == SqlDialect.MySql ? ReadOnlyRules.MySqlFirstWords : ReadOnlyRules.SqliteFirstWords;
        if (first == "USE")
            throw Refuse("it is a USE statement (pass the database argument instead)");
        if (!allowed.Contains(first))
            throw Refuse($"it is a {tokens[0].Text.ToUpperInvariant()} statement");
        CheckShape(tokens, end, dialect);

        for (var i = 0; i < end; i++)
            CheckToken(tokens, i, end, dialect);
        if (dialect == SqlDialect.MySql)
            CheckSchemas(tokens, end, database);

        var last = tokens[end - 1];
        return sql[..(last.Position + last.Text.Length)].Trim();
    }

    /// <summary>Refuses a database argument (or saved database) the statement must not run in.</summary>
    public static void CheckDatabase(string? database, SqlDialect dialect)
    {
        if (database is null)
            return;
        if (dialect == SqlDialect.Sqlite)
        {
            if (!string.Equals(database, "main", StringComparison.OrdinalIgnoreCase))
                throw new ToolInputException($"This SQLite file has one database, \"main\" (got \"{database}\").");
            return;
        }
        if (SystemSchemas.RefuseDatabase(database) is { } refusal)
            throw new ToolInputException($"Database refused: {refusal}.");
    }

    /// <summary>What may follow SHOW and EXPLAIN: the forms that describe the schema or a read.</summary>
    private static void CheckShape(IReadOnlyList<SqlToken> t, int end, SqlDialect dialect)
    {
        var i = 1;
        if (t[0].IsWord("SHOW"))
        {
            while (i < end && ReadOnlyRules.ShowModifiers.Contains(t[i].Upper) && t[i].Kind == SqlTokenKind.Word)
                i++;
            var what = i < end && t[i].Kind == SqlTokenKind.Word ? t[i].Upper : "";
            var createOk = what != "CREATE" || (i + 1 < end && ReadOnlyRules.ShowCreateObjects.Contains(t[i + 1].Upper));
            if (!ReadOnlyRules.ShowWords.Contains(what) || !createOk)
            {
                var shown = string.Join(' ', t.Skip(i).Take(2).Select(x => x.Text.ToUpperInvariant()));
                throw Refuse(
                    $"SHOW {shown} can show credentials or other sessions' statements; "
                        + "SHOW TABLES, COLUMNS, INDEX, CREATE TABLE, DATABASES, VARIABLES and STATUS are available"
                );
            }
        }
        else if (t[0].IsWord("EXPLAIN") && dialect == SqlDialect.Sqlite)
        {
            // EXPLAIN PRAGMA / ATTACH would apply some of their effects while the statement is prepared.
            if (i + 1 < end && t[i].IsWord("QUERY") && t[i + 1].IsWord("PLAN"))
                i += 2;
            if (i >= end || !(t[i].IsWord("SELECT") || t[i].IsWord("WITH") || t[i].IsWord("VALUES")))
                throw Refuse("EXPLAIN can only explain SELECT, WITH … SELECT or VALUES here");
        }
    }

    private static void CheckToken(IReadOnlyList<SqlToken> t, int i, int end, SqlDialect dialect)
    {
        var token = t[i];
        var prev = i > 0 ? t[i - 1] : null;
        var next = i + 1 < end ? t[i + 1] : null;
        if (token.IsName)
        {
            CheckName(token, next, i + 2 < end ? t[i + 2] : null, dialect);
            if (token.Kind == SqlTokenKind.Word)
                CheckWord(token, prev, next);
            return;
        }
        switch (token.Kind)
        {
            case SqlTokenKind.Symbol when token.Text == ":=":
                throw Refuse("it assigns a user variable (:=)");
            case SqlTokenKind.Variable when dialect == SqlDialect.MySql && !token.Text.StartsWith("@@", StringComparison.Ordinal):
                throw Refuse(
                    $"it uses the user variable {token.Text} (user variables are not available here; write the value into the query)"
                );
            case SqlTokenKind.Variable when dialect == SqlDialect.Sqlite:
            case SqlTokenKind.Placeholder:
                throw Refuse("it has a parameter placeholder; write the values into the query instead");
        }
    }

    /// <summary>Function calls and SQLite pragmas, by folded name, quoted or not, whatever qualifies them.</summary>
    private static void CheckName(SqlToken token, SqlToken? next, SqlToken? next2, SqlDialect dialect)
    {
        var name = token.Name;
        if (
            dialect == SqlDialect.Sqlite
            && name.StartsWith("PRAGMA_", StringComparison.Ordinal)
            && !ReadOnlyRules.SqliteReadOnlyPragmas.Contains(name)
        )
            throw Refuse(
                $"it uses {name.ToLowerInvariant()}, and only the pragmas that describe the schema are available "
                    + "(pragma_table_info, pragma_index_list, pragma_foreign_key_list, …)"
            );
        if (next?.IsSymbol("(") != true)
            return;
        foreach (var candidate in CallNames(token))
        {
            if (ForbiddenCall(candidate, dialect) is { } why)
                throw Refuse($"it calls {candidate}(), and {why}");
            if (SqlNames.Matches(candidate, "LAST_INSERT_ID") && next2 is not null && !next2.IsSymbol(")"))
                throw Refuse("LAST_INSERT_ID(expr) changes session state");
        }
    }

    private static string? ForbiddenCall(string name, SqlDialect dialect)
    {
        if (SqlNames.Find(name, ReadOnlyRules.ForbiddenFunctions.Keys) is { } banned)
            return ReadOnlyRules.ForbiddenFunctions[banned];
        if (dialect == SqlDialect.Sqlite && SqlNames.Find(name, ReadOnlyRules.SqliteForbiddenFunctions.Keys) is { } sqlite)
            return ReadOnlyRules.SqliteForbiddenFunctions[sqlite];
        foreach (var (prefix, reason) in ReadOnlyRules.ForbiddenFunctionPrefixes)
            if (SqlNames.Matches(name, prefix, prefix: true))
                return reason;
        return null;
    }

    /// <summary>
    /// The name, and for a word that starts like a number (1.sleep, .5sleep) also what follows the number:
    /// MySQL may read "1." as a number and "sleep" as the name after it.
    /// </summary>
    private static IEnumerable<string> CallNames(SqlToken token)
    {
        yield return token.Name;
        if (token.Kind != SqlTokenKind.Word)
            yield break;
        var prefix = NumberPrefix().Match(token.Name);
        if (prefix.Success && prefix.Length > 0 && prefix.Length < token.Name.Length)
            yield return token.Name[prefix.Length..];
    }

    [GeneratedRegex(@"^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?")]
    private static partial Regex NumberPrefix();

    private static void CheckWord(SqlToken token, SqlToken? prev, SqlToken? next)
    {
        var word = token.Upper;
        var isCall = next?.IsSymbol("(") == true;
        if (word == "NEXT" && next?.IsWord("VALUE") == true)
            throw Refuse("NEXT VALUE FOR advances a sequence");
        if (word == "CONNECTION" && prev?.IsWord("FOR") == true)
            throw Refuse("EXPLAIN FOR CONNECTION shows another session's statement");

        // A word right after "." is a column or table name even when it is a reserved word (t.update).
        if (prev?.IsSymbol(".") == true)
            return;
        if (!ReadOnlyRules.ForbiddenWords.TryGetValue(word, out var why))
            return;

        // Read-only uses of otherwise forbidden words.
        if (isCall && word is "INSERT" or "REPLACE" or "TRUNCATE")
            return; // INSERT(str,..), REPLACE(str,..), TRUNCATE(x,d) functions
        if (word == "SET" && prev is { } p && (p.IsWord("CHARACTER") || p.IsWord("CHAR")))
            return; // CONVERT(x USING ...)/CHARACTER SET
        if (word == "ANALYZE" && prev?.IsWord("EXPLAIN") == true)
            return; // EXPLAIN ANALYZE SELECT runs a SELECT
        if (word == "CREATE" && prev?.IsWord("SHOW") == true && next?.IsWord("USER") != true)
            return; // SHOW CREATE TABLE
        if (word == "SHARE" && prev?.IsWord("FOR") != true)
            return; // "share" as a column name; LOCK IN SHARE MODE stops at LOCK
        throw Refuse(
            word switch
            {
                "UPDATE" when prev?.IsWord("FOR") == true => "FOR UPDATE takes row locks",
                "SET" => "it contains SET, which changes settings or variables",
                _ => $"it contains {word}, and {why}",
            }
        );
    }

    /// <summary>
    /// System schemas (<see cref="SystemSchemas"/>): as a qualifier (`mysql`.user, performance_schema . threads),
    /// as the target of SHOW … FROM/IN, and information_schema's session tables, qualified or (when the statement
    /// runs in information_schema) not.
    /// </summary>
    private static void CheckSchemas(IReadOnlyList<SqlToken> t, int end, string? database)
    {
        var inInformationSchema = SystemSchemas.IsInformationSchema(database);
        for (var i = 0; i < end; i++)
        {
            if (!t[i].IsName)
                continue;
            var name = t[i].Name;
            var afterDot = i > 0 && t[i - 1].IsSymbol(".");
            var qualifies = i + 1 < end && t[i + 1].IsSymbol(".") && !afterDot;
            var showTarget = t[0].IsWord("SHOW") && i > 0 && (t[i - 1].IsWord("FROM") || t[i - 1].IsWord("IN"));
            if ((qualifies || showTarget) && SystemSchemas.Why(name) is { } why)
                throw Refuse($"it reads the {name.ToLowerInvariant()} system schema, which {why}");
            var sessionTable =
                SqlNames.Find(name, SystemSchemas.SessionTables) is not null
                && (afterDot ? i >= 2 && SqlNames.Matches(t[i - 2].Name, SystemSchemas.InformationSchema) : inInformationSchema);
            if (sessionTable)
                throw Refuse($"it reads information_schema.{name.ToLowerInvariant()}, which shows other sessions' statements");
        }
    }

    private static ToolInputException Refuse(string why) =>
        new(
            $"Query refused: {why}. Only one read-only statement can run here: SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN "
                + "(no writes, schema changes, locks, file access, variables, side-effect functions or system schemas)."
        );
}
