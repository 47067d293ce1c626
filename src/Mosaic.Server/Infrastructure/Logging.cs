using System.Diagnostics;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// LOG_LEVEL and LOG_FORMAT (json = one JSON object per line). Request logs carry method, path
/// (never the query string), status, duration and user id; bodies, cookies and headers are never
/// logged, so passwords, tokens and credential values cannot end up in logs.
/// </summary>
public static class Logging
{
    public static WebApplicationBuilder AddMosaicLogging(this WebApplicationBuilder builder)
    {
        var s = SettingsBinding.Read<MosaicSettings>(builder.Configuration);
        builder.Logging.ClearProviders();
        if (s.LogFormat.Equals("json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        else
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        var level = Level(s.LogLevel);
        builder.Logging.SetMinimumLevel(level);
        // Mosaic's own categories follow LOG_LEVEL exactly; the framework stays at Warning unless asked for more.
        builder.Logging.AddFilter("Mosaic", level);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // Data-protection keys sit unencrypted in the app database by design (they only protect
        // antiforgery tokens; see docs/deploy.md), so its "no XML encryptor" warning is noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mosaic.Requests");
        app.Use(
            async (http, next) =>
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await next(http);
                }
                finally
                {
                    if (http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/api/health"))
                        logger.LogInformation(
                            "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (user {UserId})",
                            http.Request.Method,
                            http.Request.Path.Value,
                            http.Response.StatusCode,
                            Stopwatch.GetElapsedTime(start).TotalMilliseconds,
                            http.User.FindFirst("sub")?.Value ?? "-"
                        );
                }
            }
        );
        return app;
    }

    private static LogLevel Level(string name) =>
        name.ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "WARNING" or "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" => LogLevel.Critical,
            "NONE" => LogLevel.None,
            _ => LogLevel.Information,
        };
}
