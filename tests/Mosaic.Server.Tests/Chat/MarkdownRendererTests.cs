using System.Text.Json;
using Mosaic.Server.Llm.Offline;

namespace Mosaic.Server.Tests.Chat;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void A_list_of_records_becomes_a_table_with_linked_names_and_notes()
    {
        var json = JsonDocument
            .Parse(
                """
                {"channels":[{"id":"C1","name":"checkout-eng","members":12,"url":"https://acme.slack.com/archives/C1"},
                             {"id":"C2","name":"general","members":40,"url":"https://acme.slack.com/archives/C2"}],
                 "next_cursor":"abc"}
                """
            )
            .RootElement;
        var md = MarkdownRenderer.Render("list_channels", false, "2 channels", json);
        Assert.Contains("| id | name | members |", md);
        Assert.Contains("| C1 | [checkout-eng](https://acme.slack.com/archives/C1) | 12 |", md);
        Assert.Contains("_For more, ask again with next_cursor=abc_", md);
        Assert.DoesNotContain("| url", md);
    }

    [Fact]
    public void Long_lists_are_cut_with_a_count_and_cells_are_escaped()
    {
        var rows = string.Join(",", Enumerable.Range(1, 30).Select(i => $$"""{"title":"a|b {{i}}"}"""));
        var md = MarkdownRenderer.Render("t", false, $"[{rows}]", null);
        Assert.Contains(@"a\|b 1 |", md);
        Assert.Contains("…and 5 more.", md);
        Assert.DoesNotContain("a\\|b 26", md);
    }

    [Fact]
    public void Objects_become_key_values_text_stays_text_and_errors_say_so()
    {
        Assert.Contains("- **key**: ACME-142", MarkdownRenderer.Render("get_issue", false, """{"key":"ACME-142","status":"Open"}""", null));
        Assert.Equal("plain words", MarkdownRenderer.Render("echo", false, "plain words", null));
        Assert.Equal(
            "`send_message` reported an error: Slack says: not_in_channel",
            MarkdownRenderer.Render("send_message", true, "Slack says: not_in_channel", null)
        );
        Assert.Equal("No results.", MarkdownRenderer.Render("list_users", false, "[]", null));
    }

    [Fact]
    public void Machine_ids_give_way_to_readable_columns_and_message_text_carries_the_link()
    {
        var json = JsonDocument
            .Parse(
                """
                {"matches":[{"ts":"1795432985.008000","time":"2026-11-23T11:23:05Z","user":"Bob Martinez","channel":"#checkout-eng",
                             "channel_id":"C0CHECKOUT","text":"Fix is up",
                             "permalink":"https://acme.slack.com/archives/C0CHECKOUT/p1795432985008000"}]}
                """
            )
            .RootElement;
        var md = MarkdownRenderer.Render("search_messages", false, "1 match", json);
        Assert.Contains("| time | user | channel | text |", md);
        Assert.Contains("| [Fix is up](https://acme.slack.com/archives/C0CHECKOUT/p1795432985008000) |", md);
        Assert.DoesNotContain("1795432985.008000 |", md);
        Assert.DoesNotContain("C0CHECKOUT |", md);
    }
}
