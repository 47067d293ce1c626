using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Auth;
using Mosaic.Server.Chat;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Agent;

/// <summary>/api/agent (docs/architecture.md#the-agent): ask several sources at once, streamed or whole; list and rank sources.</summary>
public static class AgentEndpoints
{
    public static WebApplication MapAgentEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/agent").WithTags("Agent").RequireAuthorization();

        group
            .MapPost(
                "/query/stream",
                async (
                    AgentQueryRequest request,
                    HttpContext http,
                    AgentOrchestrator agent,
                    ILogger<AgentOrchestrator> logger,
                    CancellationToken ct
                ) =>
                {
                    var (question, problem) = await QuestionAsync(request, http, ct);
                    if (question is null)
                        return problem!;
                    return await EventStream.WriteAsync<AgentEvent>(
                        http,
                        logger,
                        "Agent query",
                        new AgentErrorEvent(EventStream.UnexpectedError),
                        (events, token) => agent.RunAsync(question, events, canAskApproval: true, token),
                        ct
                    );
                }
            )
            .Produces<AgentEvent>(StatusCodes.Status200OK, "text/event-stream");

        group.MapPost(
            "/query",
            async Task<Results<Ok<MultiSourceResponse>, ProblemHttpResult>> (
                AgentQueryRequest request,
                HttpContext http,
                AgentOrchestrator agent,
                ILogger<AgentOrchestrator> logger,
                CancellationToken ct
            ) =>
            {
                var (question, problem) = await QuestionAsync(request, http, ct);
                if (question is null)
                    return problem!;
                // Nobody can answer an approval request here: write tools are refused and the answer says so.
                var result = await EventStream.ResultAsync<MultiSourceResponse?>(
                    logger,
                    "Agent query",
                    async token => await agent.RunAsync(question, EventSink.None<AgentEvent>(), canAskApproval: false, token),
                    null,
                    ct
                );
                return result is not null
                    ? TypedResults.Ok(result)
                    : TypedResults.Problem(EventStream.UnexpectedError, statusCode: 500, title: "The agent could not answer");
            }
        );

        group.MapGet("/sources", async (AgentSources sources, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await sources.ListAsync(http.User.GetUserId(), ct))
        );

        group.MapPost(
            "/detect-sources",
            async Task<Results<Ok<DetectSourcesResponse>, ProblemHttpResult>> (
                DetectSourcesRequest request,
                AgentSources sources,
                SourceDetector detector,
                AgentSettings settings,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                var userId = http.User.GetUserId();
                var usable = await sources.UsableAsync(userId, ct);
                if (request.Validate(settings, usable) is { } invalid)
                    return TypedResults.Problem(invalid);
                return TypedResults.Ok(await detector.DetectAsync(userId, request.Query.Trim(), request.Candidates(usable), ct));
            }
        );
        return app;
    }

    /// <summary>The validated question, or the 400/404 to answer with.</summary>
    private static async Task<(AgentQuestion?, ProblemHttpResult?)> QuestionAsync(
        AgentQueryRequest request,
        HttpContext http,
        CancellationToken ct
    )
    {
        var services = http.RequestServices;
        var userId = http.User.GetUserId();
        var usable = request.Sources is { Count: > 0 } ? await services.GetRequiredService<AgentSources>().UsableAsync(userId, ct) : null;
        if (request.Validate(services.GetRequiredService<AgentSettings>(), usable) is { } invalid)
            return (null, TypedResults.Problem(invalid));

        var sessionId = request.SessionId ?? SessionIds.New();
        var history = services.GetRequiredService<ChatHistoryStore>();
        var session = await history.OpenAsync(userId, sessionId, services.GetRequiredService<ChatSettings>().HistoryMessages, ct);
        if (session.Owner == SessionOwner.SomeoneElse)
            return (null, ChatSessionEndpoints.SessionNotFound());
        var sources = request.Sources is { Count: > 0 } s ? s : null;
        return (new AgentQuestion(userId, sessionId, request.Query.Trim(), sources) { Session = session }, null);
    }
}
