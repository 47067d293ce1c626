using Mosaic.Server.Sources.MySql.Offline;

namespace Mosaic.Server.Tests.Sources.MySql;

/// <summary>
/// The demo database's schema (src/Mosaic.Sandbox/Demo/acme-mysql.sql) as describe_table reports it on MariaDB, and a
/// sample of its short columns' values as the values query returns them: the fixed input of the template tests.
/// </summary>
public static class DemoSchema
{
    public static DbSchema Schema { get; } =
        new([
            Table(
                "customers",
                "id int(11) PRI",
                "first_name varchar(60)",
                "last_name varchar(60)",
                "email varchar(120)",
                "city varchar(80)",
                "country char(2)",
                "created_at datetime"
            ),
            Table(
                "order_items",
                "id int(11) PRI",
                "order_id int(11)",
                "product_id int(11)",
                "quantity int(11)",
                "unit_price decimal(10,2)"
            ),
            Table(
                "orders",
                "id int(11) PRI",
                "order_number int(11)",
                "customer_id int(11)",
                "financial_status varchar(30)",
                "fulfillment_status varchar(30)",
                "discount_code varchar(30)",
                "subtotal decimal(10,2)",
                "discount decimal(10,2)",
                "total decimal(10,2)",
                "currency char(3)",
                "ship_city varchar(80)",
                "created_at datetime"
            ),
            Table(
                "payments",
                "id int(11) PRI",
                "order_id int(11)",
                "kind varchar(20)",
                "amount decimal(10,2)",
                "processor_ref varchar(40)",
                "created_at datetime"
            ),
            Table(
                "products",
                "id int(11) PRI",
                "sku varchar(40)",
                "name varchar(120)",
                "category varchar(40)",
                "price decimal(10,2)",
                "stock int(11)",
                "status varchar(20)",
                "launched_on date"
            ),
            Table(
                "support_tickets",
                "id int(11) PRI",
                "ticket_key varchar(20)",
                "customer_id int(11)",
                "order_id int(11)",
                "subject varchar(200)",
                "status varchar(20)",
                "priority varchar(10)",
                "channel varchar(10)",
                "assignee varchar(120)",
                "body text",
                "created_at datetime",
                "updated_at datetime"
            ),
        ]);

    public static DbTable Table(string name) => Schema.Table(name)!;

    /// <summary>The values query's answer per table (what the demo holds).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Values(string table) =>
        table switch
        {
            "customers" => new Dictionary<string, IReadOnlyList<string>>
            {
                ["first_name"] = ["Liam", "Sofia", "Noah", "Amara", "Maya"],
                ["last_name"] = ["Nguyen", "Rossi", "Fischer", "Okoye", "Patel"],
                ["city"] = ["Portland", "Seattle", "Denver", "Austin", "San Francisco", "Chicago", "Boston"],
                ["country"] = ["US"],
            },
            "orders" => new Dictionary<string, IReadOnlyList<string>>
            {
                ["financial_status"] = ["paid", "refunded", "partially_refunded", "pending", "authorized"],
                ["fulfillment_status"] = ["fulfilled", "unfulfilled", "partially_fulfilled"],
                ["discount_code"] = ["WELCOME5", "BREW10"],
                ["currency"] = ["USD"],
                ["ship_city"] = ["Austin", "Portland", "Seattle", "Denver", "Chicago", "Boston", "San Francisco"],
            },
            "products" => new Dictionary<string, IReadOnlyList<string>>
            {
                ["category"] = ["Grinder", "Kettle", "Brewer", "Coffee", "Accessory"],
                ["status"] = ["active", "draft", "archived"],
            },
            "support_tickets" => new Dictionary<string, IReadOnlyList<string>>
            {
                ["status"] = ["solved", "pending", "open"],
                ["priority"] = ["normal", "low", "high"],
                ["channel"] = ["email", "chat"],
            },
            _ => new Dictionary<string, IReadOnlyList<string>>(),
        };

    private static DbTable Table(string name, params string[] columns) =>
        new(name, [.. columns.Select(c => c.Split(' ')).Select(p => new DbColumn(p[0], p[1], p.Length > 2 && p[2] == "PRI"))]);
}
