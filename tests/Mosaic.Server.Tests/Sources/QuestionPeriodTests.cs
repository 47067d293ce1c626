using Mosaic.Server.Sources;

namespace Mosaic.Server.Tests.Sources;

/// <summary>Periods named in a question, on a fixed clock: Wednesday 2026-03-11 15:30 UTC.</summary>
public sealed class QuestionPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("revenue yesterday", "2026-03-10T00:00:00", "2026-03-11T00:00:00", "yesterday")]
    [InlineData("what's on today?", "2026-03-11T00:00:00", "2026-03-12T00:00:00", "today")]
    [InlineData("meetings tomorrow", "2026-03-12T00:00:00", "2026-03-13T00:00:00", "tomorrow")]
    [InlineData("what changed in the last 7 days", "2026-03-04T15:30:00", "2026-03-11T15:30:00", "the last 7 days")]
    [InlineData("orders in the past 24 hours", "2026-03-10T15:30:00", "2026-03-11T15:30:00", "the last 24 hours")]
    [InlineData("what happened in the past week", "2026-03-04T15:30:00", "2026-03-11T15:30:00", "the last week")]
    [InlineData("my calendar this week", "2026-03-09T00:00:00", "2026-03-16T00:00:00", "this week")]
    [InlineData("revenue last week", "2026-03-02T00:00:00", "2026-03-09T00:00:00", "last week")]
    [InlineData("average order value last month", "2026-02-01T00:00:00", "2026-03-01T00:00:00", "last month")]
    [InlineData("orders this month", "2026-03-01T00:00:00", "2026-04-01T00:00:00", "this month")]
    [InlineData("what's new since Monday", "2026-03-09T00:00:00", "2026-03-11T15:30:00", "since monday")]
    [InlineData("what's new since Wednesday", "2026-03-04T00:00:00", "2026-03-11T15:30:00", "since wednesday")]
    [InlineData("changes since 2026-03-01", "2026-03-01T00:00:00", "2026-03-11T15:30:00", "since 2026-03-01")]
    public void A_named_period_becomes_utc_bounds(string question, string start, string end, string label)
    {
        var p = QuestionPeriod.Find(question, Now);
        Assert.NotNull(p);
        Assert.Equal(DateTimeOffset.Parse(start + "Z"), p.Start);
        Assert.Equal(DateTimeOffset.Parse(end + "Z"), p.End);
        Assert.Equal(label, p.Label);
    }

    [Theory]
    [InlineData("How many customers do we have?")]
    [InlineData("Show the last order")]
    [InlineData("Which products are low on stock?")]
    [InlineData("the lastday of the pastry sale")]
    public void A_question_without_a_period_has_none(string question) => Assert.Null(QuestionPeriod.Find(question, Now));

    [Fact]
    public void Days_are_counted_in_the_zone_given()
    {
        // 15:30 UTC is 08:30 in Los Angeles (PDT on 11 March 2026): "yesterday" is 10 March there, in UTC bounds.
        var la = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var p = QuestionPeriod.Find("yesterday", Now, la)!;
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 7, 0, 0, TimeSpan.Zero), p.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero), p.End);
    }

    [Fact]
    public void Bounds_are_written_the_way_every_sql_dialect_reads_a_datetime() =>
        Assert.Equal("2026-03-10 00:00:00", QuestionPeriod.SqlLiteral(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.FromHours(2))));
}
