using System.Globalization;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Sources.MySql.Offline;

/// <summary>How table and column names read as words, and the names that mean something to a template.</summary>
public static partial class DbNames
{
    /// <summary>Money columns, best first: "revenue" sums total before amount before price.</summary>
    public static readonly string[] MoneyNames = ["total", "revenue", "amount", "grand_total", "total_price", "price", "subtotal", "value"];

    /// <summary>When a row came to be, best first.</summary>
    public static readonly HashSet<string> CreatedNames = ["created_at", "created", "created_on", "order_date", "date", "placed_at"];

    /// <summary>Columns that name a row to a person, best first.</summary>
    public static readonly string[] LabelNames = ["name", "title", "subject", "full_name", "username", "email", "sku", "code"];

    /// <summary>Columns a place is written in, for "customers in Berlin" when Berlin is not among the values seen.</summary>
    public static readonly string[] PlaceNames = ["city", "ship_city", "town", "country", "region", "state", "location"];

    public static string Words(string name) => Separators().Replace(name, " ").Trim().ToLowerInvariant();

    /// <summary>English singular, good enough for table names: "categories" → "category", "orders" → "order".</summary>
    public static string Singular(string words)
    {
        if (words.EndsWith("ies", StringComparison.Ordinal) && words.Length > 4)
            return words[..^3] + "y";
        if (words.EndsWith("sses", StringComparison.Ordinal) || words.EndsWith("xes", StringComparison.Ordinal))
            return words[..^2];
        if (words.EndsWith('s') && !words.EndsWith("ss", StringComparison.Ordinal) && words.Length > 3)
            return words[..^1];
        return words;
    }

    /// <summary>"1 order", "3 orders": <paramref name="table"/> names the things counted.</summary>
    public static string Count(decimal n, DbTable table) => $"{Number(n)} {(n == 1 ? table.Singular : table.Plural)}";

    /// <summary>
    /// A number as the data has it: integers without decimals, money with two; no thousands separators, so "2092.50"
    /// reads as the database and its SQL write it.
    /// </summary>
    public static string Number(decimal n, bool money = false) =>
        n.ToString(
            money ? "0.00"
                : n == decimal.Truncate(n) ? "0"
                : "0.##########",
            CultureInfo.InvariantCulture
        );

    [GeneratedRegex(@"[_\-\s]+")]
    private static partial Regex Separators();
}
