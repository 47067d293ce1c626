using System.Text.Json.Serialization;

namespace Mosaic.Connectors.Shopify.Tools;

public sealed record OrderSummary(
    string Name,
    string Id,
    string CreatedAt,
    string FinancialStatus,
    string FulfillmentStatus,
    string Total,
    string Currency,
    string? Customer,
    string? Email,
    string Items,
    string[]? Tags,
    string? CancelledAt,
    string Url
);

public sealed record OrderLine(string Title, string? Variant, string? Sku, int Quantity, string? UnitPrice);

public sealed record OrderPayment(string Kind, string? Status, string Amount, string? At);

public sealed record OrderRefund(string Amount, string? Note, string? At);

public sealed record OrderDetail(
    string Name,
    string Id,
    string CreatedAt,
    string FinancialStatus,
    string FulfillmentStatus,
    string? Customer,
    string? Email,
    string? Note,
    string[]? Tags,
    string[]? DiscountCodes,
    string Currency,
    string Subtotal,
    string? Discounts,
    string? Shipping,
    string Total,
    string? Refunded,
    string? ShipTo,
    string? CancelledAt,
    string? ClosedAt,
    IReadOnlyList<OrderLine> LineItems,
    bool MoreLineItems,
    IReadOnlyList<OrderPayment> Transactions,
    IReadOnlyList<OrderRefund> Refunds,
    string Url
);

public sealed record ProductVariantSummary(string Title, string? Sku, string? Price, int? Inventory);

public sealed record ProductSummary(
    string Title,
    string Id,
    string Status,
    string? Type,
    string? Vendor,
    int? TotalInventory,
    string? PriceRange,
    IReadOnlyList<ProductVariantSummary> Variants,
    bool MoreVariants,
    string Url
);

public sealed record LocationStock(string Location, int Available, int Committed, int Incoming, int OnHand);

public sealed record VariantStock(
    string Product,
    string Variant,
    string? Sku,
    string VariantId,
    int Available,
    bool Low,
    IReadOnlyList<LocationStock> Locations,
    string Url
);

/// <summary>Source-generated JSON for the tool results (no reflection: Native AOT friendly).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(OrderSummary))]
[JsonSerializable(typeof(OrderDetail))]
[JsonSerializable(typeof(ProductSummary))]
[JsonSerializable(typeof(VariantStock))]
internal sealed partial class ShopifyJson : JsonSerializerContext;
