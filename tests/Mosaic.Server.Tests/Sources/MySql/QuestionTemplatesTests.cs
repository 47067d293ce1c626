using Mosaic.Server.Sources.MySql.Offline;

namespace Mosaic.Server.Tests.Sources.MySql;

/// <summary>Question → SQL over the demo's schema (<see cref="DemoSchema"/>): fast, no database.</summary>
public sealed class QuestionTemplatesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private const string OrderColumns =
        "`order_number`, `financial_status`, `fulfillment_status`, `discount_code`, `subtotal`, `discount`, `total`, `created_at`";

    private const string TicketColumns = "`ticket_key`, `subject`, `status`, `priority`, `channel`, `created_at`, `updated_at`";

    public static TheoryData<string, string> Mapped =>
        new()
        {
            // Counts, with and without a filter on a named value.
            { "How many customers do we have?", "SELECT COUNT(*) AS `count` FROM `customers`" },
            { "How many rows are in the customers table?", "SELECT COUNT(*) AS `count` FROM `customers`" },
            { "how many orders are refunded", "SELECT COUNT(*) AS `count` FROM `orders` WHERE `financial_status` = 'refunded'" },
            { "how many open support tickets", "SELECT COUNT(*) AS `count` FROM `support_tickets` WHERE `status` = 'open'" },
            { "how many customers in the US", "SELECT COUNT(*) AS `count` FROM `customers` WHERE `country` = 'US'" },
            { "how many orders from Austin", "SELECT COUNT(*) AS `count` FROM `orders` WHERE `ship_city` = 'Austin'" },
            // A place the sample of values does not hold: compared as written, so the honest answer may be zero.
            { "how many customers in Berlin", "SELECT COUNT(*) AS `count` FROM `customers` WHERE LOWER(`city`) = 'berlin'" },
            // Grouped counts.
            {
                "How many orders are there per status?",
                "SELECT `financial_status`, COUNT(*) AS `count` FROM `orders` GROUP BY `financial_status` "
                    + "ORDER BY `count` DESC, `financial_status` LIMIT 50"
            },
            {
                "Run a SQL query counting support tickets by priority",
                "SELECT `priority`, COUNT(*) AS `count` FROM `support_tickets` GROUP BY `priority` "
                    + "ORDER BY `count` DESC, `priority` LIMIT 50"
            },
            {
                "How many customers per city?",
                "SELECT `city`, COUNT(*) AS `count` FROM `customers` GROUP BY `city` ORDER BY `count` DESC, `city` LIMIT 50"
            },
            // Top-N by a column of the table.
            {
                "Which products cost the most?",
                "SELECT `name`, `price` FROM `products` WHERE `price` IS NOT NULL ORDER BY `price` DESC, `id` LIMIT 5"
            },
            {
                "Top 3 products by stock",
                "SELECT `name`, `stock` FROM `products` WHERE `stock` IS NOT NULL ORDER BY `stock` DESC, `id` LIMIT 3"
            },
            {
                "Which products are low on stock?",
                "SELECT `name`, `stock` FROM `products` WHERE `stock` IS NOT NULL ORDER BY `stock` ASC, `id` LIMIT 5"
            },
            {
                "cheapest Coffee products",
                "SELECT `name`, `price` FROM `products` WHERE `category` = 'Coffee' AND `price` IS NOT NULL "
                    + "ORDER BY `price` ASC, `id` LIMIT 5"
            },
            {
                "top 100 orders",
                $"SELECT `order_number`, `total` FROM `orders` WHERE `total` IS NOT NULL ORDER BY `total` DESC, `id` LIMIT 50"
            },
            // Top-N by an aggregate over the table that points at it.
            {
                "Which customers spent the most?",
                "SELECT s.`first_name` AS `first_name`, s.`last_name` AS `last_name`, COALESCE(SUM(r.`total`), 0) AS `total_spent`, "
                    + "COUNT(r.`customer_id`) AS `orders` FROM `customers` AS s LEFT JOIN `orders` AS r ON r.`customer_id` = s.`id` "
                    + "GROUP BY s.`id`, s.`first_name`, s.`last_name` ORDER BY `total_spent` DESC, s.`id` LIMIT 5"
            },
            {
                "Which customers have the highest lifetime value?",
                "SELECT s.`first_name` AS `first_name`, s.`last_name` AS `last_name`, COALESCE(SUM(r.`total`), 0) AS `lifetime_value`, "
                    + "COUNT(r.`customer_id`) AS `orders` FROM `customers` AS s LEFT JOIN `orders` AS r ON r.`customer_id` = s.`id` "
                    + "GROUP BY s.`id`, s.`first_name`, s.`last_name` ORDER BY `lifetime_value` DESC, s.`id` LIMIT 5"
            },
            {
                "Which customers have the most support tickets?",
                "SELECT s.`first_name` AS `first_name`, s.`last_name` AS `last_name`, "
                    + "COALESCE(COUNT(r.`customer_id`), 0) AS `support_tickets` "
                    + "FROM `customers` AS s LEFT JOIN `support_tickets` AS r ON r.`customer_id` = s.`id` "
                    + "GROUP BY s.`id`, s.`first_name`, s.`last_name` ORDER BY `support_tickets` DESC, s.`id` LIMIT 5"
            },
            {
                "best-selling products",
                "SELECT s.`name` AS `name`, COALESCE(SUM(r.`quantity`), 0) AS `units_sold`, COUNT(r.`product_id`) AS `order_items` "
                    + "FROM `products` AS s LEFT JOIN `order_items` AS r ON r.`product_id` = s.`id` "
                    + "GROUP BY s.`id`, s.`name` ORDER BY `units_sold` DESC, s.`id` LIMIT 5"
            },
            // Latest-N by the table's date.
            { "latest orders", $"SELECT {OrderColumns} FROM `orders` ORDER BY `created_at` DESC, `id` DESC LIMIT 5" },
            {
                "newest 2 customers",
                "SELECT `first_name`, `last_name`, `city`, `country`, `created_at` FROM `customers` "
                    + "ORDER BY `created_at` DESC, `id` DESC LIMIT 2"
            },
            {
                "most recent support tickets",
                $"SELECT {TicketColumns} FROM `support_tickets` ORDER BY `created_at` DESC, `id` DESC LIMIT 5"
            },
            // Rows a named value keeps.
            {
                "open support tickets",
                $"SELECT {TicketColumns} FROM `support_tickets` WHERE `status` = 'open' ORDER BY `created_at` DESC, `id` DESC LIMIT 50"
            },
            {
                "orders paid with BREW10",
                $"SELECT {OrderColumns} FROM `orders` WHERE `discount_code` = 'BREW10' ORDER BY `created_at` DESC, `id` DESC LIMIT 50"
            },
            {
                "Which orders are partially refunded?",
                $"SELECT {OrderColumns} FROM `orders` WHERE `financial_status` = 'partially_refunded' "
                    + "ORDER BY `created_at` DESC, `id` DESC LIMIT 50"
            },
            { "Show me order #1042", "SELECT * FROM `orders` WHERE `order_number` = 1042 ORDER BY `id` LIMIT 5" },
            // A row named by its number, and a comparison with a number.
            {
                "What is the total of order 1042 in the database?",
                "SELECT * FROM `orders` WHERE `order_number` = 1042 ORDER BY `id` LIMIT 5"
            },
            {
                "Which active products in the database have fewer than 10 in stock?",
                "SELECT `name`, `sku`, `category`, `price`, `stock`, `status`, `launched_on` FROM `products` "
                    + "WHERE `status` = 'active' AND `stock` < 10 ORDER BY `launched_on` DESC, `id` DESC LIMIT 50"
            },
            {
                "Which support tickets were updated in the last 3 days?",
                $"SELECT {TicketColumns} FROM `support_tickets` WHERE `updated_at` >= '2025-05-30 12:00:00' "
                    + "AND `updated_at` < '2025-06-02 12:00:00' ORDER BY `updated_at` DESC, `id` DESC LIMIT 50"
            },
            // Sums and averages, over a period as literal bounds.
            {
                "revenue in the last 7 days",
                "SELECT SUM(`total`) AS `total`, COUNT(`total`) AS `count` FROM `orders` "
                    + "WHERE `created_at` >= '2025-05-26 12:00:00' AND `created_at` < '2025-06-02 12:00:00'"
            },
            {
                "revenue yesterday",
                "SELECT SUM(`total`) AS `total`, COUNT(`total`) AS `count` FROM `orders` "
                    + "WHERE `created_at` >= '2025-06-01 00:00:00' AND `created_at` < '2025-06-02 00:00:00'"
            },
            {
                "average order value last month",
                "SELECT AVG(`total`) AS `average`, COUNT(`total`) AS `count` FROM `orders` "
                    + "WHERE `created_at` >= '2025-05-01 00:00:00' AND `created_at` < '2025-06-01 00:00:00'"
            },
            { "What's the total stock?", "SELECT SUM(`stock`) AS `total`, COUNT(`stock`) AS `count` FROM `products`" },
            { "what is the average price of products", "SELECT AVG(`price`) AS `average`, COUNT(`price`) AS `count` FROM `products`" },
            // A table by name: its rows.
            { "the orders table", "SELECT * FROM `orders` ORDER BY `id` LIMIT 20" },
            { "customers", "SELECT * FROM `customers` ORDER BY `id` LIMIT 20" },
        };

    [Theory]
    [MemberData(nameof(Mapped))]
    public void Each_question_shape_maps_to_one_statement(string question, string sql)
    {
        var query = Build(question);

        Assert.NotNull(query);
        Assert.Equal(sql, query.Sql);
    }

    [Theory]
    [InlineData("What is going on?")] // no table
    [InlineData("Who is working on ACME-142?")]
    [InlineData("What's the weather in Paris?")] // a place, but no table
    [InlineData("How many meetings do I have tomorrow?")] // a count of something the schema does not have
    [InlineData("Which customers are happiest?")] // a table, and a word no template explains
    [InlineData("How many customers ordered a grinder?")] // answering "13 customers" would answer another question
    [InlineData("Which channels can I see?")]
    [InlineData("How many orders per weather?")] // "per" names no column
    public void Questions_no_template_fits_do_not_map(string question) => Assert.Null(Build(question));

    [Fact]
    public void A_period_on_a_table_without_dates_does_not_map() =>
        Assert.Null(Build("how many order items yesterday", new PeriodSpan(Now.AddDays(-1), Now, "yesterday")));

    [Fact]
    public void Identifiers_come_from_the_schema_and_values_are_escaped_literals()
    {
        var table = new DbTable("we`ird", [new("id", "int", true), new("city", "varchar(40)"), new("created_at", "datetime")]);
        var schema = new DbSchema([table]);
        var values = new Dictionary<string, IReadOnlyList<string>> { ["city"] = ["O'Hare"] };

        var query = QuestionTemplates.Build(new QuestionReading("how many we`ird in O'Hare", schema), values);

        Assert.Equal("SELECT COUNT(*) AS `count` FROM `we``ird` WHERE `city` = 'O''Hare'", query?.Sql);
        // A backslash cannot be written the same way for MySQL and SQLite: that value is not used.
        Assert.Null(SqlText.Literal("a\\' OR 1=1"));
        Assert.Null(QuestionTemplates.Build(new QuestionReading("how many we`ird in Ber\\lin", schema), values));
    }

    [Fact]
    public void The_values_query_reads_a_sample_of_each_short_text_column_in_one_statement()
    {
        var tickets = DemoSchema.Table("support_tickets");
        var sql = SchemaReader.ValuesSql(tickets, [.. tickets.Columns.Where(c => c.IsShortText)]);

        Assert.Equal(
            string.Join(
                " UNION ALL ",
                new[] { "ticket_key", "status", "priority", "channel" }.Select(
                    (c, i) =>
                        $"SELECT {i} AS `c`, `v` FROM (SELECT DISTINCT `{c}` AS `v` FROM `support_tickets` "
                        + $"WHERE `{c}` IS NOT NULL LIMIT 50) AS `d{i}`"
                )
            ),
            sql
        );
    }

    public static OfflineQuery? Build(string question, PeriodSpan? period = null)
    {
        period ??= PeriodOf(question);
        var q = new QuestionReading(question, DemoSchema.Schema, period);
        var table = QuestionTemplates.Subject(q);
        return QuestionTemplates.Build(q, table is null ? new Dictionary<string, IReadOnlyList<string>>() : DemoSchema.Values(table.Name));
    }

    /// <summary>The lead's QuestionPeriod at a fixed clock, so these tests never depend on the hour.</summary>
    private static PeriodSpan? PeriodOf(string question) =>
        Mosaic.Server.Sources.QuestionPeriod.Find(question, Now) is { } p ? new PeriodSpan(p.Start, p.End, p.Label) : null;
}
