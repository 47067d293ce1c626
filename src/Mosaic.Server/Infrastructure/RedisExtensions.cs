using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Infrastructure;

public static class RedisExtensions
{
    /// <summary>
    /// REDIS_URL: one shared connection, Redis as the distributed cache (HybridCache's L2), the
    /// "cache" health entry, credential-change notices, write-tool approvals and
    /// "user access ended" notices between replicas. Rate limits pick Redis up
    /// in <see cref="RateLimits"/>. Without REDIS_URL everything stays in-process.
    /// </summary>
    public static WebApplicationBuilder AddRedis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<MosaicSettings>, RedisSettingsValidator>();
        services.AddSingleton<RedisConnection>();

        services.AddStackExchangeRedisCache(_ => { });
        services
            .AddOptions<RedisCacheOptions>()
            .Configure<RedisConnection>(
                (o, redis) =>
                {
                    o.InstanceName = redis.KeyPrefix + "cache:";
                    o.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
                }
            );
        // Whether Redis is used is known only once the settings are bound, so the registration picks
        // then. The in-memory fallback is the type HybridCache recognises as "no L2".
        var redisCache = services.Last(d => d.ServiceType == typeof(IDistributedCache));
        services.Remove(redisCache);
        services.AddSingleton<IDistributedCache>(sp =>
            sp.GetRequiredService<RedisConnection>().IsConfigured
                ? (IDistributedCache)ActivatorUtilities.CreateInstance(sp, redisCache.ImplementationType!)
                : new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()))
        );

        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name);

        services.AddSingleton<RedisCredentialChanges>();
        services.AddSingleton<ICredentialChangeRelay>(sp => sp.GetRequiredService<RedisCredentialChanges>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisCredentialChanges>()); // connects and subscribes at start-up

        services.AddSingleton<RedisApprovals>();
        services.AddSingleton<Chat.IApprovalRelay>(sp => sp.GetRequiredService<RedisApprovals>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisApprovals>()); // answers for approvals held here

        services.AddSingleton<RedisUserAccess>();
        services.AddSingleton<Admin.IUserAccessRelay>(sp => sp.GetRequiredService<RedisUserAccess>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisUserAccess>()); // disabled users' sessions, on every replica
        return builder;
    }
}
