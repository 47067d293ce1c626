using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Sources;
using Mosaic.Server.Sources.MySql;

namespace Mosaic.Server.Tests.Sources.MySql;

/// <summary>
/// A question, the lead its answer must have (a regex), and one independent SQL per captured group: the numbers and
/// names in the answer must be what those queries say over the same data. {start} and {end} are the question's period.
/// </summary>
public sealed record AnswerCase(string Question, string Lead, params string[] Independent)
{
    public override string ToString() => Question;
}

public static class OfflineAnswerCases
{
    /// <summary>Shapes whose answer holds whatever day the database's dates were moved to (MariaDB's copy moves them to now).</summary>
    public static TheoryData<string> AnyDay =>
        new(Cases.Where(c => !c.Question.Contains("yesterday") && !c.Question.Contains("month")).Select(c => c.Question));

    public static TheoryData<string> All => new(Cases.Select(c => c.Question));

    public static readonly AnswerCase[] Cases =
    [
        new("How many customers do we have?", @"There are \*\*(\d+)\*\* customers\.", "SELECT COUNT(*) FROM customers"),
        new(
            "how many orders are refunded",
            @"There is \*\*(\d+)\*\* refunded order\.",
            "SELECT COUNT(*) FROM orders WHERE financial_status = 'refunded'"
        ),
        new(
            "how many open support tickets",
            @"There are \*\*(\d+)\*\* open support tickets\.",
            "SELECT COUNT(*) FROM support_tickets WHERE status = 'open'"
        ),
        new(
            "how many customers in Berlin",
            @"There are \*\*(\d+)\*\* customers in Berlin\.",
            "SELECT COUNT(*) FROM customers WHERE city = 'Berlin'"
        ),
        new(
            "How many orders are there per status?",
            @"Orders per financial status: \*\*(\w+)\*\* has the most, (\d+) of (\d+)\.",
            "SELECT financial_status FROM orders GROUP BY financial_status ORDER BY COUNT(*) DESC LIMIT 1",
            "SELECT COUNT(*) FROM orders GROUP BY financial_status ORDER BY COUNT(*) DESC LIMIT 1",
            "SELECT COUNT(*) FROM orders"
        ),
        new(
            "Which customers spent the most?",
            @"(\w+) (\w+) spent the most: ([\d,.]+) over (\d+) orders\.",
            $"SELECT c.first_name {TopSpender}",
            $"SELECT c.last_name {TopSpender}",
            $"SELECT SUM(o.total) {TopSpender}",
            $"SELECT COUNT(*) {TopSpender}"
        ),
        new(
            "Which products cost the most?",
            @"(.+) has the highest price: ([\d,.]+)\.",
            "SELECT name FROM products ORDER BY price DESC, id LIMIT 1",
            "SELECT MAX(price) FROM products"
        ),
        new(
            "Top 5 products by stock",
            @"(.+) has the highest stock: (\d+)\.",
            "SELECT name FROM products ORDER BY stock DESC, id LIMIT 1",
            "SELECT MAX(stock) FROM products"
        ),
        new(
            "latest orders",
            @"The latest order is #(\d+), from .+\.",
            "SELECT order_number FROM orders ORDER BY created_at DESC, id DESC LIMIT 1"
        ),
        new(
            "newest customers",
            @"The latest customer is (\w+) (\w+), from .+\.",
            "SELECT first_name FROM customers ORDER BY created_at DESC, id DESC LIMIT 1",
            "SELECT last_name FROM customers ORDER BY created_at DESC, id DESC LIMIT 1"
        ),
        new(
            "most recent support tickets",
            @"The latest support ticket is (SUP-\d+) \(.+\), from .+\.",
            "SELECT ticket_key FROM support_tickets ORDER BY created_at DESC, id DESC LIMIT 1"
        ),
        new(
            "open support tickets",
            @"There are \*\*(\d+)\*\* open support tickets\.",
            "SELECT COUNT(*) FROM support_tickets WHERE status = 'open'"
        ),
        new(
            "orders paid with BREW10",
            @"There are \*\*(\d+)\*\* orders with discount code BREW10\.",
            "SELECT COUNT(*) FROM orders WHERE discount_code = 'BREW10'"
        ),
        new(
            "revenue in the last 7 days",
            @"Revenue from orders in the last 7 days: \*\*([\d,.]+)\*\* over (\d+) orders \(the sum of total\)\.",
            $"SELECT SUM(total) FROM orders {InPeriod}",
            $"SELECT COUNT(*) FROM orders {InPeriod}"
        ),
        new(
            "average order value last month",
            @"Average total of orders last month: \*\*([\d,.]+)\*\* over (\d+) orders\.",
            $"SELECT AVG(total) FROM orders {InPeriod}",
            $"SELECT COUNT(*) FROM orders {InPeriod}"
        ),
        new(
            "revenue yesterday",
            @"Revenue from orders yesterday: \*\*([\d,.]+)\*\* over (\d+) orders \(the sum of total\)\.",
            $"SELECT SUM(total) FROM orders {InPeriod}",
            $"SELECT COUNT(*) FROM orders {InPeriod}"
        ),
    ];

