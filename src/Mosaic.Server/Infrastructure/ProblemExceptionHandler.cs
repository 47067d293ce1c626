using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Turns exceptions into ProblemDetails. Malformed or mistyped bodies are the client's fault (400,
/// with the JSON path); anything else is a 500 whose details stay in the server log.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "Invalid request body", DescribeJsonError(json)),
            BadHttpRequestException bad =>
                (bad.StatusCode, "Bad request", bad.Message),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested =>
                (499, "Client closed request", "The request was cancelled."),
            _ => (500, "Internal server error", "An unexpected error occurred. It has been logged with the trace id."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        if (http.Response.HasStarted) return true;

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    // The JSON path tells the caller which member was wrong without echoing values or .NET internals.
    private static string DescribeJsonError(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? null : json.Path;
        var what = json.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? "a required property is missing"
            : json.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && json.Message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase)
                ? "a property must not be null"
                : path is null ? "the body is not valid JSON" : "a value has the wrong type or format";
        var missing = json.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? " (" + json.Message[(json.Message.IndexOf("properties", StringComparison.Ordinal) + 10)..].Trim(' ', ':', '.', '\'') + ")"
            : "";
        return path is null ? $"Invalid JSON: {what}{missing}." : $"Invalid JSON at {path}: {what}{missing}.";
    }
}
