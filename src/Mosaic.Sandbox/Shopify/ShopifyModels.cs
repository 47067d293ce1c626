namespace Mosaic.Sandbox.Shopify;

public sealed record ShopLocation(long Id, string Name, string City, string ProvinceCode);

/// <summary>Stock of one variant at one location: what can be sold, and what is promised to open orders.</summary>
public sealed record ShopStock(long LocationId, int Available, int Committed, int Incoming);

public sealed record ShopVariant(long Id, string Title, string Sku, decimal Price, long InventoryItemId, IReadOnlyList<ShopStock> Stock)
{
    public long ProductId { get; init; }
    public int InventoryQuantity => Stock.Sum(s => s.Available);
}

public sealed record ShopProduct(
    long Id,
    string Title,
    string Handle,
    string ProductType,
    string Status,
    DateTimeOffset CreatedAt,
    string[] Tags,
    string Description,
    IReadOnlyList<ShopVariant> Variants
)
{
    public string Vendor => "Acme Brew";
    public int TotalInventory => Variants.Sum(v => v.InventoryQuantity);
}

public sealed record ShopCustomer(long Id, string FirstName, string LastName, string Email)
{
    public string DisplayName => $"{FirstName} {LastName}";
}

public sealed record ShopLineItem(long Id, ShopProduct Product, ShopVariant Variant, int Quantity);

public sealed record ShopTransaction(long Id, string Kind, decimal Amount, DateTimeOffset At);

public sealed record ShopRefund(long Id, DateTimeOffset At, string Note, decimal Amount);

public sealed record ShopOrder(long Id, int Number, DateTimeOffset CreatedAt, ShopCustomer Customer, IReadOnlyList<ShopLineItem> LineItems)
{
    public string Name => $"#{Number}";
    public required string FinancialStatus { get; init; }
    public required string FulfillmentStatus { get; init; }
    public string? Note { get; init; }
    public string[] Tags { get; init; } = [];
    public string? DiscountCode { get; init; }
    public decimal DiscountPercent { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public IReadOnlyList<ShopTransaction> Transactions { get; init; } = [];
    public IReadOnlyList<ShopRefund> Refunds { get; init; } = [];
    public string City { get; init; } = "Portland";

    public decimal Subtotal => LineItems.Sum(l => l.Variant.Price * l.Quantity);
    public decimal Discount => Math.Round(Subtotal * DiscountPercent / 100m, 2);
    public decimal Shipping => Subtotal >= 75 ? 0 : 7.5m;
    public decimal Total => Subtotal - Discount + Shipping;
    public decimal Refunded => Refunds.Sum(r => r.Amount);
    public DateTimeOffset UpdatedAt =>
        new[] { CreatedAt, CancelledAt ?? CreatedAt, ClosedAt ?? CreatedAt }.Concat(Refunds.Select(r => r.At)).Max();
}
