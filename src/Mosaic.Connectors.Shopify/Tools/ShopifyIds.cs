using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Shopify.Tools;

/// <summary>Reads the ways people refer to Shopify records: #1001, 1001, 5600001042, gid://shopify/Order/..., admin URLs.</summary>
public static partial class ShopifyIds
{
    public sealed record OrderRef(string? Gid, string Name);

    /// <summary>
    /// Order numbers (what customers see) are short; order ids are long. Shopify's ids are 10+ digits and
    /// store order numbers rarely pass 7, so a bare number of 10 digits or more is taken as an id.
    /// </summary>
    public static OrderRef Order(string value)
    {
        var v = value.Trim();
        if (v.StartsWith("gid://shopify/Order/", StringComparison.Ordinal))
            return new OrderRef(v, v);
        if (AdminUrl().Match(v) is { Success: true } url && url.Groups["type"].Value == "orders")
            return new OrderRef($"gid://shopify/Order/{url.Groups["id"].Value}", v);
        var digits = v.TrimStart('#');
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            return !v.StartsWith('#') && digits.Length >= 10
                ? new OrderRef($"gid://shopify/Order/{digits}", digits)
                : new OrderRef(null, $"#{digits}");
        throw new ToolInputException(
            $"order must be an order number like #1001, a numeric id, a gid://shopify/Order/... id or an admin order URL (got \"{value}\")."
        );
    }

    /// <summary>A gid for <paramref name="type"/> from a gid, a numeric id or an admin URL; null when the value is none of them.</summary>
    public static string? Gid(string type, string value)
    {
        var v = value.Trim();
        if (v.StartsWith($"gid://shopify/{type}/", StringComparison.Ordinal))
            return v;
        if (v.Length > 0 && v.All(char.IsAsciiDigit))
            return $"gid://shopify/{type}/{v}";
        if (AdminUrl().Match(v) is { Success: true } url)
            return $"gid://shopify/{type}/{url.Groups["id"].Value}";
        return null;
    }

    [GeneratedRegex(@"/admin/(?:store/[^/]+/)?(?<type>orders|products|variants)/(?<id>\d+)")]
    private static partial Regex AdminUrl();
}
