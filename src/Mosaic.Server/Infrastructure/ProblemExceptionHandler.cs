using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Turns exceptions into ProblemDetails. Malformed or mistyped bodies are the client's fault (400,
/// with the JSON path); a database that cannot serve is a 503 with Retry-After (<see cref="DatabaseFailure"/>); anything
/// else is a 500 whose details stay in the server log.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var database = DatabaseFailure.Of(exception);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "Invalid request body", DescribeJsonError(json)),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => (
                499,
                "Client closed request",
                "The request was cancelled."
            ),
            // Endpoints report sources themselves; this catches one that lets the hub's failure through.
            McpHubException { Failure: McpHubFailure.AtCapacity } busy => (503, "Source busy", busy.Message),
            _ when database is not null => (503, database.Title, database.Detail),
            _ => (500, "Internal server error", "An unexpected error occurred. It has been logged with the trace id."),
        };
        var request = http.Request;
        if (database is not null) // expected while it lasts, for every request: one line each, no stack trace
            logger.LogWarning("{Method} {Path}: {Title} ({Error})", request.Method, request.Path, database.Title, exception.Message);
        else if (status >= 500)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        if (http.Response.HasStarted)
            return true;

        http.Response.StatusCode = status;
        if (exception is McpHubException { RetryAfter: { } retry })
            http.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (database is not null)
            http.Response.Headers.RetryAfter = database.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = title,
                    Detail = detail,
                },
            }
        );
    }

    // The JSON path tells the caller which member was wrong without echoing values or .NET internals.
    private static string DescribeJsonError(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? null : json.Path;
        var message = json.Message;
        string what;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = Regex
                .Matches(message[message.IndexOf("including", StringComparison.Ordinal)..], "'([^']+)'")
                .Select(m => m.Groups[1].Value);
            what = $"missing required properties: {string.Join(", ", names)}";
        }
        else if (message.Contains("allow null", StringComparison.Ordinal) || message.Contains("non-nullable", StringComparison.Ordinal))
            what = "a required value is null";
        else
            what = path is null ? "the body is not valid JSON" : "a value has the wrong type or format";
        return path is null ? $"Invalid JSON: {what}." : $"Invalid JSON at {path}: {what}.";
    }
}
