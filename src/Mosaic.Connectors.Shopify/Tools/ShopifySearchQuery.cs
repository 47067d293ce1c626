using System.Globalization;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Shopify.Tools;

/// <summary>Turns tool arguments into Shopify search syntax, refusing values Shopify would silently ignore.</summary>
public static class ShopifySearchQuery
{
    private static readonly string[] Statuses = ["open", "closed", "cancelled", "any"];
    private static readonly string[] Financial =
    [
        "paid",
        "pending",
        "authorized",
        "partially_paid",
        "partially_refunded",
        "refunded",
        "voided",
    ];
    private static readonly Dictionary<string, string> Fulfillment = new()
    {
        ["fulfilled"] = "shipped",
        ["shipped"] = "shipped",
        ["unfulfilled"] = "unshipped",
        ["unshipped"] = "unshipped",
        ["partial"] = "partial",
    };
    private static readonly string[] ProductStatuses = ["active", "draft", "archived"];

    public static string ForOrders(string? status, string? financial, string? fulfillment, string? after, string? before, string? query)
    {
        var parts = new List<string>();
        var s = OneOf("status", status, Statuses);
        if (s is not null and not "any")
            parts.Add($"status:{s}");
        if (OneOf("financial_status", financial, Financial) is { } f)
            parts.Add($"financial_status:{f}");
        if (fulfillment is not null)
        {
            if (!Fulfillment.TryGetValue(fulfillment.Trim().ToLowerInvariant(), out var value))
                throw new ToolInputException($"fulfillment_status must be one of fulfilled, unfulfilled, partial (got \"{fulfillment}\").");
            parts.Add($"fulfillment_status:{value}");
        }
        if (Date("created_after", after) is { } a)
            parts.Add($"created_at:>={a}");
        if (Date("created_before", before) is { } b)
            parts.Add($"created_at:<{b}");
        if (!string.IsNullOrWhiteSpace(query))
            parts.Add(query.Trim());
        return string.Join(' ', parts);
    }

    public static string ForProducts(string? query, string? status)
    {
        var parts = new List<string>();
        if (OneOf("status", status, ProductStatuses) is { } s)
            parts.Add($"status:{s}");
        if (!string.IsNullOrWhiteSpace(query))
            parts.Add(query.Trim());
        return string.Join(' ', parts);
    }

    private static string? OneOf(string name, string? value, string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim().ToLowerInvariant();
        return allowed.Contains(v)
            ? v
            : throw new ToolInputException($"{name} must be one of {string.Join(", ", allowed)} (got \"{value}\").");
    }

    /// <summary>A date becomes 2025-01-31; a timestamp is kept, quoted, in UTC.</summary>
    private static string? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return $"'{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'";
        throw new ToolInputException($"{name} must be a date like 2025-01-31 or an ISO 8601 time (got \"{value}\").");
    }
}
