using System.Text.Json;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Tests.Offline;

/// <summary>How a planned call's answer reads: the fact first, only the items that back it, and "nothing found" said as such.</summary>
public sealed class AnswerRendererTests
{
    private const string Products = """
        {"products":[
          {"title":"Precision Coffee Scale","total_inventory":2,"url":"http://sandbox/shopify/admin/products/10"},
          {"title":"House Espresso Blend","total_inventory":472,"url":"http://sandbox/shopify/admin/products/7"},
          {"title":"Colombia Decaf Whole Bean","total_inventory":9,"url":"http://sandbox/shopify/admin/products/8"}],
         "returned":3,"has_more":false,"page":1,"per_page":30}
        """;

    private static string Render(OfflineAnswer answer, string json, bool isError = false) =>
        AnswerRenderer.Render("t", answer, isError, json, isError ? null : JsonDocument.Parse(json).RootElement);

    [Fact]
    public void The_lead_comes_first_then_only_the_focused_items_with_their_links()
    {
        var answer = new OfflineAnswer
        {
            Searched = "the products' stock",
            Focus = ["Scale", "Decaf"],
            Lead = o => $"{o.Items.Count(i => ToolOutput.Number(i, "total_inventory") < 10)} products are low on stock.",
        };
        var md = Render(answer, Products);
        Assert.StartsWith("2 products are low on stock.\n", md);
        Assert.Contains("[Precision Coffee Scale](http://sandbox/shopify/admin/products/10)", md);
        Assert.Contains("Colombia Decaf Whole Bean", md);
        Assert.DoesNotContain("House Espresso Blend", md);
        Assert.Contains("_2 of the 3 products I looked at match._", md);
        Assert.DoesNotContain("page", md.Replace("pages", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("2 products are low on stock.", AnswerRenderer.LeadOf(md));
    }

    [Fact]
    public void A_limit_caps_the_items_without_saying_they_matched()
    {
        var md = Render(new OfflineAnswer { Searched = "products", Limit = 1 }, Products);
        Assert.Contains("Precision Coffee Scale", md);
        Assert.DoesNotContain("House Espresso Blend", md);
        Assert.DoesNotContain("match", md);
        Assert.Null(AnswerRenderer.LeadOf(md)); // no lead: the table is the answer
    }

    [Fact]
    public void Nothing_left_after_focus_or_an_empty_list_says_what_was_searched()
    {
        var none = Render(new OfflineAnswer { Searched = "Slack messages matching “refund”", Focus = ["refund"] }, Products);
        Assert.Equal("Nothing found: I searched Slack messages matching “refund”.", none);
        var empty = Render(new OfflineAnswer { Searched = "orders" }, """{"orders":[],"returned":0,"has_more":false}""");
        Assert.Equal("Nothing found: I searched orders.", empty);
    }

    [Fact]
    public void A_not_found_error_is_said_as_nothing_found_and_other_errors_stay_errors()
    {
        var missing = Render(new OfflineAnswer { Searched = "Jira for ACME-999" }, "Issue ACME-999 does not exist.", isError: true);
        Assert.StartsWith("Nothing found: I searched Jira for ACME-999. The source said: Issue ACME-999 does not exist.", missing);
        var refused = Render(new OfflineAnswer { Searched = "Jira" }, "Jira refused the token (HTTP 401).", isError: true);
        Assert.StartsWith("`t` reported an error: Jira refused the token", refused);
    }

    [Fact]
    public void A_query_result_reaches_the_lead_as_rows_keyed_by_column_and_the_footnote_ends_the_answer()
    {
        var answer = new OfflineAnswer
        {
            Searched = "the customers table",
            Lead = o => $"There are **{ToolOutput.Field(o.Items[0], "n")}** customers.",
            Footnote = "```sql\nSELECT COUNT(*) AS n FROM customers\n```",
        };
        var md = Render(answer, """{"columns":[{"name":"n","type":"BIGINT"}],"rows":[[42]],"returned":1,"has_more":false}""");
        Assert.StartsWith("There are **42** customers.", md);
        Assert.EndsWith("SELECT COUNT(*) AS n FROM customers\n```", md);
    }

    [Fact]
    public void A_lead_that_cannot_read_the_result_is_left_out()
    {
        var answer = new OfflineAnswer { Searched = "x", Lead = o => o.Items.Single(i => false).ToString() };
        var md = Render(answer, Products);
        Assert.StartsWith("| title |", md);
    }

    [Fact]
    public void One_record_is_the_only_item_and_fields_are_read_by_dotted_path_case_insensitively()
    {
        var output = new ToolOutput(
            "",
            JsonDocument.Parse("""{"key":"ACME-142","Fields":{"Status":{"name":"In Progress"}}}""").RootElement
        );
        Assert.Single(output.Items);
        Assert.Null(output.ItemsName);
        Assert.Equal("In Progress", ToolOutput.Field(output.Items[0], "fields.status.name"));
        Assert.Null(ToolOutput.Field(output.Items[0], "fields.assignee"));
    }
}
