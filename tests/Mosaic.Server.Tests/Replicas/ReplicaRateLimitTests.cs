using System.Net;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>With Redis, the per-user and per-IP budgets are one budget for all replicas.</summary>
public sealed class ReplicaRateLimitTests
{
    [Fact]
    public async Task A_users_requests_split_across_replicas_draw_on_one_minute_budget()
    {
        await using var replicas = await ReplicaPair.StartAsync(f => f.Settings["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "6");
        // Signup counts for the IP; the login (already carrying the signup's session) is the user's first request.
        var user = await replicas.A.SignUpAndLogInAsync();
        HttpClient[] clients = [user.Http, ReplicaPair.SameBrowserOn(replicas.B, user.Browser)];

        var served = new int[2];
        HttpResponseMessage? limited = null;
        var turn = 0;
        for (; turn < 20 && limited is null; turn++)
        {
            var response = await clients[turn % 2].GetAsync("/api/auth/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                limited = response;
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                served[turn % 2]++;
            }
        }

        // Six in all (the login and five more), split 3 + 2: each replica alone was far from its limit.
        Assert.NotNull(limited);
        Assert.Equal([3, 2], served);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        // The other replica refuses too: the budget is spent everywhere.
        await ProblemAssert.IsProblemAsync(await clients[turn % 2].GetAsync("/api/auth/me"), HttpStatusCode.TooManyRequests);

        // Another user still has a budget of their own, on either replica.
        var other = await replicas.B.SignUpAndLogInAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_requests_share_the_hourly_budget_of_their_ip()
    {
        await using var replicas = await ReplicaPair.StartAsync(f =>
        {
            f.Settings["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "100";
            f.Settings["RATE_LIMIT_REQUESTS_PER_HOUR"] = "3";
        });
        var onA = replicas.A.CreateClient();
        var onB = replicas.B.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/auth/me")).StatusCode);

        var limited = await onB.GetAsync("/api/auth/me");
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        // The hour window's wait, not the minute's: Retry-After comes from the window that refused.
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 61, 3600);
        // Health probes are never limited, shared budget or not.
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/health/live")).StatusCode);
    }
}
