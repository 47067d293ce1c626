using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Sources.MySql;

/// <summary>MySQL's Offline answers run for real: the plan, the connector on the demo's SQLite file, the renderer.</summary>
public sealed class SqliteOfflineAnswerTests(SqliteDemoFixture fx) : IClassFixture<SqliteDemoFixture>
{
    [Theory]
    [MemberData(nameof(OfflineAnswerCases.All), MemberType = typeof(OfflineAnswerCases))]
    public Task The_answer_leads_with_the_numbers_the_data_has(string question) =>
        OfflineAnswerCases.AssertAnswersAsync(fx.App.Services, fx.User.Id, question, SqliteDemoFixture.Now, fx.ScalarAsync);

    [Fact]
    public async Task A_named_table_shows_its_rows_and_the_keyword_routes_keep_their_tools()
    {
        var (table, answer) = await OfflineAnswerCases.AskAsync(fx.App.Services, fx.User.Id, "the orders table", SqliteDemoFixture.Now);
        Assert.Equal("SELECT * FROM `orders` ORDER BY `id` LIMIT 20", table.Arguments["sql"]);
        Assert.Contains("| 1001 |", answer);
        Assert.Contains("| 1020 |", answer);
        Assert.DoesNotContain("| 1021 |", answer);

        var (tables, listed) = await OfflineAnswerCases.AskAsync(fx.App.Services, fx.User.Id, "show tables", SqliteDemoFixture.Now);
        Assert.Equal("list_tables", tables.Tool);
        Assert.False(tables.Fallback);
        Assert.Contains("support_tickets", listed);

        var (describe, columns) = await OfflineAnswerCases.AskAsync(
            fx.App.Services,
            fx.User.Id,
            "Describe the orders table",
            SqliteDemoFixture.Now
        );
        Assert.Equal("describe_table", describe.Tool);
        Assert.Equal("orders", describe.Arguments["table"]);
        Assert.Contains("financial_status", columns);
    }

    [Fact]
    public async Task A_question_no_template_fits_falls_back_to_the_tables()
    {
        var (call, answer) = await OfflineAnswerCases.AskAsync(
            fx.App.Services,
            fx.User.Id,
            "Which customers are happiest?",
            SqliteDemoFixture.Now
        );

        Assert.Equal("list_tables", call.Tool);
        Assert.True(call.Fallback);
        Assert.StartsWith("No query I can write answers that as asked", answer);
        Assert.Contains("| support_tickets |", answer);
    }

    [Fact]
    public async Task The_UI_example_question_is_answered_in_chat_with_the_SQL_that_ran()
    {
        await using var sse = await SseStream.OpenAsync(
            fx.User.Http,
            new { message = "How many orders are there per status?", datasource = "mysql" }
        );
        var events = await sse.ReadToEndAsync();

        var start = Assert.Single(events, e => SseStream.Type(e) == "tool_start");
        Assert.Equal("execute_query", start.GetProperty("tool").GetString());
        var text = string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));
        var paid = await fx.ScalarAsync("SELECT COUNT(*) FROM orders WHERE financial_status = 'paid'");
        var all = await fx.ScalarAsync("SELECT COUNT(*) FROM orders");
        Assert.StartsWith($"Orders per financial status: **paid** has the most, {paid} of {all}.", text.TrimStart());
        Assert.Contains("| partially_refunded | 2 |", text);
        Assert.Contains("```sql\nSELECT `financial_status`, COUNT(*) AS `count` FROM `orders` GROUP BY `financial_status`", text);
    }
}
