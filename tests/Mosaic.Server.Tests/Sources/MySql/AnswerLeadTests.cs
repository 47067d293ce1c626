using System.Text.Json;
using Mosaic.Server.Sources.MySql.Offline;

namespace Mosaic.Server.Tests.Sources.MySql;

/// <summary>The sentence each template's answer leads with, read from result rows as the renderer hands them over.</summary>
public sealed class AnswerLeadTests
{
    [Fact]
    public void Rows_tied_with_the_first_are_named_with_it() =>
        Assert.Equal(
            "Precision Coffee Scale, Cold Brew Kit and Descaling Solution have the lowest stock: 0.",
            Lead(
                "Which products are low on stock?",
                """[{"name":"Precision Coffee Scale","stock":0},{"name":"Cold Brew Kit","stock":0},"""
                    + """{"name":"Descaling Solution","stock":0},{"name":"Gooseneck Electric Kettle - White","stock":3}]"""
            )
        );

    [Fact]
    public void Money_reads_with_two_decimals_as_the_data_writes_it() =>
        Assert.Equal(
            "Amara Okoye spent the most: 1480.00 over 6 orders.",
            Lead("Which customers spent the most?", """[{"first_name":"Amara","last_name":"Okoye","total_spent":1480.0,"orders":6}]""")
        );

    [Fact]
    public void One_row_is_said_in_the_singular_and_a_period_in_the_past() =>
        Assert.Equal("There is **1** refunded order.", Lead("how many orders are refunded", """[{"count":1}]"""));

    [Fact]
    public void Nothing_in_the_period_is_said_as_such() =>
        Assert.Equal("There were no orders yesterday.", Lead("revenue yesterday", """[{"total":null,"count":0}]"""));

    [Fact]
    public void A_grouped_count_names_the_biggest_group_and_the_whole() =>
        Assert.Equal(
            "Support tickets per priority: **normal** has the most, 7 of 12.",
            Lead(
                "Run a SQL query counting support tickets by priority",
                """[{"priority":"normal","count":7},{"priority":"high","count":3},{"priority":"low","count":2}]"""
            )
        );

    [Fact]
    public void The_latest_row_is_named_by_its_key_and_name() =>
        Assert.Equal(
            "The latest open support ticket is SUP-2040 (Pre-order the Acme Brew Pro in steel?), from 2025-06-01 16:00:00.",
            Lead(
                "latest open support tickets",
                """[{"ticket_key":"SUP-2040","subject":"Pre-order the Acme Brew Pro in steel?","created_at":"2025-06-01 16:00:00"}]"""
            )
        );

    [Fact]
    public void A_row_named_by_number_leads_with_the_column_asked_for() =>
        Assert.Equal(
            "Order #1042 has total **224.10**.",
            Lead("What is the total of order 1042 in the database?", """[{"order_number":1042,"total":224.1}]""")
        );

    [Fact]
    public void No_rows_leave_the_not_found_answer_to_the_renderer() => Assert.Null(Lead("open support tickets", "[]"));

    private static string? Lead(string question, string rows)
    {
        var query = QuestionTemplatesTests.Build(question);
        Assert.NotNull(query);
        return query.Lead(JsonSerializer.Deserialize<JsonElement[]>(rows)!, false);
    }
}
