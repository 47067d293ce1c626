namespace Mosaic.Connectors.MySql.Safety;

/// <summary>
/// MySQL's system schemas. Reading them is not a write, but a database user with broad grants could hand
/// their contents to the model: `mysql` holds accounts and password hashes, `performance_schema` and `sys`
/// hold other sessions' statements and connection details. They are out of reach whatever the grants: as a
/// qualifier (`mysql`.user), as the target of SHOW … FROM/IN, as the database argument and as the saved
/// database. information_schema stays usable for catalogue queries; only its tables that show other
/// sessions' statements are refused. This file is also compiled into the host, which checks the saved
/// database the same way (see Mosaic.Server.csproj).
/// </summary>
public static class SystemSchemas
{
    public const string InformationSchema = "INFORMATION_SCHEMA";

    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["MYSQL"] = "holds accounts and password hashes",
        ["PERFORMANCE_SCHEMA"] = "holds other sessions' statements and connection details",
        ["SYS"] = "shows other sessions' statements and the accounts",
    };

    /// <summary>information_schema tables (folded names) that show other sessions' running statements.</summary>
    public static readonly HashSet<string> SessionTables = ["PROCESSLIST", "INNODB_TRX", "QUERY_CACHE_INFO"];

    /// <summary>Why the schema with this folded name is refused, or null when it is not a refused one.</summary>
    public static string? Why(string foldedName) => SqlNames.Find(foldedName, Refused.Keys) is { } schema ? Refused[schema] : null;

    /// <summary>The refusal for a database name given as an argument or saved with the credentials, or null when it may be used.</summary>
    public static string? RefuseDatabase(string? database) =>
        database is not null && Why(SqlNames.FoldArgument(database)) is { } why
            ? $"the {database.Trim()} system schema {why}, so it cannot be used here; pick one of your own databases"
            : null;

    /// <summary>True when the (folded) current database is information_schema.</summary>
    public static bool IsInformationSchema(string? database) =>
        database is not null && SqlNames.Matches(SqlNames.FoldArgument(database), InformationSchema);
}
