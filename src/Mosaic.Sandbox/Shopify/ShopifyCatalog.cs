using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.Shopify;

/// <summary>
/// Acme Brew's catalogue: the new Acme Brew Pro grinder (launching now, thin stock at the store), kettles,
/// beans and accessories; two locations, some levels low or empty so "what's running out" has an answer.
/// </summary>
public static class ShopifyCatalog
{
    public static readonly ShopLocation Warehouse = new(61000001, "Portland Warehouse", "Portland", "OR");
    public static readonly ShopLocation Store = new(61000002, "Seattle Flagship Store", "Seattle", "WA");
    public static readonly IReadOnlyList<ShopLocation> Locations = [Warehouse, Store];

    public static IReadOnlyList<ShopProduct> Products { get; } = Build();

    public static ShopVariant VariantBySku(string sku) => Products.SelectMany(p => p.Variants).First(v => v.Sku == sku);

    public static ShopProduct ProductOf(ShopVariant variant) => Products.First(p => p.Id == variant.ProductId);

    private static IReadOnlyList<ShopProduct> Build()
    {
        var now = AcmeCompany.Now;
        var nextVariant = 44000001L;
        ShopVariant V(string title, string sku, decimal price, int warehouse, int store, int committed = 0, int incoming = 0)
        {
            var id = nextVariant++;
            return new ShopVariant(
                id,
                title,
                sku,
                price,
                id + 5_000_000,
                [new ShopStock(Warehouse.Id, warehouse, committed, incoming), new ShopStock(Store.Id, store, 0, 0)]
            );
        }
        var nextProduct = 88000001L;
        ShopProduct P(
            string title,
            string type,
            string status,
            int ageDays,
            string[] tags,
            string description,
            params ShopVariant[] variants
        )
        {
            var id = nextProduct++;
            var handle = string.Join('-', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Replace("(", "")
                .Replace(")", "");
            return new ShopProduct(
                id,
                title,
                handle,
                type,
                status,
                now.AddDays(-ageDays),
                tags,
                description,
                [.. variants.Select(v => v with { ProductId = id })]
            );
        }

        return
        [
            P(
                AcmeCompany.Launch.ProductName + " Grinder",
                "Grinder",
                "ACTIVE",
                9,
                ["launch", "new", "grinder"],
                "Our flagship conical burr grinder: 40 settings, 0.1 g dosing, whisper-quiet motor. Launching this month.",
                V("Matte Black", "ABP-BLK", 249.00m, 42, 3, committed: 6, incoming: 120),
                V("Brushed Steel", "ABP-STL", 269.00m, 7, 0, committed: 2, incoming: 60)
            ),
            P(
                "Acme Brew Classic Grinder",
                "Grinder",
                "ACTIVE",
                400,
                ["grinder"],
                "The grinder that started it all: flat burrs, 18 settings.",
                V("Default Title", "ABC-GRY", 149.00m, 120, 18)
            ),
            P(
                "Gooseneck Electric Kettle",
                "Kettle",
                "ACTIVE",
                300,
                ["kettle", "pour-over"],
                "Variable-temperature gooseneck kettle with hold mode.",
                V("Black", "KTL-GN-BLK", 89.00m, 55, 9),
                V("White", "KTL-GN-WHT", 89.00m, 3, 1)
            ),
            P(
                "Stovetop Pour-Over Kettle",
                "Kettle",
                "ACTIVE",
                500,
                ["kettle", "pour-over"],
                "A 1 L stainless kettle for any hob.",
                V("Default Title", "KTL-SP-01", 45.00m, 80, 12)
            ),
            P(
                "Ceramic Pour-Over Dripper",
                "Brewer",
                "ACTIVE",
                450,
                ["pour-over"],
                "Hand-glazed ceramic cone, fits size 02 filters.",
                V("White", "DRP-CER-WHT", 28.00m, 150, 25)
            ),
            P(
                "Ethiopia Yirgacheffe Whole Bean",
                "Coffee",
                "ACTIVE",
                200,
                ["coffee", "single-origin"],
                "Floral, bergamot, lemon. Light roast.",
                V("250g", "BEAN-ETH-250", 18.00m, 200, 30),
                V("1kg", "BEAN-ETH-1K", 58.00m, 40, 6)
            ),
            P(
                "House Espresso Blend",
                "Coffee",
                "ACTIVE",
                600,
                ["coffee", "espresso"],
                "Chocolate and hazelnut; our everyday espresso.",
                V("250g", "BEAN-HSE-250", 15.00m, 320, 48),
                V("1kg", "BEAN-HSE-1K", 48.00m, 90, 14)
            ),
            P(
                "Colombia Decaf Whole Bean",
                "Coffee",
                "ACTIVE",
                150,
                ["coffee", "decaf"],
                "Sugarcane-processed decaf, caramel and red apple.",
                V("250g", "BEAN-COL-DCF-250", 17.00m, 8, 1)
            ),
            P(
                "Paper Filters (100 pack)",
                "Accessory",
                "ACTIVE",
                700,
                ["accessory", "pour-over"],
                "Unbleached size 02 filters.",
                V("Default Title", "FLT-100", 8.00m, 500, 60)
            ),
            P(
                "Precision Coffee Scale",
                "Accessory",
                "ACTIVE",
                250,
                ["accessory"],
                "0.1 g resolution with a built-in timer.",
                V("Default Title", "SCL-01", 59.00m, 0, 2, incoming: 50)
            ),
            P(
                "Cold Brew Kit",
                "Brewer",
                "DRAFT",
                5,
                ["cold-brew", "summer"],
                "1.5 L cold brew jar with a fine mesh filter. Not yet on sale.",
                V("Default Title", "CBK-01", 39.00m, 0, 0, incoming: 200)
            ),
            P(
                "Descaling Solution",
                "Accessory",
                "ARCHIVED",
                900,
                ["accessory"],
                "Discontinued; replaced by the Kettle Care Kit.",
                V("Default Title", "DSC-01", 12.00m, 0, 0)
            ),
        ];
    }
}
