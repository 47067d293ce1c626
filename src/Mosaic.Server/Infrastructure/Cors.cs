using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Mosaic.Server.Auth;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Infrastructure;

/// <summary>Only the origins in CORS_ORIGINS may call the API from a browser, with cookies.</summary>
public static class Cors
{
    public static WebApplicationBuilder AddMosaicCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors();
        builder
            .Services.AddOptions<CorsOptions>()
            .Configure<IOptions<MosaicSettings>>(
                (o, s) =>
                    o.AddDefaultPolicy(p =>
                        p.WithOrigins([.. s.Value.CorsOriginList])
                            .AllowCredentials()
                            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                            .WithHeaders("Content-Type", Csrf.HeaderName, "Last-Event-ID")
                            .WithExposedHeaders("Retry-After")
                            .SetPreflightMaxAge(TimeSpan.FromHours(1))
                    )
            );
        return builder;
    }
}
