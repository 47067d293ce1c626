using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.Shopify;

/// <summary>
/// 44 orders, #1001 to #1044, one every ~16 hours up to now. #1042 is the checkout bug's victim: paid with
/// discount code BREW10, charged twice, the duplicate refunded (the same story as ACME-142, issue #87 and
/// the support e-mail). #1038 hit the same bug. Everything is generated from a fixed seed, so it never drifts.
/// </summary>
public static class ShopifyOrders
{
    public const long IdBase = 5_600_000_000;
    public const string BuggyDiscountCode = "BREW10";

    public static readonly ShopCustomer Maya = new(7_100_000_042, "Maya", "Patel", "maya.patel@example.com");

    private static readonly ShopCustomer[] Customers =
    [
        new(7_100_000_001, "Liam", "Nguyen", "liam.nguyen@example.com"),
        new(7_100_000_002, "Sofia", "Rossi", "sofia.rossi@example.com"),
        new(7_100_000_003, "Noah", "Fischer", "noah.fischer@example.com"),
        new(7_100_000_004, "Amara", "Okoye", "amara.okoye@example.com"),
        new(7_100_000_005, "Lucas", "Silva", "lucas.silva@example.com"),
        new(7_100_000_006, "Hana", "Tanaka", "hana.tanaka@example.com"),
        new(7_100_000_007, "Oliver", "Brown", "oliver.brown@example.com"),
        new(7_100_000_008, "Chloe", "Dubois", "chloe.dubois@example.com"),
        new(7_100_000_009, "Mateo", "Garcia", "mateo.garcia@example.com"),
        new(7_100_000_010, "Ava", "Kowalski", "ava.kowalski@example.com"),
        new(7_100_000_011, "Ethan", "Murphy", "ethan.murphy@example.com"),
        new(7_100_000_012, "Zoe", "Andersson", "zoe.andersson@example.com"),
    ];

    private static readonly string[] Cities = ["Portland", "Seattle", "San Francisco", "Denver", "Austin", "Chicago", "Boston"];

    public static IReadOnlyList<ShopOrder> All { get; } = Build();

    private static IReadOnlyList<ShopOrder> Build()
    {
        var random = new Random(1042);
        var variants = ShopifyCatalog.Products.Where(p => p.Status == "ACTIVE").SelectMany(p => p.Variants).ToArray();
        var orders = new List<ShopOrder>();
        for (var number = 1001; number <= 1044; number++)
        {
            var age = TimeSpan.FromHours((1044 - number) * 16 + 3);
            var created = AcmeCompany.Now - age;
            var customer = number == 1042 ? Maya : Customers[random.Next(Customers.Length)];
            var lines = number is 1042 or 1038
                ? [Line(number, 0, ShopifyCatalog.VariantBySku("ABP-BLK"), 1)]
                : Enumerable
                    .Range(0, 1 + random.Next(3))
                    .Select(i => Line(number, i, variants[random.Next(variants.Length)], 1 + random.Next(2)))
                    .DistinctBy(l => l.Variant.Id)
                    .ToList();
            var order = new ShopOrder(IdBase + number, number, created, customer, lines)
            {
                FinancialStatus = "PAID",
                FulfillmentStatus = age.TotalDays > 4 ? "FULFILLED" : "UNFULFILLED",
                ClosedAt = age.TotalDays > 10 ? created.AddDays(6) : null,
                City = Cities[random.Next(Cities.Length)],
            };
            orders.Add(Adjust(order, random));
        }
        return orders;
    }

    private static ShopLineItem Line(int number, int index, ShopVariant variant, int quantity) =>
        new((IdBase + number) * 10 + index, ShopifyCatalog.ProductOf(variant), variant, quantity);

    /// <summary>The orders with a story: the double charges, a cancellation, pending payments, a split shipment.</summary>
    private static ShopOrder Adjust(ShopOrder order, Random random)
    {
        switch (order.Number)
        {
            case 1042 or 1038:
                var o = order with { DiscountCode = BuggyDiscountCode, DiscountPercent = 10 };
                var charged = o.Total;
                var refundAt = order.CreatedAt.AddHours(order.Number == 1042 ? 20 : 30);
                return o with
                {
                    FinancialStatus = "PARTIALLY_REFUNDED",
                    Tags = ["double-charge", "support"],
                    Note =
                        order.Number == 1042
                            ? $"Customer was charged twice at checkout (discount code {BuggyDiscountCode}). Duplicate charge "
                                + $"refunded by Dave Okafor; root cause tracked in {AcmeCompany.CheckoutBug.JiraKey}."
                            : $"Duplicate charge with discount code {BuggyDiscountCode}, refunded. Same bug as "
                                + $"{AcmeCompany.CheckoutBug.JiraKey}.",
                    Transactions =
                    [
                        new(order.Id * 10 + 1, "SALE", charged, order.CreatedAt),
                        new(order.Id * 10 + 2, "SALE", charged, order.CreatedAt.AddSeconds(4)),
                        new(order.Id * 10 + 3, "REFUND", charged, refundAt),
                    ],
                    Refunds = [new(order.Id * 10 + 9, refundAt, "Duplicate charge (checkout bug)", charged)],
                };
            case 1017:
                return order with
                {
                    FinancialStatus = "REFUNDED",
                    FulfillmentStatus = "UNFULFILLED",
                    Tags = ["cancelled"],
                    CancelledAt = order.CreatedAt.AddHours(5),
                    ClosedAt = order.CreatedAt.AddHours(5),
                    Note = "Customer ordered the wrong grind size; cancelled before shipping.",
                    Transactions =
                    [
                        new(order.Id * 10 + 1, "SALE", order.Total, order.CreatedAt),
                        new(order.Id * 10 + 2, "REFUND", order.Total, order.CreatedAt.AddHours(5)),
                    ],
                    Refunds = [new(order.Id * 10 + 9, order.CreatedAt.AddHours(5), "Order cancelled", order.Total)],
                };
            case 1043:
                return order with { FinancialStatus = "PENDING", Note = "Bank transfer; awaiting payment." };
            case 1044:
                return order with
                {
                    FinancialStatus = "AUTHORIZED",
                    Transactions = [new(order.Id * 10 + 1, "AUTHORIZATION", order.Total, order.CreatedAt)],
                };
            case 1036:
                return order with { FulfillmentStatus = "PARTIALLY_FULFILLED", Note = "Scale back-ordered; shipping the rest now." };
            default:
                return order with
                {
                    Tags = random.Next(5) == 0 ? ["repeat-customer"] : [],
                    Transactions = [new(order.Id * 10 + 1, "SALE", order.Total, order.CreatedAt)],
                };
        }
    }
}
