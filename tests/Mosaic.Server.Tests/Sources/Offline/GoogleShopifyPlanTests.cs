using Mosaic.Server.Sources.GoogleWorkspace;
using Mosaic.Server.Sources.Shopify;
using static Mosaic.Server.Tests.Sources.Offline.Plans;

namespace Mosaic.Server.Tests.Sources.Offline;

/// <summary>Google Workspace's and Shopify's Offline plans (the clock is Monday 2025-06-16 15:00 UTC).</summary>
public sealed class GoogleShopifyPlanTests
{
    private static readonly GoogleWorkspaceSource Google = new();
    private static readonly ShopifySource Shopify = new();

    public static TheoryData<string, string, string, bool> GoogleShapes =>
        new()
        {
            // A calendar week read forward: today and the 7 days after it.
            {
                "What's on my calendar this week?",
                "get_events",
                """{"time_min":"2025-06-16T00:00:00Z","time_max":"2025-06-24T00:00:00Z"}""",
                false
            },
            {
                "What meetings do I have tomorrow?",
                "get_events",
                """{"time_min":"2025-06-17T00:00:00Z","time_max":"2025-06-18T00:00:00Z"}""",
                false
            },
            {
                "When is my next meeting?",
                "get_events",
                """{"time_min":"2025-06-16T15:00:00Z","time_max":"2025-07-16T15:00:00Z","limit":1}""",
                false
            },
            // A period that reaches back: the meetings already had.
            {
                "Which meetings did I have in the last 7 days?",
                "get_events",
                """{"time_min":"2025-06-09T15:00:00Z","time_max":"2025-06-16T15:00:00Z"}""",
                false
            },
            { "Which emails did I get in the last 24 hours?", "list_messages", """{"query":"after:1749999600"}""", false },
            { "Search Drive for the Acme Brew Pro launch plan", "search_drive_files", """{"query":"Acme Brew Pro launch plan"}""", false },
            { "Find the launch plan doc in Drive", "search_drive_files", """{"query":"launch plan"}""", false },
            { "Show my latest emails", "list_messages", "{}", false },
            { "Any unread emails from Maya?", "list_messages", """{"query":"is:unread from:maya"}""", false },
            { "Show my last 3 emails", "list_messages", """{"limit":3}""", false },
            // No calendar, Drive or mail words: Gmail searched for the question's words, as the catch-all.
            { "Anything about the launch?", "list_messages", """{"query":"launch"}""", true },
        };

    [Theory]
    [MemberData(nameof(GoogleShapes))]
    public async Task Google_question_shapes_get_their_own_call(string question, string tool, string arguments, bool fallback)
    {
        var call = await PlanAsync(Google, question);

        Assert.Equal((tool, arguments, fallback), (call.Tool, Arguments(call), call.Fallback));
    }

    [Fact]
    public async Task Calendar_email_and_Drive_leads_name_the_first_item()
    {
        var week = await PlanAsync(Google, "What's on my calendar this week?");
        var next = await PlanAsync(Google, "When is my next meeting?");
        var mail = await PlanAsync(Google, "Show my latest emails");
        const string events = """
            {"events":[{"id":"1","summary":"Checkout incident sync (ACME-142)","start":"2025-06-16T18:00:00Z","link":"http://x/1"},
                       {"id":"2","summary":"Team lunch","start":"2025-06-17T18:00:00Z","link":"http://x/2"}],"returned":2}
            """;

        Assert.Equal(
            "You have 2 events in the next 7 days; the first is “Checkout incident sync (ACME-142)” at 2025-06-16T18:00:00Z.",
            Lead(week, events)
        );
        Assert.Equal("Your next meeting is “Checkout incident sync (ACME-142)” at 2025-06-16T18:00:00Z.", Lead(next, events));
        Assert.Equal(
            "Your latest e-mail is from Maya Patel <maya@example.com>: “Charged twice for my order #1042” (2025-06-15T19:00:00Z).",
            Lead(
                mail,
                """
                {"messages":[{"id":"m","from":"Maya Patel <maya@example.com>","subject":"Charged twice for my order #1042",
                  "date":"2025-06-15T19:00:00Z"}],"returned":1}
                """
            )
        );
        Assert.Equal("your calendar in the next 7 days", week.Answer!.Searched);
    }

