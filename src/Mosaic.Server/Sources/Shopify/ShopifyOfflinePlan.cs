using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Mosaic.Server.Sources.QuestionShapes;
using F = Mosaic.Server.Sources.ToolOutput;

namespace Mosaic.Server.Sources.Shopify;

/// <summary>
/// Shopify's Offline plans: an order by number, what is low on stock, one product's stock, the products,
/// refunds, the latest orders (over the question's period); anything else searches orders (the fallback).
/// </summary>
internal static partial class ShopifyOfflinePlan
{
    /// <summary>
    /// Units available at or below which a product counts as low on stock when the question names no number: a few days
    /// of sales for a small shop (the connector's own flag, 5, misses the Brew Pro steel grinder the team calls "almost out").
    /// </summary>
    internal const int LowStock = 10;

    public static async Task<PlannedCall> PlanAsync(OfflineQuestion q, CancellationToken ct)
    {
        if (ShopifySource.OrderNumber().Match(q.Query) is { Success: true } order)
            return Order($"#{order.Groups["n"].Value}");
        if (LowStockWords().IsMatch(q.Lower))
            return await LowOnStockAsync(q, ct);
        var phrase = q.Phrase;
        if (q.Lower.Contains("inventory") || q.Lower.Contains("stock"))
            return Stock(q);
        if (q.Lower.Contains("product"))
            return Products(phrase);
        if (DiscountCode().Match(q.Query) is { Success: true } code)
            return DiscountOrders(q, code.Groups["c"].Value);
        if (Refunds().IsMatch(q.Lower))
        {
            // Shopify's search joins OR-groups, each with all its terms: the other words go in each group.
            var rest = string.Join(' ', q.Keywords.Where(w => !Refunds().IsMatch(w) && w is not ("order" or "orders")));
            var query = string.Join(" OR ", new[] { "refunded", "partially_refunded" }.Select(s => $"financial_status:{s} {rest}".Trim()));
            return Orders(q, "refunded orders" + (rest.Length > 0 ? $" matching “{rest}”" : ""), new() { ["query"] = query });
        }
        // Not about orders as such ("anything from Maya?"): the catch-all searches orders for the question's words.
        if (!q.Lower.Contains("order") && !AsksLatest(q) && q.Period is null)
            return Orders(
                q,
                phrase.Length > 0 ? $"orders matching “{phrase}”" : null,
                phrase.Length > 0 ? new() { ["query"] = phrase } : []
            ) with
            {
                Fallback = true,
            };
        return Orders(q, null, []);
    }

    /// <summary>
    /// One SKU's stock per location, or the stock of the products a question names ("is the grinder in stock?"): a name
    /// may match several products, which get_inventory refuses, so those are listed with their variants' stock.
    /// </summary>
    private static PlannedCall Stock(OfflineQuestion q)
    {
        if (Sku().Match(q.Query) is { Success: true } sku)
            return new("get_inventory", new Dictionary<string, object?> { ["sku"] = sku.Value })
            {
                Answer = new()
                {
                    Searched = $"the stock of SKU {sku.Value}",
                    Lead = o =>
                        o.Items.Count == 0
                            ? null
                            : $"{sku.Value}: {Join(o.Items.Select(v => $"**{F.Field(v, "available")}** available"))}.",
                },
            };
        var product = string.Join(' ', SourceKeywords.Of(StockWords().Replace(q.Query, " ")));
        return ProductSearch(product, StockLead);
    }

    /// <summary>"Acme Brew Pro Grinder: Matte Black **45** and Brushed Steel **7**; Acme Brew Classic Grinder: **138**
    /// available."</summary>
    private static string? StockLead(ToolOutput o)
    {
        string Stock(JsonElement v) =>
            F.Field(v, "title") is null or "Default Title"
                ? $"**{F.Field(v, "inventory")}** available"
                : $"{F.Field(v, "title")} **{F.Field(v, "inventory")}**";
        return o.Items.Count == 0
            ? null
            : string.Join("; ", o.Items.Take(5).Select(p => $"{F.Field(p, "title")}: {Join(Array(p, "variants").Select(Stock))}")) + ".";
    }

