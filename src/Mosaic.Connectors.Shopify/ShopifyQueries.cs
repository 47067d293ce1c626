namespace Mosaic.Connectors.Shopify;

/// <summary>
/// The Admin GraphQL operations the tools send (API version <see cref="ShopifySettings.DefaultApiVersion"/>).
/// Page sizes are chosen so even a full page stays well under Shopify's 1000-point single-query limit.
/// </summary>
public static class ShopifyQueries
{
    private const string OrderSummaryFields = """
        id legacyResourceId name createdAt cancelledAt displayFinancialStatus displayFulfillmentStatus tags
        totalPriceSet { shopMoney { amount currencyCode } }
        customer { displayName email }
        lineItems(first: 5) { edges { node { title quantity sku } } }
        """;

    public const string Orders = $$"""
        query Orders($first: Int!, $after: String, $query: String) {
          orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
            edges { cursor node { {{OrderSummaryFields}} } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string OrderDetailFields = """
        id legacyResourceId name email createdAt cancelledAt closedAt note tags discountCodes
        displayFinancialStatus displayFulfillmentStatus
        subtotalPriceSet { shopMoney { amount currencyCode } }
        totalDiscountsSet { shopMoney { amount } }
        totalShippingPriceSet { shopMoney { amount } }
        totalPriceSet { shopMoney { amount currencyCode } }
        totalRefundedSet { shopMoney { amount } }
        customer { displayName email }
        shippingAddress { city countryCodeV2 }
        lineItems(first: 50) {
          edges { node { title variantTitle sku quantity originalUnitPriceSet { shopMoney { amount } } } }
          pageInfo { hasNextPage }
        }
        transactions(first: 20) { kind status processedAt amountSet { shopMoney { amount } } }
        refunds(first: 10) { createdAt note totalRefundedSet { shopMoney { amount } } }
        """;

    public const string OrderById = $$"""
        query OrderById($id: ID!) { order(id: $id) { {{OrderDetailFields}} } }
        """;

    public const string OrderByName = $$"""
        query OrderByName($query: String!) { orders(first: 1, query: $query) { nodes { {{OrderDetailFields}} } } }
        """;

    public const string Products = """
        query Products($first: Int!, $after: String, $query: String) {
          products(first: $first, after: $after, query: $query, sortKey: TITLE) {
            edges {
              cursor
              node {
                id legacyResourceId title handle status productType vendor totalInventory updatedAt
                priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
                variants(first: 10) { nodes { title sku price inventoryQuantity } pageInfo { hasNextPage } }
              }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string VariantStockFields = """
        id legacyResourceId title sku displayName
        product { id legacyResourceId title }
        inventoryItem {
          tracked
          inventoryLevels(first: 10) {
            nodes { location { name } quantities(names: ["available", "committed", "incoming", "on_hand"]) { name quantity } }
          }
        }
        """;

    public const string InventoryBySku = $$"""
        query InventoryBySku($query: String!) { productVariants(first: 20, query: $query) { nodes { {{VariantStockFields}} } } }
        """;

    public const string InventoryByVariant = $$"""
        query InventoryByVariant($id: ID!) { productVariant(id: $id) { {{VariantStockFields}} } }
        """;

    public const string InventoryByProduct = $$"""
        query InventoryByProduct($id: ID!) { product(id: $id) { title variants(first: 20) { nodes { {{VariantStockFields}} } } } }
        """;

    public const string ProductByTitle = """
        query ProductByTitle($query: String!) { products(first: 5, query: $query) { nodes { id title } } }
        """;

    /// <summary>The store itself, for whoami: any valid token may read it (no access scope needed).</summary>
    public const string Shop = """
        query Shop { shop { name myshopifyDomain url primaryDomain { host } email currencyCode plan { displayName } } }
        """;
}