    public static TheoryData<string, string, string, bool> ShopifyShapes =>
        new()
        {
            { "Show order #1042", "get_order", """{"order":"#1042"}""", false },
            { "Show the most recent orders", "list_orders", """{"limit":10}""", false },
            { "Show the 5 most recent orders", "list_orders", """{"limit":5}""", false },
            { "How many orders did we get this week?", "list_orders", """{"created_after":"2025-06-16T00:00:00Z","limit":50}""", false },
            {
                "Any refunds for Maya?",
                "list_orders",
                """{"query":"financial_status:refunded maya OR financial_status:partially_refunded maya","limit":10}""",
                false
            },
            { "Is the grinder in stock?", "list_products", """{"query":"grinder"}""", false },
            { "How much stock of ABP-BLK is left?", "get_inventory", """{"sku":"ABP-BLK"}""", false },
            { "How much stock of the Acme Brew Pro Brushed Steel do we have?", "list_products", """{"query":"acme brew pro"}""", false },
            { "Which orders were cancelled?", "list_orders", """{"status":"cancelled","limit":10}""", false },
            { "Which orders used the discount code SPRING5?", "list_orders", """{"query":"discount_code:SPRING5","limit":10}""", false },
            { "List our products", "list_products", "{}", false },
            { "Show the grinder products", "list_products", """{"query":"grinder"}""", false },
            // Neither orders nor products named: orders searched for the question's words, as the catch-all.
            { "Anything from Maya?", "list_orders", """{"query":"maya","limit":10}""", true },
        };

    [Theory]
    [MemberData(nameof(ShopifyShapes))]
    public async Task Shopify_question_shapes_get_their_own_call(string question, string tool, string arguments, bool fallback)
    {
        var call = await PlanAsync(Shopify, question);

        Assert.Equal((tool, arguments, fallback), (call.Tool, Arguments(call), call.Fallback));
    }

    [Fact]
    public async Task An_order_leads_with_its_payment_and_fulfilment_status_in_money_with_two_decimals()
    {
        var call = await PlanAsync(Shopify, "What is the status of order #1042?");
        const string order = """
            {"name":"#1042","id":"1","financial_status":"PARTIALLY_REFUNDED","fulfillment_status":"FULFILLED","customer":"Maya Patel",
             "currency":"USD","subtotal":"249.0","total":"224.1","refunded":"224.1","line_items":[],"transactions":[],"refunds":[],
             "url":"http://x/admin/orders/1"}
            """;

        Assert.Equal(
            "Order #1042 is **PARTIALLY_REFUNDED** and **FULFILLED**: 224.10 USD for Maya Patel, 224.10 refunded.",
            Lead(call, order)
        );
    }

    [Fact]
    public async Task A_stock_question_names_each_matching_product_with_its_variants_stock()
    {
        var call = await PlanAsync(Shopify, "Is the grinder in stock?");
        const string products = """
            {"products":[
              {"title":"Acme Brew Pro Grinder","variants":[{"title":"Matte Black","inventory":45},{"title":"Brushed Steel","inventory":7}]},
              {"title":"Acme Brew Classic Grinder","variants":[{"title":"Default Title","inventory":138}]}],"returned":2}
            """;

        Assert.Equal(
            "Acme Brew Pro Grinder: Matte Black **45** and Brushed Steel **7**; Acme Brew Classic Grinder: **138** available.",
            Lead(call, products)
        );
    }

    [Fact]
    public async Task Low_stock_keeps_only_the_products_with_a_variant_at_or_below_the_threshold_and_names_them()
    {
        const string products = """
            {"products":[
              {"title":"Gooseneck Electric Kettle","status":"ACTIVE","total_inventory":68,
               "variants":[{"title":"Black","sku":"KTL-GN-BLK","inventory":64},{"title":"White","sku":"KTL-GN-WHT","inventory":4}]},
              {"title":"Precision Coffee Scale","status":"ACTIVE","total_inventory":2,"variants":[{"title":"Default Title","inventory":2}]},
              {"title":"Paper Filters (100 pack)","status":"ACTIVE","total_inventory":560,
               "variants":[{"title":"Default Title","inventory":560}]}
            ],"returned":3}
            """;
        var hub = new CannedHub(new() { ["list_products"] = products });

        var call = await PlanAsync(Shopify, "Which products are low on stock?", hub);

        Assert.Equal(("list_products", """{"status":"active","limit":50}"""), (call.Tool, Arguments(call)));
        Assert.Equal(["Gooseneck Electric Kettle", "Precision Coffee Scale"], call.Answer!.Focus);
        Assert.Equal(
            "2 items are low on stock (10 or fewer available): Gooseneck Electric Kettle, White (KTL-GN-WHT: **4**) and "
                + "Precision Coffee Scale (**2**).",
            Lead(call, products)
        );
    }

    [Fact]
    public async Task Low_stock_with_nothing_low_searches_for_it_so_the_answer_says_nothing_was_found()
    {
        var hub = new CannedHub(
            new() { ["list_products"] = """{"products":[{"title":"Filters","variants":[{"inventory":500}]}],"returned":1}""" }
        );

        var call = await PlanAsync(Shopify, "Which products are running low, under 3?", hub);

        Assert.Equal(("list_products", """{"query":"inventory_total:<=3","status":"active"}"""), (call.Tool, Arguments(call)));
        Assert.Equal("active products with 3 or fewer units available", call.Answer!.Searched);
    }
}
