namespace Mosaic.Connectors.MySql.Safety;

/// <summary>The lexical rules differ: MySQL has # comments, executable /*! */ comments, backslash escapes and "strings".</summary>
public enum SqlDialect
{
    MySql,
    Sqlite,
}
