using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.Tests.Common;

/// <summary>The kit's whats_new pieces every connector shares: the window's arguments and the result's cut.</summary>
public sealed class WhatsNewKitTests
{
    private static WhatsNewItem Item(string id, bool actionable, string priority, string? at) =>
        new(id, "thing", "Title " + id, null, null, null, at, actionable, priority);

    [Fact]
    public void The_window_reads_its_arguments_and_words_for_the_user()
    {
        var w = WhatsNewWindow.From("2025-01-31T09:00:00+01:00", null, " Alice, ACHEN,,al ", "2025-02-01T00:00:00Z");
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 8, 0, 0, TimeSpan.Zero), w.Since);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), w.Now);
        Assert.Equal("2025-01-31T08:00:00Z", w.SinceIso);
        Assert.Equal(20, w.Limit);
        Assert.Equal(["alice", "achen"], w.Me); // "al" is too short to identify anyone
        Assert.True(w.MentionsMe("thanks @Alice Chen"));
        Assert.False(w.MentionsMe("alice, no at-sign"));
        Assert.True(w.IsMe("alice-chen"));
        Assert.Equal(100, WhatsNewWindow.From("2025-01-31", 500, null, null).Limit);
        Assert.Empty(WhatsNewWindow.From("2025-01-31", 5, null, null).Me);
    }

    [Theory]
    [InlineData(null, null, "since is required")]
    [InlineData("soon", null, "since must be an ISO 8601 time")]
    [InlineData("2025-01-31", "later", "now must be an ISO 8601 time")]
    [InlineData("2025-02-02", "2025-02-01", "is after now")]
    public void Unusable_arguments_say_what_to_send(string? since, string? now, string message)
    {
        var e = Assert.Throws<ToolInputException>(() => WhatsNewWindow.From(since, null, null, now));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_negative_limit_is_refused() => Assert.Throws<ToolInputException>(() => WhatsNewWindow.From("2025-01-31", -1, null, null));

    [Fact]
    public void Over_the_limit_the_most_important_stay_in_the_order_found()
    {
        var window = WhatsNewWindow.From("2025-01-01", 3, null, "2025-02-01T00:00:00Z");
        var items = new[]
        {
            Item("old-low", false, "low", "2025-01-02T00:00:00Z"),
            Item("act-medium", true, "medium", "2025-01-03T00:00:00Z"),
            Item("new-high", false, "high", "2025-01-05T00:00:00Z"),
            Item("act-high", true, "high", null),
            Item("new-low", false, "low", "2025-01-09T00:00:00Z"),
        };
        var result = WhatsNew.Result(items, window, "Test").StructuredContent!.Value;

        Assert.True(result.GetProperty("truncated").GetBoolean());
        Assert.Equal(
            ["act-medium", "new-high", "act-high"],
            result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
        );
        var first = result.GetProperty("items")[0];
        Assert.Equal(
            ["id", "kind", "title", "summary", "url", "author", "at", "actionable", "priority"],
            first.EnumerateObject().Select(p => p.Name)
        );

        var all = WhatsNew.Result(items, window with { Limit = 20 }, "Test");
        Assert.False(all.StructuredContent!.Value.GetProperty("truncated").GetBoolean());
        Assert.Equal(5, all.StructuredContent!.Value.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Clip_ends_long_text_with_an_ellipsis_within_the_limit()
    {
        Assert.Equal("short", WhatsNew.Clip("short", 10));
        Assert.Equal("abcdefghi…", WhatsNew.Clip("abcdefghijklmnop", 10));
        Assert.Equal(10, WhatsNew.Clip(new string('x', 50), 10)!.Length);
        Assert.Null(WhatsNew.Clip(null));
    }
}
