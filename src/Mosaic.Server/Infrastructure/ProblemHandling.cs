using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace Mosaic.Server.Infrastructure;

public static class ProblemHandling
{
    /// <summary>
    /// snake_case JSON like docs/architecture.md#http-api, strict reading (required members and non-nullable
    /// properties are enforced), and RFC 7807 ProblemDetails for every error.
    /// </summary>
    public static WebApplicationBuilder AddProblemHandling(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o =>
            o.CustomizeProblemDetails = c =>
            {
                c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
                c.ProblemDetails.Extensions["trace_id"] = c.HttpContext.TraceIdentifier;
            }
        );
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad request bodies throw (in every environment) so ProblemExceptionHandler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    public static WebApplication UseProblemHandling(this WebApplication app)
    {
        app.UseExceptionHandler(
            new ExceptionHandlerOptions
            {
                // Client mistakes are not server errors, and a database outage is logged once per request by
                // ProblemExceptionHandler: keep both out of the error log.
                SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException || DatabaseFailure.Of(c.Exception) is not null,
            }
        );
        app.UseStatusCodePages(); // empty 401/403/404/405/… bodies become ProblemDetails
        return app;
    }
}
