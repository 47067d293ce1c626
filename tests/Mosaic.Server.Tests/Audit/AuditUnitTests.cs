using Mosaic.Server.Audit;

namespace Mosaic.Server.Tests.Audit;

public sealed class AuditRedactorTests
{
    [Theory]
    [InlineData("""{"token":"abc"}""", """{"token":"[redacted]"}""")]
    [InlineData("""{"api_key":12345}""", """{"api_key":"[redacted]"}""")]
    [InlineData("""{"headers":{"Authorization":"Bearer x"}}""", """{"headers":{"Authorization":"[redacted]"}}""")]
    [InlineData("""{"text":"use xoxb-1234-abcd please"}""", """{"text":"[redacted]"}""")]
    [InlineData("""{"q":"ghp_abcdefghijklmnopqrstuvwxyz0123456789"}""", """{"q":"[redacted]"}""")]
    [InlineData("""{"url":"mysql://root:hunter2@db:3306/app"}""", """{"url":"[redacted]"}""")]
    [InlineData("""{"list":["AKIAABCDEFGHIJKLMNOP","fine"]}""", """{"list":["[redacted]","fine"]}""")]
    [InlineData("""{"k":"aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3"}""", """{"k":"[redacted]"}""")]
    [InlineData("""{"k":"5f4dcc3b5aa765d61d8327deb882cf995f4dcc3b"}""", """{"k":"[redacted]"}""")]
    public void Secret_looking_values_are_masked(string json, string expected) => Assert.Equal(expected, AuditRedactor.RedactJson(json));

    [Theory]
    [InlineData("""{"channel":"#checkout-eng","limit":20}""")]
    [InlineData("""{"query":"SELECT id FROM orders WHERE total > 100"}""")]
    [InlineData("""{"path":"/srv/files/notes/meeting-2026-12-07.txt"}""")]
    [InlineData("""{"path":"notes/2026/meeting-2026-12-07-quarterly-review.txt"}""")]
    [InlineData("""{"message":"the quarterly numbers are ready for review"}""")]
    public void Ordinary_arguments_are_kept(string json) => Assert.Equal(json, AuditRedactor.RedactJson(json));

    [Fact]
    public void Text_that_is_not_json_is_kept_or_masked_whole()
    {
        Assert.Equal("plain words", AuditRedactor.RedactJson("plain words"));
        Assert.Equal(AuditRedactor.Mask, AuditRedactor.RedactJson("xoxp-123-456 not json"));
    }
}

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Cells_are_quoted_and_formulas_defused(string? value, string expected) => Assert.Equal(expected, AuditExport.Cell(value));
}