    private static PlannedCall Order(string name) =>
        new("get_order", new Dictionary<string, object?> { ["order"] = name })
        {
            Answer = new()
            {
                Searched = $"the Shopify order {name}",
                Lead = o =>
                {
                    if (o.Items.Count != 1)
                        return null;
                    string? d(string path) => F.Field(o.Items[0], path);
                    var refunded = d("refunded") is { Length: > 0 } r ? $", {Money(r)} refunded" : "";
                    var customer = d("customer") is { Length: > 0 } c ? $" for {c}" : "";
                    return $"Order {d("name")} is **{d("financial_status")}** and **{d("fulfillment_status")}**: "
                        + $"{Money(d("total"))} {d("currency")}{customer}{refunded}.";
                },
            },
        };

    /// <summary>
    /// Products with a variant at or below the threshold. The product list cannot filter by a variant's stock, so the plan
    /// reads the active products first and keeps those with a low variant (a product's total hides one empty colour).
    /// </summary>
    private static async Task<PlannedCall> LowOnStockAsync(OfflineQuestion q, CancellationToken ct)
    {
        var threshold = Below().Match(q.Lower) is { Success: true } b
            ? int.Parse(b.Groups["n"].Value, CultureInfo.InvariantCulture)
            : LowStock;
        var arguments = new Dictionary<string, object?> { ["status"] = "active", ["limit"] = 50 };
        var products = Array(await PeekAsync(q, ShopifySource.Id, "list_products", arguments, ct), "products");
        IReadOnlyList<string> low = [.. products.Where(p => LowVariants(p, threshold).Any()).Select(p => F.Field(p, "title") ?? "")];
        var searched = $"active products with {threshold} or fewer units available";
        // Nothing low: the search says so rather than a list of everything.
        if (low.Count == 0)
            return new(
                "list_products",
                new Dictionary<string, object?> { ["query"] = $"inventory_total:<={threshold}", ["status"] = "active" }
            )
            {
                Answer = new() { Searched = searched },
            };
        return new("list_products", arguments)
        {
            Label = $"list_products status=active (low: {threshold} or fewer)",
            Answer = new()
            {
                Searched = searched,
                Focus = low,
                Lead = o =>
                {
                    var named = Focused(o, low).SelectMany(p => LowVariants(p, threshold).Select(v => Variant(p, v))).ToList();
                    return named.Count == 0
                        ? null
                        : $"{Things(named.Count, "item is", "items are")} low on stock ({threshold} or fewer available): {Join(named)}.";
                },
            },
        };
    }

    private static IEnumerable<JsonElement> LowVariants(JsonElement product, int threshold) =>
        Array(product, "variants")
            .Where(v => v.TryGetProperty("inventory", out var n) && n.TryGetInt32(out var units) && units <= threshold);

    /// <summary>"Precision Coffee Scale (SCL-01: **2**)", "Gooseneck Electric Kettle, White (KTL-GN-WHT: **4**)".</summary>
    private static string Variant(JsonElement product, JsonElement variant)
    {
        var title = F.Field(variant, "title");
        var name = title is null or "Default Title" ? F.Field(product, "title") : $"{F.Field(product, "title")}, {title}";
        var sku = F.Field(variant, "sku") is { Length: > 0 } s ? $"{s}: " : "";
        return $"{name} ({sku}**{F.Field(variant, "inventory")}**)";
    }

    private static PlannedCall Products(string phrase)
    {
        // "List our products" names no product: the words "list", "products" are not a search.
        var search = ProductWords().Replace(phrase, " ").Trim();
        return ProductSearch(search, o =>
            o.Items.Count == 0
                ? null
                : $"The store has {Counted(o, "product", "products")}" + (search.Length == 0 ? "." : $" matching “{search}”.")
        );
    }

    /// <summary>The products matching the words (all of them when there are none), read as <paramref name="lead"/> says.</summary>
    private static PlannedCall ProductSearch(string search, Func<ToolOutput, string?> lead) =>
        (search.Length == 0 ? new PlannedCall("list_products") : PlannedCall.Search("list_products", search)) with
        {
            Answer = new() { Searched = search.Length == 0 ? "the store's products" : $"products matching “{search}”", Lead = lead },
        };

