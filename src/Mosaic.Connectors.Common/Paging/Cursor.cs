using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Common.Paging;

/// <summary>
/// Opaque paging cursors. A cursor carries a scope (which listing, which filters) and a value
/// (an offset, an upstream token, a last key). Decoding checks the scope, so a cursor from another
/// tool or another filter is refused with a clear message instead of returning the wrong page.
/// </summary>
public static class Cursor
{
    private const string Version = "c1";

    /// <summary>A short stable scope from the parts that define a listing, e.g. ("objects", bucket, prefix).</summary>
    public static string Scope(params string?[] parts)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join("\u001f", parts.Select(p => p ?? "")));
        return Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 6);
    }

    public static string Encode(string scope, string value) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}|{scope}|{value}"));

    /// <summary>Returns the value inside <paramref name="cursor"/>, or null when no cursor was given.</summary>
    public static string? Decode(string? cursor, string scope)
    {
        if (string.IsNullOrWhiteSpace(cursor))
            return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor.Trim()));
        }
        catch (FormatException)
        {
            throw Invalid();
        }
        var parts = text.Split('|', 3);
        if (parts.Length != 3 || parts[0] != Version)
            throw Invalid();
        if (parts[1] != scope)
            throw new ToolInputException(
                "This cursor belongs to a different listing (another tool or other filters). "
                    + "Pass the next_cursor returned by the previous call with the same arguments, or omit cursor to start over."
            );
        return parts[2];
    }

    public static string EncodeOffset(string scope, int offset) => Encode(scope, offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>Offset inside the cursor, or 0 when no cursor was given.</summary>
    public static int DecodeOffset(string? cursor, string scope)
    {
        var value = Decode(cursor, scope);
        if (value is null)
            return 0;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid();
    }

    private static ToolInputException Invalid() =>
        new(
            "The cursor is not valid. Pass next_cursor exactly as a previous result returned it, or omit cursor to start from the "
                + "first page."
        );
}
