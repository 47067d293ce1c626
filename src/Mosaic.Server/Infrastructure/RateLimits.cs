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
/// anonymous. Over the limit: 429 ProblemDetails with Retry-After. In-process for now; a Redis-backed
/// limiter (REDIS_URL) replaces the partition factory when several replicas must share counts.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<MosaicSettings>>((o, settings) =>
        {
            var s = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            if (!s.RateLimitEnabled) return;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Window(s.RateLimitPerMinute, TimeSpan.FromMinutes(1)),
                Window(s.RateLimitPerHour, TimeSpan.FromHours(1)));
            o.OnRejected = async (ctx, ct) =>
            {
                var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = ctx.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 429, Title = "Too many requests",
                        Detail = $"Rate limit reached; retry in {seconds} seconds.",
                    },
                });
            };
        });
        return builder;
    }

    private static PartitionedRateLimiter<HttpContext> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (!http.Request.Path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("static");
            return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

    private static string PartitionKey(HttpContext http) =>
        http.User.FindUserId() is { } userId ? $"user:{userId}" : $"ip:{http.Connection.RemoteIpAddress}";
}
