using System.Text;
using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.S3;

public class S3ToolsTests(S3Fixture s3) : IClassFixture<S3Fixture>
{
    [Fact]
    public async Task Tools_are_the_six_read_only_ones()
    {
        var c = await s3.ConnectorAsync();
        Assert.Equal(["get_object", "list_buckets", "list_objects", "search_objects", "whats_new", "whoami"], await c.ToolNamesAsync());
    }

    [Fact]
    public async Task List_buckets_shows_the_test_bucket()
    {
        var c = await s3.ConnectorAsync();
        var data = (await c.CallAsync("list_buckets", new { limit = 500 })).Ok();
        Assert.Contains(data.GetProperty("buckets").EnumerateArray(), b => b.GetProperty("name").GetString() == s3.Bucket);
    }

    [Fact]
    public async Task Delimiter_lists_one_folder_level()
    {
        var c = await s3.ConnectorAsync();
        var prefixes = new List<string?>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var root = (
                await c.CallAsync(
                    "list_objects",
                    new
                    {
                        bucket = s3.Bucket,
                        delimiter = "/",
                        cursor,
                    }
                )
            ).Ok();
            Assert.Empty(root.GetProperty("objects").EnumerateArray());
            prefixes.AddRange(root.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()));
            cursor = root.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
        } while (cursor is not null && ++pages < 10);
        Assert.Equal(["big/", "data/", "docs/", "images/", "many/", "reports/"], prefixes.Distinct());

        var docs = (
            await c.CallAsync(
                "list_objects",
                new
                {
                    bucket = s3.Bucket,
                    prefix = "docs/",
                    delimiter = "/",
                }
            )
        ).Ok();
        Assert.Equal(["docs/notes.txt", "docs/readme.md", "docs/ünïcode.txt"], Keys(docs, "objects"));
        Assert.Equal(Encoding.UTF8.GetByteCount(S3Fixture.Notes), docs.GetProperty("objects")[0].GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Paging_past_the_first_page_returns_every_key_once()
    {
        var c = await s3.ConnectorAsync();
        var keys = new List<string?>();
        string? cursor = null;
        var pages = 0;
        var sawBudgetCut = false;
        do
        {
            var page = (
                await c.CallAsync(
                    "list_objects",
                    new
                    {
                        bucket = s3.Bucket,
                        prefix = "many/",
                        limit = 1000,
                        cursor,
                    }
                )
            ).Ok();
            keys.AddRange(Keys(page, "objects"));
            sawBudgetCut |= page.GetProperty("truncated").GetBoolean();
            cursor = page.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            pages++;
        } while (cursor is not null && pages < 50);
        Assert.Equal(Enumerable.Range(0, 1100).Select(i => $"many/item-{i:D4}.txt"), keys);
        Assert.True(pages > 1);
        Assert.True(sawBudgetCut, "1000 keys exceed the result budget, so the page must have been cut and marked");
    }

    [Fact]
    public async Task Continuation_with_small_pages_crosses_s3_pages()
    {
        var c = await s3.ConnectorAsync();
        var first = (
            await c.CallAsync(
                "list_objects",
                new
                {
                    bucket = s3.Bucket,
                    prefix = "reports/2025/",
                    limit = 1,
                }
            )
        ).Ok();
        Assert.Equal(["reports/2025/q1.csv"], Keys(first, "objects"));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        var second = (
            await c.CallAsync(
                "list_objects",
                new
                {
                    bucket = s3.Bucket,
                    prefix = "reports/2025/",
                    limit = 1,
                    cursor = first.GetProperty("next_cursor").GetString(),
                }
            )
        ).Ok();
        Assert.Equal(["reports/2025/q2.csv"], Keys(second, "objects"));
    }

    [Fact]
    public async Task Get_object_returns_text()
    {
        var c = await s3.ConnectorAsync();
        var data = (await c.CallAsync("get_object", new { bucket = s3.Bucket, key = "docs/notes.txt" })).Ok();
        Assert.Equal(S3Fixture.Notes, data.GetProperty("text").GetString());
        Assert.False(data.GetProperty("truncated").GetBoolean());
        Assert.StartsWith("text/plain", data.GetProperty("content_type").GetString());

        var sniffed = (await c.CallAsync("get_object", new { bucket = s3.Bucket, key = "data/config.unknown" })).Ok();
        Assert.Equal("plain words, no type", sniffed.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Large_text_is_cut_at_the_budget_and_continues_by_range_without_breaking_characters()
    {
        var c = await s3.ConnectorAsync();
        var text = new StringBuilder();
        long? start = 0;
        var calls = 0;
        while (start is not null && calls++ < 20)
        {
            var result = await c.CallAsync(
                "get_object",
                new
                {
                    bucket = s3.Bucket,
                    key = "big/large.txt",
                    range_start = start,
                    max_bytes = 10_000,
                }
            );
            var data = result.Ok();
            text.Append(data.GetProperty("text").GetString());
            start = data.GetProperty("truncated").GetBoolean() ? data.GetProperty("next_range_start").GetInt64() : null;
            if (start is not null)
                Assert.Contains("range_start=", result.Text);
        }
        Assert.Equal(S3Fixture.Large, text.ToString());
        Assert.True(calls >= 4);
    }

    [Fact]
    public async Task Binary_objects_are_described_not_dumped()
    {
        var c = await s3.ConnectorAsync();
        var png = (await c.CallAsync("get_object", new { bucket = s3.Bucket, key = "images/logo.png" })).Ok();
        Assert.True(png.GetProperty("binary").GetBoolean());
        Assert.False(png.TryGetProperty("text", out _));
        Assert.Contains("image/png", png.GetProperty("description").GetString());

        var preview = (
            await c.CallAsync(
                "get_object",
                new
                {
                    bucket = s3.Bucket,
                    key = "images/logo.png",
                    range_start = 0,
                    range_end = 7,
                }
            )
        ).Ok();
        Assert.Equal("89504E470D0A1A0A", preview.GetProperty("hex_preview").GetString());

        var blob = (await c.CallAsync("get_object", new { bucket = s3.Bucket, key = "data/blob.bin" })).Ok();
        Assert.True(blob.GetProperty("binary").GetBoolean());
    }

    [Fact]
    public async Task Missing_bucket_and_object_are_clear_errors()
    {
        var c = await s3.ConnectorAsync();
        var noBucket = (await c.CallAsync("list_objects", new { bucket = "mosaic-no-such-bucket-x" })).Error();
        Assert.Contains("S3 says:", noBucket);
        Assert.Contains("does not exist", noBucket);

        var noKey = (await c.CallAsync("get_object", new { bucket = s3.Bucket, key = "docs/missing.txt" })).Error();
        Assert.Contains("s3://" + s3.Bucket + "/docs/missing.txt does not exist", noKey);
        Assert.Contains("HTTP 404", noKey);
    }

    [Fact]
    public async Task Search_by_pattern_and_by_content()
    {
        var c = await s3.ConnectorAsync();
        var csv = (await c.CallAsync("search_objects", new { bucket = s3.Bucket, pattern = "*.CSV" })).Ok();
        Assert.Equal(["reports/2025/q1.csv", "reports/2025/q2.csv"], Keys(csv, "matches"));

        var plain = (
            await c.CallAsync(
                "search_objects",
                new
                {
                    bucket = s3.Bucket,
                    prefix = "docs/",
                    pattern = "read",
                }
            )
        ).Ok();
        Assert.Equal(["docs/readme.md"], Keys(plain, "matches"));

        var content = (
            await c.CallAsync(
                "search_objects",
                new
                {
                    bucket = s3.Bucket,
                    prefix = "docs/",
                    contains = "CHECKOUT BUG",
                }
            )
        ).Ok();
        Assert.Equal(["docs/notes.txt"], Keys(content, "matches"));
        Assert.Contains("ACME-142", content.GetProperty("matches")[0].GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Search_pages_through_more_matches_than_the_limit()
    {
        var c = await s3.ConnectorAsync();
        var keys = new List<string?>();
        string? cursor = null;
        var calls = 0;
        do
        {
            var page = (
                await c.CallAsync(
                    "search_objects",
                    new
                    {
                        bucket = s3.Bucket,
                        prefix = "many/",
                        pattern = "item-00*",
                        limit = 40,
                        cursor,
                    }
                )
            ).Ok();
            keys.AddRange(Keys(page, "matches"));
            cursor = page.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
        } while (cursor is not null && ++calls < 20);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"many/item-{i:D4}.txt"), keys);
    }

    [Fact]
    public async Task Unknown_access_key_is_an_actionable_error()
    {
        await using var c = await ConnectorProcess.StartAsync("S3", S3Env.ForS3rver(key: "NOT-A-KEY"));
        var error = (await c.CallAsync("list_objects", new { bucket = s3.Bucket })).Error();
        Assert.Contains("S3 says: InvalidAccessKeyId", error);
        Assert.Contains("HTTP 403", error);
        Assert.Contains("AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY", error);
        // s3rver checks the access key id but (unlike AWS) accepts a wrong secret, so that case
        // cannot be exercised here; the same SignatureDoesNotMatch mapping covers it on AWS.
    }

    [Fact]
    public async Task Unreachable_endpoint_says_so()
    {
        var env = S3Env.ForS3rver();
        env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1";
        env["MOSAIC_EGRESS_ALLOW"] = "127.0.0.1:1";
        await using var c = await ConnectorProcess.StartAsync("S3", env);
        var error = (await c.CallAsync("list_buckets")).Error();
        Assert.Contains("could not be reached", error);
    }

    private static List<string?> Keys(JsonElement data, string items) =>
        data.GetProperty(items).EnumerateArray().Select(o => o.GetProperty("key").GetString()).ToList();
}
