using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Auth;
using Mosaic.Server.Infrastructure;

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

        group.MapGet(
            "",
            async Task<Results<Ok<DigestResponse>, ProblemHttpResult>> (
                string? since,
                string? hours,
                bool? refresh,
                DigestService digests,
                HttpContext http,
                TimeProvider time,
                CancellationToken ct
            ) =>
            {
                var (start, error) = Window(since, hours, time);
                if (error is not null)
                    return Invalid(error);
                return TypedResults.Ok(await digests.GetAsync(new DigestRequest(http.User.GetUserId(), start, refresh == true), null, ct));
            }
        );

        group
            .MapGet(
                "/stream",
                async (
                    string? since,
                    string? hours,
                    bool? refresh,
                    DigestService digests,
                    HttpContext http,
                    TimeProvider time,
                    ILogger<DigestService> logger,
                    CancellationToken ct
                ) =>
                {
                    var (start, error) = Window(since, hours, time);
                    if (error is not null)
                        return Invalid(error);
                    var userId = http.User.GetUserId();
                    var failed = new DigestErrorEvent(EventStream.UnexpectedError);
                    return await EventStream.WriteAsync<DigestEvent>(
                        http,
                        logger,
                        "Digest stream",
                        failed,
                        async (events, token) =>
                        {
                            var window = await digests.WindowStartAsync(userId, start, token);
                            // The sources up front, so a client can show each one pending until its section arrives.
                            await events.EmitAsync(new DigestStartEvent(window, await digests.SourcesAsync(userId, token)), token);
                            var digest = await digests.GetAsync(
                                new DigestRequest(userId, window, refresh == true),
                                s => events.EmitAsync(new DigestSectionEvent(s), token).AsTask(),
                                token
                            );
                            await events.EmitAsync(new DigestDoneEvent(digest), token);
                        },
                        ct
                    );
                }
            )
            .Produces<DigestEvent>(StatusCodes.Status200OK, "text/event-stream");
        return app;
    }

    /// <summary>The window's start from ?since= or ?hours= (null: since the previous login), or what is wrong with them.</summary>
    private static (DateTimeOffset? Start, string? Error) Window(string? since, string? hours, TimeProvider time)
    {
        if (since is not null && hours is not null)
            return (null, "Give either since or hours, not both.");
        var now = time.GetUtcNow();
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
                return (null, $"since must be an ISO 8601 date or time, e.g. {now:yyyy-MM-dd'T'HH:mm'Z'}.");
            if (s > now)
                return (null, "since is in the future.");
            if (s < now.AddDays(-31))
                return (null, "since may be at most 31 days ago.");
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
        TypedResults.Problem(new ValidationErrors().Add("window", message).Problem("The digest window is not valid")!);
}
