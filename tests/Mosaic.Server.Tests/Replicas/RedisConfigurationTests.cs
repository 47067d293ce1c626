using System.Net;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Tests.Replicas;

public sealed class RedisConfigurationTests
{
    [Theory]
    [InlineData("redis://localhost", "localhost", 6379, null, null, 0, false)]
    [InlineData("redis://:p%40ss@cache.internal:6380/2", "cache.internal", 6380, null, "p@ss", 2, false)]
    [InlineData("rediss://mosaic:s3cret@redis.example.com:6390", "redis.example.com", 6390, "mosaic", "s3cret", 0, true)]
    [InlineData("redis://[::1]:6379/1", "::1", 6379, null, null, 1, false)]
    public void Redis_urls_are_parsed(string text, string host, int port, string? user, string? password, int db, bool tls)
    {
        Assert.True(RedisUrl.TryParse(text, out var url, out var error), error);
        Assert.Equal(new RedisUrl(host, port, user, password, db, tls), url);
        var options = url!.ToConfigurationOptions();
        Assert.Equal(tls, options.Ssl);
        Assert.Equal(db, options.DefaultDatabase);
        Assert.False(options.AbortOnConnectFail); // a replica starts (degraded) while Redis is down
    }

    [Fact]
    public void A_printed_url_never_shows_the_password()
    {
        Assert.True(RedisUrl.TryParse("rediss://mosaic:hunter2-secret@redis.example.com:6390/3", out var url, out _));
        Assert.Equal("rediss://mosaic@redis.example.com:6390/3", url!.ToString());
    }

    [Theory]
    [InlineData("localhost:6379")]
    [InlineData("http://localhost:6379")]
    [InlineData("redis://:hunter2-secret@localhost:notaport")]
    [InlineData("redis://:hunter2-secret@localhost:6379/zero")]
    [InlineData("redis://localhost:6379/0?ssl=true")]
    [InlineData("redis:///0")]
    public void A_bad_url_is_refused_by_name_without_echoing_a_password(string text)
    {
        Assert.False(RedisUrl.TryParse(text, out _, out var error));
        Assert.StartsWith("REDIS_URL", error);
        Assert.DoesNotContain("hunter2-secret", error);
    }

    [Fact]
    public async Task The_server_refuses_to_start_with_a_bad_REDIS_URL_and_names_it()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
            f.Settings["REDIS_URL"] = "redis://:hunter2-secret@localhost:6379/zero"
        );
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
        Assert.Contains("REDIS_URL", error);
        Assert.DoesNotContain("hunter2-secret", error);
        Assert.DoesNotContain("hunter2-secret", app.Logs.All);
    }

    [Fact]
    public void A_missing_test_redis_fails_loudly_instead_of_skipping()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReplicaPair.RedisUrlFrom(null));
        Assert.Contains("MOSAIC_TEST_REDIS", error.Message);
        Assert.Equal("redis://127.0.0.1:6389", ReplicaPair.RedisUrlFrom("127.0.0.1:6389"));
    }
}
