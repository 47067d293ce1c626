using System.Collections.Concurrent;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>One request that came with a W3C trace context (a connector's upstream call inside a traced tool call).</summary>
public sealed record TracedRequest(string Method, string Path, string Traceparent, string TraceId);

/// <summary>
/// Remembers the trace context of the last requests, so a test can see that a connector's upstream call belonged to the
/// trace of the chat turn that caused it: GET /_sandbox/traces[?trace_id=…].
/// </summary>
public static class TraceRecorder
{
    const int Kept = 500;
    static readonly ConcurrentQueue<TracedRequest> Requests = new();

    public static WebApplication UseTraceRecorder(this WebApplication app)
    {
        app.Use(
            (context, next) =>
            {
                // traceparent: version-traceid-parentid-flags (W3C Trace Context).
                if (
                    context.Request.Headers.TryGetValue("traceparent", out var header)
                    && header.ToString().Split('-') is { Length: 4 } parts
                )
                {
                    Requests.Enqueue(new(context.Request.Method, context.Request.Path, header.ToString(), parts[1]));
                    while (Requests.Count > Kept)
                        Requests.TryDequeue(out _);
                }
                return next(context);
            }
        );
        app.MapGet("/_sandbox/traces", (string? trace_id) => Results.Json(Requests.Where(r => trace_id is null || r.TraceId == trace_id)));
        return app;
    }
}
