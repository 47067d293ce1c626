using Mosaic.Server.Agent;

namespace Mosaic.Server.Tests.Agent;

public sealed class ExtractiveSummaryTests
{
    private static SourceResult GitHub(string response) => new("github", "GitHub", true, response, null, ["list_issues"], [], 12);

    [Fact]
    public void Table_rows_keep_their_column_names_for_numbers_and_flags()
    {
        const string table = """
            | number | title | state | comments | draft |
            | --- | --- | --- | --- | --- |
            | 91 | [Fix double charge on discounted checkout](https://github.com/acme/storefront/pull/91) | open | 1 | true |
            | 87 | Checkout double-charges when a discount code is applied | open | 4 | false |
            """;
        var items = ExtractiveSummary.Items(table);
        Assert.Equal(
            [
                "#91 · [Fix double charge on discounted checkout](https://github.com/acme/storefront/pull/91) · open · comments: 1 · draft",
                "#87 · Checkout double-charges when a discount code is applied · open · comments: 4",
            ],
            items
        );
    }

    [Fact]
    public void Only_items_sharing_words_with_the_question_are_quoted_with_their_source()
    {
        const string table = """
            | number | title | state |
            | --- | --- | --- |
            | 91 | Fix double charge on discounted checkout | open |
            | 12 | Upgrade the logging library | closed |
            """;
        var md = ExtractiveSummary.Build("What about the double charge at checkout?", [GitHub(table)]);
        Assert.Contains("**1 of 1 sources answered** (GitHub).", md);
        Assert.Contains("### GitHub — 1 of 2 items match", md);
        Assert.Contains("- #91 · Fix double charge on discounted checkout · open _(source: GitHub)_", md);
        Assert.DoesNotContain("logging", md);
    }
}
