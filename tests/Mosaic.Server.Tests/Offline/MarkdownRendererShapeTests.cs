using System.Text.Json;
using Mosaic.Server.Llm.Offline;

namespace Mosaic.Server.Tests.Offline;

/// <summary>The renderer's rules on result shapes, each on the smallest result that shows it.</summary>
public sealed class MarkdownRendererShapeTests
{
    private static string Render(string json) => MarkdownRenderer.Render("t", false, "summary", JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Rows_of_cells_are_shown_under_their_column_descriptors_even_when_there_are_as_many_columns_as_rows()
    {
        var md = Render(
            """
            {"rows":[[1,"Ada"],[2,"Grace"]],"returned":2,"has_more":false,"truncated":false,
             "columns":[{"name":"id","type":"INT"},{"name":"name","type":"VARCHAR"}]}
            """
        );
        Assert.Equal("| id | name |\n| --- | --- |\n| 1 | Ada |\n| 2 | Grace |", md);
    }

    [Fact]
    public void Without_a_returned_count_column_descriptors_still_never_win_over_the_rows()
    {
        var md = Render("""{"columns":[{"name":"a","type":"t"},{"name":"b","type":"t"},{"name":"c","type":"t"}],"rows":[[1,2,3]]}""");
        Assert.StartsWith("| a | b | c |", md);
        Assert.Contains("| 1 | 2 | 3 |", md);
        Assert.DoesNotContain("| name | type |", md);
    }

    [Fact]
    public void Column_descriptors_alone_are_the_data_as_when_describing_a_table()
    {
        var md = Render("""{"columns":[{"name":"id","type":"INT"},{"name":"email","type":"TEXT"}],"returned":2,"table":"users"}""");
        Assert.Contains("| id | INT |", md);
        Assert.Contains("| email | TEXT |", md);
        Assert.Contains("_table: users_", md);
    }

    [Fact]
    public void A_sheet_uses_its_first_row_as_the_header()
    {
        var md = Render("""{"values":[["Month","Units"],["October","310"]],"sheets":[{"title":"A"},{"title":"B"},{"title":"C"}]}""");
        Assert.Contains("| Month | Units |\n| --- | --- |\n| October | 310 |", md);
    }

    [Fact]
    public void A_cut_says_how_many_are_shown_of_how_many()
    {
        var rows = string.Join(",", Enumerable.Range(1, 30).Select(i => $"[{i}]"));
        var md = Render($$"""{"rows":[{{rows}}],"returned":30,"total":120,"has_more":true,"truncated":false,"columns":[{"name":"n"}]}""");
        Assert.Contains("| 25 |", md);
        Assert.DoesNotContain("| 26 |", md);
        Assert.Contains("_Showing 25 of 120 rows._", md);

        var cut = Render("""{"items":[{"title":"a"}],"returned":1,"has_more":true,"truncated":true,"next_cursor":"c_1"}""");
        Assert.Contains("_Showing 1 items; the source has more. The source cut this page to fit its size limit._", cut);
        Assert.Contains(@"_For more, ask again with next_cursor=c\_1_", cut);
        Assert.DoesNotContain("_returned", cut);
    }

    [Fact]
    public void A_record_shows_its_subject_its_text_in_full_and_its_parts()
    {
        var body = string.Join(" ", Enumerable.Repeat("words", 40)) + "\nsecond line";
        var md = Render(
            $$"""
            {"issue":{"number":7,"title":"Broken checkout","labels":["bug","p1"],"html_url":"https://example.test/7"},
             "body":{{JsonSerializer.Serialize(body)}},"comments_total":30,
             "recent_comments":[{"author":"bob","body":"On it"}]}
            """
        );
        Assert.Contains("- **title**: [Broken checkout](https://example.test/7)", md);
        Assert.Contains("- **labels**: bug, p1", md);
        Assert.Contains("> " + body.Split('\n')[0], md);
        Assert.Contains("> second line", md);
        Assert.Contains("| bob | On it |", md);
        Assert.DoesNotContain("html_url", md);
    }

    [Fact]
    public void List_items_with_a_body_are_read_one_by_one_and_a_snippet_of_the_body_is_not_repeated()
    {
        var text = "Hello Alice,\nthe fix ships today.\nBob";
        var md = Render(
            $$"""
            {"messages":[{"id":"m1","subject":"Fix ships","from":"Bob","snippet":"Hello Alice, the fix ships…",
                          "body":{{JsonSerializer.Serialize(text)}},"link":"https://mail.example.test/m1"}],"returned":1}
            """
        );
        Assert.Contains("**[Fix ships](https://mail.example.test/m1)**", md);
        Assert.Contains("from: Bob", md);
        Assert.Contains("> Hello Alice,\n> the fix ships today.\n> Bob", md);
        Assert.DoesNotContain("Hello Alice, the fix ships…", md);
    }
}
