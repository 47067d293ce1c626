using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Health;

public sealed record DetailedHealth(
    string Status,
    string Version,
    string Environment,
    double Uptime,
    string Database,
    string DatabaseProvider,
    string Cache,
    int McpConnections
)
{
    /// <summary>"memory" (in-process, the default) or "redis" (REDIS_URL); <see cref="Cache"/> says whether it answers.</summary>
    public string CacheBackend { get; init; } = "memory";

    /// <summary>Sources whose circuit breaker is open or half-open, counted over all users.</summary>
    public McpBreakerCounts? McpBreakers { get; init; }
}

/// <summary>
/// /api/health, /live, /ready (503 when the database is down), anonymous for probes; /detailed (docs/architecture.md#http-api) for
/// a signed-in user only. Redis down
/// leaves a replica ready (cache "unavailable", detailed status "degraded"): see RedisHealthCheck.
/// </summary>
public static class HealthEndpoints
{
    private static readonly string Version = typeof(HealthEndpoints)
        .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
        ?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.TryAddSingleton<IMcpConnectionCounter, NoMcpConnections>(); // the MCP hub registers the real one
        builder.Services.AddSingleton(sp => new StartTime(sp.GetRequiredService<TimeProvider>().GetTimestamp()));
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        var started = app.Services.GetRequiredService<StartTime>(); // taken now: uptime counts from start-up
        // Probes must never be throttled, or an orchestrator would restart a busy but healthy server.
        var group = app.MapGroup("/api/health").WithTags("Health").DisableRateLimiting();

        group.MapGet("/", () => TypedResults.Ok(new { status = "healthy" })).AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new { status = "alive" })).AllowAnonymous();

        group
            .MapGet("/ready", async Task<Results<Ok<object>, ProblemHttpResult>> (HealthCheckService health, CancellationToken ct) =>
            {
                var report = await health.CheckHealthAsync(ct);
                var cache = CacheHealth.From(report);
                if (report.Entries["database"].Status == HealthStatus.Healthy)
                    return TypedResults.Ok<object>(
                        new
                        {
                            status = "ready",
                            database = "connected",
                            cache = cache.State,
                            cacheBackend = cache.Backend,
                        }
                    );
                return TypedResults.Problem(
                    "The database is not reachable.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Not ready",
                    extensions: new Dictionary<string, object?>
                    {
                        ["database"] = "disconnected",
                        ["cache"] = cache.State,
                        ["cache_backend"] = cache.Backend,
                    }
                );
            })
            .AllowAnonymous();

        // Version, environment, provider and live session counts help an attacker map the deployment: signed-in users only.

        group
            .MapGet(
                "/detailed",
                async (
                    HealthCheckService health,
                    IOptions<MosaicSettings> settings,
                    IMcpConnectionCounter mcp,
                    TimeProvider time,
                    CancellationToken ct
                ) =>
                {
                    var report = await health.CheckHealthAsync(ct);
                    var up = report.Entries["database"].Status == HealthStatus.Healthy;
                    var cache = CacheHealth.From(report);
                    return TypedResults.Ok(
                        new DetailedHealth(
                            up && cache.Available ? "healthy" : "degraded",
                            Version,
                            settings.Value.Environment.ToLowerInvariant(),
                            Math.Round(time.GetElapsedTime(started.Timestamp).TotalSeconds, 1),
                            up ? "connected" : "disconnected",
                            settings.Value.DatabaseProvider,
                            cache.State,
                            mcp.ActiveConnections
                        )
                        {
                            CacheBackend = cache.Backend,
                            McpBreakers = mcp.Breakers,
                        }
                    );
                }
            )
            .RequireAuthorization();
        return app;
    }

    public sealed record StartTime(long Timestamp);
}
