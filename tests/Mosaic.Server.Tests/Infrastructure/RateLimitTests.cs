using System.Net;

namespace Mosaic.Server.Tests.Infrastructure;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Over_the_limit_is_429_with_retry_after_per_user()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "5");
        // Signup is anonymous (per IP); signup also signs in, so the login already counts for alice.
        var alice = await app.SignUpAndLogInAsync();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync("/api/auth/me")).StatusCode);

        var limited = await alice.Http.GetAsync("/api/auth/me");
        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("retry", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);

        // Another user has their own budget; health probes are never limited.
        var bob = await app.SignUpAndLogInAsync();
        Assert.Equal(HttpStatusCode.OK, (await bob.Http.GetAsync("/api/auth/me")).StatusCode);
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync("/api/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_hourly_limit_applies_too()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "100";
            f.Settings["RATE_LIMIT_REQUESTS_PER_HOUR"] = "3";
        });
        var client = app.CreateClient(); // anonymous: limited per IP
        for (var i = 0; i < 3; i++)
            await client.GetAsync("/api/auth/me");
        var limited = await client.GetAsync("/api/auth/me");
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 61, 3600);
    }

    [Fact]
    public async Task Rate_limiting_can_be_turned_off()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["RATE_LIMIT_ENABLED"] = "false";
            f.Settings["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "1";
        });
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }
}
