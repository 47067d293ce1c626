namespace Mosaic.Server.Tests.Offline;

/// <summary>
/// One call per built-in read tool against the demo's seeded data (Sandbox, s3rver, demo database), and what a
/// person must see in its Offline rendering: row values, item titles, document text; never only field names.
/// </summary>
public sealed record ReadToolCase(string Source, string Tool, string Arguments, params string[] Shows)
{
    public override string ToString() => $"{Source}.{Tool}";
}

public static class ReadToolCases
{
    public static readonly ReadToolCase[] All =
    [
        new("github", "list_commits", """{"repo":"acme/storefront"}""", "Add gift card support", "Fix VAT rounding for EU orders"),
        new("github", "list_branches", """{"repo":"acme/storefront"}""", "fix/checkout-double-charge", "release/2.3"),
        new(
            "github",
            "get_workflow_runs",
            """{"repo":"acme/storefront"}""",
            "Pre-order flow for Acme Brew Pro",
            "feature/brew-pro-preorder"
        ),
        new(
            "github",
            "get_issue",
            """{"repo":"acme/storefront","number":87}""",
            "Checkout double-charges when a discount code is applied",
            "checkout creates a second payment intent, then captures both",
            "Fix is up in #91."
        ),
        new(
            "github",
            "get_pull_request",
            """{"repo":"acme/storefront","number":91}""",
            "Fix double charge on discounted checkout",
            "Reuse the existing payment intent when a discount code changes the total",
            "1 failed, 57 passed",
            "fix/checkout-double-charge"
        ),
        new("github", "list_repositories", "{}", "acme/brew-firmware", "Firmware for the Acme Brew Pro grinder controller"),
        new(
            "github",
            "list_issues",
            """{"repo":"acme/storefront"}""",
            "Discount code field accepts expired codes",
            "Order confirmation e-mail shows the wrong discount"
        ),
        new("github", "list_pull_requests", """{"repo":"acme/storefront"}""", "Bump stripe from 14.1.0 to 14.5.0"),
        new(
            "google_workspace",
            "get_document",
            """{"document_id":"1CheckoutIncidentACME142_doc_7hY5nR2vB8s"}""",
            "Checkout incident ACME-142 - postmortem (draft)",
            "Applying a discount code re-rendered the payment step and submitted the payment intent a second time.",
            "Idempotency key on payment intents"
        ),
        new("google_workspace", "get_events", "{}", "Acme Brew Pro launch review", "Team lunch"),
        new(
            "google_workspace",
            "list_messages",
            """{"query":"double charge","include_body":true}""",
            "Support queue: 3 double-charge reports",
            "Can we pause the code until the fix ships?"
        ),
        new("google_workspace", "search_drive_files", "{}", "Acme Brew Pro launch plan", "Inventory planning"),
        new(
            "google_workspace",
            "get_spreadsheet",
            """{"spreadsheet_id":"1Q4SalesForecast_sheet_6tR3wE8yU1iO4pA7sD"}""",
            "| Month | Product | Units | Revenue |",
            "| December | Acme Brew Pro Grinder | 420 | $107,380.00 |"
        ),
        new("jira", "list_projects", "{}", "Support Operations", "Acme Brew Pro Launch"),
        new("jira", "query_jira", """{"project":"ACME"}""", "Add idempotency keys to payment requests", "Save cart between sessions"),
        new(
            "jira",
            "get_issue",
            """{"key":"ACME-142"}""",
            "Checkout double-charges when a discount code is applied",
            "the frontend retries the discount call on a 502",
            "Customer on #1042 refunded (OPS-31).",
            "Launch checklist: Acme Brew Pro"
        ),
        new("mysql", "list_databases", "{}", "| main |"),
        new("mysql", "list_tables", "{}", "| support_tickets |", "| order_items |"),
        new("mysql", "describe_table", """{"table":"customers"}""", "| first_name | VARCHAR(60) |", "| country | CHAR(2) |"),
        new(
            "mysql",
            "execute_query",
            """{"sql":"SELECT id, first_name, last_name, city FROM customers ORDER BY id"}""",
            "| id | first_name | last_name | city |",
            "| 13 | Maya | Patel | San Francisco |",
            "| 1 | Liam | Nguyen | Portland |"
        ),
        new(
            "s3",
            "get_object",
            """{"bucket":"acme-engineering","key":"postmortems/2025-checkout-double-charge.md"}""",
            "The checkout recalculates the order total when a code is applied",
            "Alert on two captures for one order within 60 s"
        ),
        new("s3", "list_buckets", "{}", "acme-finance", "acme-marketing"),
        new("s3", "list_objects", """{"bucket":"acme-engineering"}""", "runbooks/deploy-storefront.md", "config/feature-flags.json"),
        new("s3", "search_objects", """{"bucket":"acme-finance","contains":"Brew"}""", "sales/2025-monthly-sales.csv"),
        new("shopify", "list_orders", "{}", "[#1044](", "| 194.00 |", "PARTIALLY_REFUNDED"),
        new(
            "shopify",
            "get_order",
            """{"order":"#1042"}""",
            "Maya Patel",
            "Customer was charged twice at checkout",
            "| Acme Brew Pro Grinder | Matte Black | ABP-BLK |",
            "REFUND"
        ),
        new("shopify", "list_products", "{}", "Precision Coffee Scale", "Cold Brew Kit"),
        new("shopify", "get_inventory", """{"sku":"ABP-STL"}""", "Brushed Steel", "| ABP-STL | 7 |"),
        new("slack", "read_messages", """{"channel":"#checkout-eng"}""", "Refund for #1042 went through (OPS-31). Thanks all!"),
        new(
            "slack",
            "search_messages",
            """{"query":"double charge"}""",
            "Checkout double-charge (ACME-142) is our top risk for the launch."
        ),
        new("slack", "list_channels", "{}", "checkout-eng", "Managers only"),
        new("slack", "list_users", "{}", "Carol Singh", "Frontend Engineer"),
        new("slack", "list_dms", "{}", "Sure, after standup.", "Dave Okafor"),
        // whoami: who the demo's credentials act as (Alice everywhere), as a connection test shows it.
        new("github", "whoami", "{}", "Alice Chen (@alice-chen) on ", "alice-chen"),
        new("google_workspace", "whoami", "{}", "alice@acme.test (Google Workspace)"),
        new("jira", "whoami", "{}", "Alice Chen (alice@acme.test) on ", "5f1a-alice"),
        new("mysql", "whoami", "{}", "SQLite 3.", ", file acme"),
        new("s3", "whoami", "{}", "S3rver on 127.0.0.1:", "123456789000"),
        new("shopify", "whoami", "{}", "Acme Brew (acme-brew.myshopify.com)", "shop.acme.test"),
        new("slack", "whoami", "{}", "Alice Chen (@alice) in Acme", "U0ALICE01"),
    ];

    public static TheoryData<ReadToolCase> Data() => new(All);
}
