using Scalar.AspNetCore;

namespace Mosaic.Server.Infrastructure;

/// <summary>The OpenAPI document at /openapi/v1.json; a browsable reference at /scalar in development.</summary>
public static class OpenApiDocs
{
    public static WebApplicationBuilder AddOpenApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapOpenApiDocs(this WebApplication app)
    {
        app.MapOpenApi().DisableRateLimiting();
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference().DisableRateLimiting();
        return app;
    }
}
