using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Mosaic.Server.Auth;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// RATE_LIMIT_REQUESTS_PER_MINUTE and _PER_HOUR over /api, per signed-in user, per client IP when
/// anonymous. Over the limit: 429 ProblemDetails with Retry-After. In-process by default; with
/// REDIS_URL the counts live in Redis (<see cref="RedisRateLimits"/>) so replicas share one budget.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(_ => { });
        builder
            .Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<MosaicSettings>, RedisConnection, ILoggerFactory>(
                (o, settings, redis, logs) =>
                {
                    var s = settings.Value;
                    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    if (!s.RateLimitEnabled)
                        return;
                    var local = PartitionedRateLimiter.CreateChained(
                        Window(s.RateLimitPerMinute, TimeSpan.FromMinutes(1)),
                        Window(s.RateLimitPerHour, TimeSpan.FromHours(1))
                    );
                    o.GlobalLimiter = redis.IsConfigured
                        ? RedisRateLimits.Shared(
                            redis,
                            s.RateLimitPerMinute,
                            s.RateLimitPerHour,
                            PartitionKey,
                            local,
                            logs.CreateLogger("Mosaic.RateLimits")
                        )
                        : local;
                    o.OnRejected = async (ctx, ct) =>
                    {
                        var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                        var http = ctx.HttpContext;
                        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                        await http
                            .RequestServices.GetRequiredService<IProblemDetailsService>()
                            .WriteAsync(
                                new ProblemDetailsContext
                                {
                                    HttpContext = http,
                                    ProblemDetails = new ProblemDetails
                                    {
                                        Status = 429,
                                        Title = "Too many requests",
                                        Detail = $"Rate limit reached; retry in {seconds} seconds.",
                                    },
                                }
                            );
                    };
                }
            );
        return builder;
    }

    private static PartitionedRateLimiter<HttpContext> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (PartitionKey(http) is not { } key)
                return RateLimitPartition.GetNoLimiter("static");
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

    /// <summary>Whose budget a request draws on; null outside /api (static files are not limited).</summary>
    private static string? PartitionKey(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api") ? null
        : http.User.FindUserId() is { } userId ? $"user:{userId}"
        : $"ip:{http.Connection.RemoteIpAddress}";
}