    private const string TopSpender =
        "FROM customers c JOIN orders o ON o.customer_id = c.id "
        + "WHERE c.id = (SELECT customer_id FROM orders GROUP BY customer_id ORDER BY SUM(total) DESC, customer_id LIMIT 1) "
        + "GROUP BY c.id, c.first_name, c.last_name";

    private const string InPeriod = "WHERE created_at >= '{start}' AND created_at < '{end}'";

    /// <summary>
    /// Plans the question with MySQL's own Offline plan, makes the planned call through the hub (the real connector),
    /// and renders it as the chat does. Returns the call and the answer's markdown.
    /// </summary>
    public static async Task<(PlannedCall Call, string Answer)> AskAsync(
        IServiceProvider services,
        string userId,
        string question,
        DateTimeOffset now
    )
    {
        var hub = services.GetRequiredService<IMcpHub>();
        var q = new OfflineQuestion(userId, question, hub, NullLogger.Instance, now);
        var call = await new MySqlSource().PlanOfflineAsync(q, CancellationToken.None);
        Assert.NotNull(call);
        var args = call.Arguments.ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value));
        var result = await hub.CallToolAsync(userId, MySqlSource.Id, call.Tool, args, CancellationToken.None);
        Assert.False(result.IsError, result.Text);
        var answer = call.Answer is { } a
            ? AnswerRenderer.Render(call.Tool, a, result.IsError, result.Text, result.Structured)
            : MarkdownRenderer.Render(call.Tool, result.IsError, result.Text, result.Structured);
        return (call, answer);
    }

    /// <summary>
    /// The answer leads with the case's sentence, every captured value equals its independent query's, and the SQL is shown.
    /// </summary>
    public static async Task AssertAnswersAsync(
        IServiceProvider services,
        string userId,
        string question,
        DateTimeOffset now,
        Func<string, Task<object?>> scalar
    )
    {
        var c = Cases.Single(x => x.Question == question);
        var (call, answer) = await AskAsync(services, userId, question, now);
        Assert.Equal("execute_query", call.Tool);
        Assert.Contains($"```sql\n{call.Arguments["sql"]}\n```", answer);

        var lead = answer.Split('\n')[0];
        var match = Regex.Match(lead, $"^{c.Lead}$");
        Assert.True(match.Success, $"{question}\n{answer}");
        var period = QuestionPeriod.Find(question, now);
        for (var i = 0; i < c.Independent.Length; i++)
        {
            var sql = c.Independent[i];
            if (period is not null)
                sql = sql.Replace("{start}", Stamp(period.Start)).Replace("{end}", Stamp(period.End));
            var expected = await scalar(sql);
            var actual = match.Groups[i + 1].Value;
            if (expected is string text)
                Assert.Equal(text, actual);
            else
                // Money is shown with two decimals and averages to two places: equal to the cent.
                Assert.True(
                    Math.Abs(
                        Convert.ToDecimal(expected, CultureInfo.InvariantCulture)
                            - decimal.Parse(actual.Replace(",", ""), CultureInfo.InvariantCulture)
                    ) < 0.006m,
                    $"{question}: group {i + 1} is {actual}, {sql} says {expected}\n{answer}"
                );
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
