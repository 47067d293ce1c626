using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.MySql.Safety;

/// <summary>
/// The first line of the read-only defence: a query must be exactly one statement of an allowed
/// kind with nothing that writes, locks, touches files or has side effects. The database session
/// (READ ONLY transaction, always rolled back; SQLite opened read-only) is the second line, so a
/// gap here still cannot change data. Every refusal says why and what would be accepted.
/// </summary>
public static class ReadOnlyGuard
{
    /// <summary>Returns the statement to run (trailing semicolon removed) or throws <see cref="ToolInputException"/>.</summary>
    public static string Check(string sql, SqlDialect dialect)
    {
        if (string.IsNullOrWhiteSpace(sql)) throw Refuse("the query is empty");
        var lexed = SqlTokenizer.Tokenize(sql, dialect);
        if (lexed.Error is not null) throw Refuse(lexed.Error);
        if (lexed.HasExecutableComment)
            throw Refuse("it contains an executable comment (/*! ... */ or /*M! ... */), whose contents the server runs");
        var tokens = lexed.Tokens;
        if (tokens.Count == 0) throw Refuse("the query contains only comments");

        // Exactly one statement: a single trailing semicolon is fine, any other one is a second statement.
        var end = tokens.Count;
        if (tokens[^1].IsSymbol(";")) end--;
        for (var i = 0; i < end; i++)
            if (tokens[i].IsSymbol(";")) throw Refuse("it contains more than one statement (only one is allowed per call)");
        if (end == 0) throw Refuse("the query is empty");

        var first = tokens[0].Kind == SqlTokenKind.Symbol ? tokens[0].Text : tokens[0].Upper;
        var allowed = dialect == SqlDialect.MySql ? ReadOnlyRules.MySqlFirstWords : ReadOnlyRules.SqliteFirstWords;
        if (!allowed.Contains(first))
            throw Refuse($"it is a {tokens[0].Text.ToUpperInvariant()} statement");

        for (var i = 0; i < end; i++) CheckToken(tokens, i, end, dialect);
        if (dialect == SqlDialect.MySql) CheckAccountsSchema(tokens, end);

        var last = tokens[end - 1];
        return sql[..(last.Position + last.Text.Length)].Trim();
    }

    private static void CheckToken(IReadOnlyList<SqlToken> t, int i, int end, SqlDialect dialect)
    {
        var token = t[i];
        var prev = i > 0 ? t[i - 1] : null;
        var next = i + 1 < end ? t[i + 1] : null;
        switch (token.Kind)
        {
            case SqlTokenKind.Symbol when token.Text == ":=":
                throw Refuse("it assigns a user variable (:=)");
            case SqlTokenKind.Variable when dialect == SqlDialect.MySql && !token.Text.StartsWith("@@", StringComparison.Ordinal):
                throw Refuse($"it uses the user variable {token.Text} (user variables are not available here; write the value into the query)");
            case SqlTokenKind.Variable when dialect == SqlDialect.Sqlite:
            case SqlTokenKind.Placeholder:
                throw Refuse("it has a parameter placeholder; write the values into the query instead");
            case SqlTokenKind.Word:
                CheckWord(token, prev, next, i + 2 < end ? t[i + 2] : null);
                break;
        }
    }

    private static void CheckWord(SqlToken token, SqlToken? prev, SqlToken? next, SqlToken? next2)
    {
        var word = token.Upper;
        var isCall = next?.IsSymbol("(") == true;
        if (isCall && ReadOnlyRules.ForbiddenFunctions.TryGetValue(word, out var fnWhy))
            throw Refuse($"it calls {word}(), and {fnWhy}");
        if (word == "LAST_INSERT_ID" && isCall && next2 is not null && !next2.IsSymbol(")"))
            throw Refuse("LAST_INSERT_ID(expr) changes session state");
        if (word == "NEXT" && next?.IsWord("VALUE") == true)
            throw Refuse("NEXT VALUE FOR advances a sequence");

        // A word right after "." is a column or table name even when it is a reserved word (t.update).
        if (prev?.IsSymbol(".") == true) return;
        if (!ReadOnlyRules.ForbiddenWords.TryGetValue(word, out var why)) return;

        // Read-only uses of otherwise forbidden words.
        if (isCall && word is "INSERT" or "REPLACE" or "TRUNCATE") return; // INSERT(str,..), REPLACE(str,..), TRUNCATE(x,d) functions
        if (word == "SET" && prev is { } p && (p.IsWord("CHARACTER") || p.IsWord("CHAR"))) return; // CONVERT(x USING ...)/CHARACTER SET
        if (word == "ANALYZE" && prev?.IsWord("EXPLAIN") == true) return; // EXPLAIN ANALYZE SELECT runs a SELECT
        if (word == "CREATE" && prev?.IsWord("SHOW") == true && next?.IsWord("USER") != true) return; // SHOW CREATE TABLE
        if (word == "SHARE" && prev?.IsWord("FOR") != true) return;         // "share" as a column name; LOCK IN SHARE MODE stops at LOCK
        throw Refuse(word switch
        {
            "UPDATE" when prev?.IsWord("FOR") == true => "FOR UPDATE takes row locks",
            "SET" => "it contains SET, which changes settings or variables",
            _ => $"it contains {word}, and {why}",
        });
    }

    /// <summary>
    /// The `mysql` system schema holds accounts and their password hashes. Reading it is not a write, but a
    /// database user with broad grants could hand them to the model, so it is out of reach here whatever the
    /// grants: as `mysql.table` (quoted or not) and as the target of SHOW … FROM/IN mysql.
    /// </summary>
    private static void CheckAccountsSchema(IReadOnlyList<SqlToken> t, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (t[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (!string.Equals(t[i].Text.Trim('`', '"'), "mysql", StringComparison.OrdinalIgnoreCase)) continue;
            var qualifies = i + 1 < end && t[i + 1].IsSymbol(".");
            var showTarget = t[0].IsWord("SHOW") && i > 0 && (t[i - 1].IsWord("FROM") || t[i - 1].IsWord("IN"));
            if (qualifies && (i == 0 || !t[i - 1].IsSymbol(".")) || showTarget)
                throw Refuse("it reads the mysql system schema, which holds accounts and password hashes");
        }
    }

    private static ToolInputException Refuse(string why) => new(
        $"Query refused: {why}. Only one read-only statement can run here: SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN " +
        "(no writes, schema changes, locks, file access, variables or side-effect functions).");
}
