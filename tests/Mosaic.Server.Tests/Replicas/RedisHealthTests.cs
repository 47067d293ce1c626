using System.Net;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;

namespace Mosaic.Server.Tests.Replicas;

public sealed class RedisHealthTests
{
    [Fact]
    public async Task With_redis_up_health_reports_the_redis_cache_and_replicas_share_entries()
    {
        await using var replicas = await ReplicaPair.StartAsync();
        var ready = await ProblemAssert.JsonAsync(await replicas.A.CreateClient().GetAsync("/api/health/ready"));
        Assert.Equal(("available", "redis"), (ready.GetProperty("cache").GetString(), ready.GetProperty("cache_backend").GetString()));
        var signedInOnB = await replicas.B.SignUpAndLogInAsync();
        var detailed = await ProblemAssert.JsonAsync(await signedInOnB.Http.GetAsync("/api/health/detailed"));
        Assert.Equal("healthy", detailed.GetProperty("status").GetString());
        Assert.Equal(
            ("available", "redis"),
            (detailed.GetProperty("cache").GetString(), detailed.GetProperty("cache_backend").GetString())
        );

        // The distributed cache is Redis, under the key prefix: what A stores, B reads.
        var key = $"probe-{Guid.NewGuid():N}";
        await replicas.A.Services.GetRequiredService<IDistributedCache>().SetStringAsync(key, "from A");
        Assert.Equal("from A", await replicas.B.Services.GetRequiredService<IDistributedCache>().GetStringAsync(key));
        await using (var redis = await ReplicaPair.ConnectRedisAsync())
            Assert.True(await redis.GetDatabase().KeyExistsAsync($"{replicas.KeyPrefix}cache:{key}"));

        // The app's HybridCache (the MCP hub's tool and result caches) takes it as its L2 without further wiring.
        var computedOnB = false;
        var onA = await replicas
            .A.Services.GetRequiredService<HybridCache>()
            .GetOrCreateAsync("tools:github", _ => ValueTask.FromResult("listed on A"));
        // HybridCache may finish its L2 write after answering; B asks once the entry is in Redis.
        await using (var redis = await ReplicaPair.ConnectRedisAsync())
        {
            var l2Key = $"{replicas.KeyPrefix}cache:tools:github";
            await ReplicaPair.EventuallyAsync(() => redis.GetDatabase().KeyExists(l2Key), "A's entry to reach Redis");
        }
        var onB = await replicas
            .B.Services.GetRequiredService<HybridCache>()
            .GetOrCreateAsync("tools:github", _ =>
            {
                computedOnB = true;
                return ValueTask.FromResult("listed on B");
            });
        Assert.Equal(("listed on A", "listed on A", false), (onA, onB, computedOnB));
    }

    [Fact]
    public async Task With_redis_down_a_replica_stays_ready_degraded_and_keeps_serving()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["REDIS_URL"] = "redis://:hunter2-secret@127.0.0.1:1/0"; // nothing listens there
            f.Settings["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "8";
        });
        var client = app.CreateClient();
        var ready = await ProblemAssert.JsonAsync(await client.GetAsync("/api/health/ready"));
        Assert.Equal(("ready", "connected"), (ready.GetProperty("status").GetString(), ready.GetProperty("database").GetString()));
        Assert.Equal(("unavailable", "redis"), (ready.GetProperty("cache").GetString(), ready.GetProperty("cache_backend").GetString()));
        var user = await app.SignUpAndLogInAsync();
        var detailed = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/health/detailed"));
        Assert.Equal(("degraded", "unavailable"), (detailed.GetProperty("status").GetString(), detailed.GetProperty("cache").GetString()));

        // Requests are served and still limited (per replica) instead of failing on the missing Redis.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await user.Http.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        Assert.Contains("127.0.0.1:1", app.Logs.All);
        Assert.DoesNotContain("hunter2-secret", app.Logs.All);
    }

    [Fact]
    public async Task Without_redis_the_cache_is_in_process()
    {
        await using var app = await MosaicAppFactory.StartNewAsync();
        var ready = await ProblemAssert.JsonAsync(await app.CreateClient().GetAsync("/api/health/ready"));
        Assert.Equal(("available", "memory"), (ready.GetProperty("cache").GetString(), ready.GetProperty("cache_backend").GetString()));
        Assert.IsType<MemoryDistributedCache>(app.Services.GetRequiredService<IDistributedCache>());
    }
}
