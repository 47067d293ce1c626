using Mosaic.Server.Sources.MySql.Offline;
using Xunit.Abstractions;

namespace Mosaic.Server.Tests.Sources.MySql;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var now = new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
        foreach (var question in File.ReadAllLines("/tmp/mysql-questions.txt"))
        {
            var period = question.Contains("last 7 days") ? new PeriodSpan(now.AddDays(-7), now, "the last 7 days")
                : question.Contains("yesterday") ? new PeriodSpan(now.Date.AddDays(-1), now.Date, "yesterday")
                : question.Contains("last month") ? new PeriodSpan(new DateTimeOffset(2025,5,1,0,0,0,TimeSpan.Zero), new DateTimeOffset(2025,6,1,0,0,0,TimeSpan.Zero), "last month")
                : null;
            var q = new QuestionReading(question, DemoSchema.Schema, period);
            var subject = QuestionTemplates.Subject(q);
            var values = subject is null ? new Dictionary<string, IReadOnlyList<string>>() : DemoSchema.Values(subject.Name);
            var words = subject is null ? [] : q.ValueWords(subject);
            var built = QuestionTemplates.Build(q, values);
            output.WriteLine($"{question}\n   words=[{string.Join(",", words)}] -> {built?.Sql ?? "NULL"}");
        }
    }
}
