using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Mosaic.Server.Auth;

namespace Mosaic.Server.Digest;

/// <summary>
/// GET /api/digest[?since=ISO | ?hours=N][&amp;refresh=true]: "What You Missed" since the previous login (or the
/// chosen window), cached five minutes per user. GET /api/digest/stream: the same as server-sent events,
/// a section as soon as its source answers.
/// </summary>
public static class DigestEndpoints
{
    public static WebApplication MapDigestEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/digest").WithTags("Digest").RequireAuthorization();

        group.MapGet("", async Task<Results<Ok<DigestResponse>, ProblemHttpResult>> (
            string? since, string? hours, bool? refresh, DigestService digests, HttpContext http, TimeProvider time, CancellationToken ct) =>
        {
            var (start, error) = Window(since, hours, time);
            if (error is not null) return Invalid(error);
            return TypedResults.Ok(await digests.GetAsync(new DigestRequest(http.User.GetUserId(), start, refresh == true), null, ct));
        });

        group.MapGet("/stream", async (string? since, string? hours, bool? refresh, DigestService digests, HttpContext http, TimeProvider time,
            ILogger<DigestService> logger, CancellationToken ct) =>
        {
            var (start, error) = Window(since, hours, time);
            if (error is not null) return Invalid(error);
            var userId = http.User.GetUserId();
            var channel = Channel.CreateUnbounded<DigestEvent>(new UnboundedChannelOptions { SingleReader = true });
            var producer = Task.Run(async () =>
            {
                try
                {
                    var window = await digests.WindowStartAsync(userId, start, ct);
                    // The sources up front, so a client can show each one pending until its section arrives.
                    await channel.Writer.WriteAsync(new DigestStartEvent(window, await digests.SourcesAsync(userId, ct)), ct);
                    var digest = await digests.GetAsync(new DigestRequest(userId, window, refresh == true),
                        s => channel.Writer.WriteAsync(new DigestSectionEvent(s), ct).AsTask(), ct);
                    await channel.Writer.WriteAsync(new DigestDoneEvent(digest), ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
                catch (Exception e)
                {
                    logger.LogError(e, "Digest stream failed");
                    channel.Writer.TryWrite(new DigestErrorEvent("Something went wrong on the server; it has been logged."));
                }
                finally { channel.Writer.TryComplete(); }
            }, CancellationToken.None);
            try { await TypedResults.ServerSentEvents(channel.Reader.ReadAllAsync(ct)).ExecuteAsync(http); }
            finally { await producer; }
            return Results.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    /// <summary>The window's start from ?since= or ?hours= (null: since the previous login), or what is wrong with them.</summary>
    private static (DateTimeOffset? Start, string? Error) Window(string? since, string? hours, TimeProvider time)
    {
        if (since is not null && hours is not null) return (null, "Give either since or hours, not both.");
        var now = time.GetUtcNow();
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
                return (null, $"since must be an ISO 8601 date or time, e.g. {now:yyyy-MM-dd'T'HH:mm'Z'}.");
            if (s > now) return (null, "since is in the future.");
            if (s < now.AddDays(-31)) return (null, "since may be at most 31 days ago.");
            return (s, null);
        }
        if (hours is not null)
        {
            if (!int.TryParse(hours, CultureInfo.InvariantCulture, out var h) || h is < 1 or > 744)
                return (null, "hours must be a whole number from 1 to 744 (31 days).");
            return (now.AddHours(-h), null);
        }
        return (null, null);
    }

    private static ProblemHttpResult Invalid(string message) =>
        TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { ["window"] = [message] })
        {
            Status = 400, Title = "The digest window is not valid", Detail = message,
        });
}