    /// <summary>The newest orders, over the question's period when it names one ("this week": created since Monday).</summary>
    private static PlannedCall Orders(OfflineQuestion q, string? kind, Dictionary<string, object?> arguments)
    {
        var period = q.Period;
        if (period is not null)
        {
            arguments["created_after"] = Iso(period.Start);
            if (period.End < q.Now)
                arguments["created_before"] = Iso(period.End);
        }
        foreach (var (pattern, name, value) in OrderStates)
            if (Regex.IsMatch(q.Lower, pattern))
                arguments[name] = value;
        arguments["limit"] = Count(q) ?? (period is null ? 10 : 50);
        var during = period is null ? "" : $" {(period.Label.StartsWith("the ", StringComparison.Ordinal) ? "in " : "")}{period.Label}";
        var what = (kind ?? "orders") + during;
        return new("list_orders", arguments)
        {
            Answer = new()
            {
                Searched = kind is null && period is null ? "the latest orders" : $"the {what}",
                Lead = o =>
                    o.Items.FirstOrDefault() is not { ValueKind: JsonValueKind.Object } first
                        ? null
                        : (period is null ? "" : $"{Counted(o, "order", "orders")}{during}. ")
                            + $"The latest is {F.Field(first, "name")} from {F.Field(first, "customer") ?? "a guest"}: "
                            + $"{Money(F.Field(first, "total"))} {F.Field(first, "currency")}, **{F.Field(first, "financial_status")}** "
                            + $"({F.Field(first, "created_at")}).",
            },
        };
    }

    /// <summary>The orders that used a discount code: Shopify's order search filters by it.</summary>
    private static PlannedCall DiscountOrders(OfflineQuestion q, string code) =>
        Orders(q, $"orders with the discount code {code}", new() { ["query"] = $"discount_code:{code}" }) with
        {
            Answer = new()
            {
                Searched = $"the orders with the discount code {code}",
                Lead = o =>
                    o.Items.Count == 0
                        ? null
                        : $"{Counted(o, "order", "orders")} used the discount code {code}: "
                            + $"{Join(o.Items.Select(i => F.Field(i, "name") ?? "?"))}.",
            },
        };

    /// <summary>Order states a question names, as list_orders filters them.</summary>
    private static readonly (string Pattern, string Argument, string Value)[] OrderStates =
    [
        (@"\bcancel+ed\b", "status", "cancelled"),
        (@"\b(awaiting payment|unpaid|pending payment)\b", "financial_status", "pending"),
        (@"\bpartially fulfill?ed\b", "fulfillment_status", "partial"),
        (@"\b(unfulfill?ed|not (yet )?shipped)\b", "fulfillment_status", "unfulfilled"),
    ];

    /// <summary>An amount with two decimals, as the store shows it ("224.1" → "224.10").</summary>
    private static string? Money(string? amount) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.00", CultureInfo.InvariantCulture)
            : amount;

    [GeneratedRegex(@"\b(low on stock|low stock|running low|running out|out of stock|almost out|need restock|restock)\b")]
    private static partial Regex LowStockWords();

    [GeneratedRegex(@"\b(?:below|under|fewer than|less than|at most)\s+(?<n>\d{1,5})\b")]
    private static partial Regex Below();

    /// <summary>Words of a stock question that name no product.</summary>
    [GeneratedRegex(@"\b(stock|inventory|levels?|how much|how many|left|available|units?|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StockWords();

    /// <summary>"ABP-BLK", "KTL-GN-WHT": a variant's SKU as the store writes it.</summary>
    [GeneratedRegex(@"\b[A-Z]{2,5}(?:-[A-Z0-9]{1,5})+\b")]
    private static partial Regex Sku();

    /// <summary>"discount code BREW10", "promo code SUMMER-5", "coupon WELCOME": the code as written.</summary>
    [GeneratedRegex(@"\b(?:discount|promo|coupon)(?:\s+code)?\s+[""“]?(?<c>[A-Za-z0-9][A-Za-z0-9_-]*\d[A-Za-z0-9_-]*|[A-Z][A-Z0-9_-]+)\b")]
    private static partial Regex DiscountCode();

    [GeneratedRegex(@"\b(refunds?|refunded)\b")]
    private static partial Regex Refunds();

    [GeneratedRegex(@"\b(products?|catalog|catalogue)\b")]
    private static partial Regex ProductWords();
}
