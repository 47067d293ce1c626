using Mosaic.Connectors.Common.Errors;
using MySqlConnector;

namespace Mosaic.Connectors.MySql.Data;

/// <summary>Maps server errors to messages a person can act on.</summary>
public static class MySqlErrors
{
    public static UpstreamException Map(MySqlException ex, string service, MySqlSettings settings)
    {
        var hint = ex.ErrorCode switch
        {
            MySqlErrorCode.AccessDenied =>
                "The user name or password was rejected: check MYSQL_USER / MYSQL_PASSWORD in the data source settings.",
            MySqlErrorCode.DatabaseAccessDenied
            or MySqlErrorCode.TableAccessDenied
            or MySqlErrorCode.ColumnAccessDenied
            or (MySqlErrorCode)1227 =>
                "The database user lacks the privilege for this: grant SELECT on it, or ask about something the user can read.",
            MySqlErrorCode.UnknownDatabase => "Call list_databases to see the databases this user can read.",
            MySqlErrorCode.NoSuchTable => "Call list_tables to see the tables that exist.",
            MySqlErrorCode.BadFieldError => "Call describe_table to see the table's columns.",
            MySqlErrorCode.ParseError => "Fix the SQL syntax and try again.",
            MySqlErrorCode.UnableToConnectToHost =>
                $"Nothing answered at {settings.Host}:{settings.Port}: check MYSQL_HOST / MYSQL_PORT and that the server is running.",
            MySqlErrorCode.QueryInterrupted or (MySqlErrorCode)3024 or (MySqlErrorCode)1969 =>
                $"The query ran longer than {settings.QueryTimeoutSeconds} s and was stopped: add filters, a LIMIT or use indexed columns.",
            (MySqlErrorCode)1792 => "The server refused it because this connector only runs read-only transactions.",
            _ => null,
        };
        var reason = ex.ErrorCode == MySqlErrorCode.UnableToConnectToHost ? "the server could not be reached" : ex.Message;
        var code =
            ex.ErrorCode == MySqlErrorCode.None ? null : ((int)ex.ErrorCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The hint apart from the reason: a connection test shows only what the server said (UpstreamException.Sentence).
        return new UpstreamException(service, null, code is null ? null : $"error {code}", reason, inner: ex, hint: hint);
    }
}
