using System.Text;
using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Google;

/// <summary>Google's JSON error envelope (<c>{"error":{"code","message","errors":[...],"status"}}</c>) and paging tokens.</summary>
public static class GoogleErrors
{
    public static IResult Error(int code, string status, string message, string reason, string? location = null)
    {
        var detail = new JsonObject
        {
            ["message"] = message,
            ["domain"] = "global",
            ["reason"] = reason,
        };
        if (location is not null)
        {
            detail["location"] = location;
            detail["locationType"] = "parameter";
        }
        return Results.Json(
            new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = code,
                    ["message"] = message,
                    ["errors"] = new JsonArray(detail),
                    ["status"] = status,
                },
            },
            statusCode: code
        );
    }

    public static IResult NotFound(string message = "Requested entity was not found.") => Error(404, "NOT_FOUND", message, "notFound");

    public static IResult BadRequest(string message, string? location = null) =>
        Error(400, "INVALID_ARGUMENT", message, "invalid", location);

    public static IResult InvalidValue(string parameter) => Error(400, "INVALID_ARGUMENT", "Invalid Value", "invalid", parameter);

    public static IResult Forbidden(string message) => Error(403, "PERMISSION_DENIED", message, "forbidden");

    /// <summary>Paging for every list: an opaque token that encodes the offset of the next page.</summary>
    public static bool TryPage<T>(IReadOnlyList<T> all, string? pageToken, int pageSize, out List<T> page, out string? nextToken)
    {
        var offset = 0;
        page = [];
        nextToken = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            try
            {
                var text = Encoding.UTF8.GetString(
                    Convert.FromBase64String(pageToken.Replace('-', '+').Replace('_', '/').PadRight((pageToken.Length + 3) / 4 * 4, '='))
                );
                if (!text.StartsWith("offset:", StringComparison.Ordinal) || !int.TryParse(text[7..], out offset) || offset < 0)
                    return false;
            }
            catch (FormatException)
            {
                return false;
            }
        }
        page = [.. all.Skip(offset).Take(pageSize)];
        if (offset + pageSize < all.Count)
            nextToken = Convert
                .ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset + pageSize}"))
                .TrimEnd('=')
                .Replace('+', '-')
                .Replace('/', '_');
        return true;
    }

    public static string Rfc3339(DateTimeOffset d) =>
        d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
