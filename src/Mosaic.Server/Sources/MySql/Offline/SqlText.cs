using System.Globalization;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>
/// The pieces of generated SQL, written so one statement runs the same on MySQL, MariaDB and SQLite: backtick-quoted
/// identifiers (all three accept them), single-quoted literals, dates as 'YYYY-MM-DD HH:MM:SS' text.
/// execute_query takes no parameters, so values are literals; anything that cannot be written safely is refused.
/// </summary>
public static class SqlText
{
    /// <summary>An identifier from the schema the connector returned (never from the question), quoted.</summary>
    public static string Id(string name) => $"`{name.Replace("`", "``", StringComparison.Ordinal)}`";

    public static string Id(DbTable table) => Id(table.Name);

    /// <summary>A column, qualified by its table's alias in a join ("s"), or bare.</summary>
    public static string Id(DbColumn column, string? alias = null) => alias is null ? Id(column.Name) : $"{alias}.{Id(column.Name)}";

    /// <summary>
    /// A string literal, or null when the value cannot be one here: a backslash is an escape to MySQL and a plain
    /// character to SQLite (so no spelling means the same to both), and control characters are refused by the guard.
    /// </summary>
    public static string? Literal(string value) =>
        value.Contains('\\') || value.Any(char.IsControl) ? null : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A UTC instant as the demo and most schemas store it: DATETIME text, compared as text by SQLite.</summary>
    public static string DateTime(DateTimeOffset at) => $"'{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";

    /// <summary>The SQL as the answer shows it.</summary>
    public static string Footnote(string sql) => $"```sql\n{sql}\n```";
}
