using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Mosaic.Server.Auth;
using Mosaic.Server.Chat;

namespace Mosaic.Server.Agent;

/// <summary>/api/agent (spec §10.3): ask several sources at once, streamed or whole; list and rank sources.</summary>
public static class AgentEndpoints
{
    public static WebApplication MapAgentEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/agent").WithTags("Agent").RequireAuthorization();

        group.MapPost("/query/stream", async (AgentQueryRequest request, HttpContext http, CancellationToken ct) =>
        {
            var (question, problem) = await ValidateAsync(request, http, ct);
            if (problem is not null) return problem;
            var channel = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true });
            var producer = ProduceAsync(http, question!, channel, canAskApproval: true, ct);
            try { await TypedResults.ServerSentEvents(channel.Reader.ReadAllAsync(ct)).ExecuteAsync(http); }
            finally { await producer; }
            return Results.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        group.MapPost("/query", async Task<Results<Ok<MultiSourceResponse>, ProblemHttpResult>> (
            AgentQueryRequest request, HttpContext http, CancellationToken ct) =>
        {
            var (question, problem) = await ValidateAsync(request, http, ct);
            if (problem is not null) return problem;
            // Nobody can answer an approval request here: write tools are refused and the answer says so.
            var channel = Channel.CreateUnbounded<AgentEvent>();
            var producer = ProduceAsync(http, question!, channel, canAskApproval: false, ct);
            MultiSourceResponse? result = null;
            string? error = null;
            await foreach (var e in channel.Reader.ReadAllAsync(ct))
                if (e is AgentDoneEvent d) result = d.Result;
                else if (e is AgentErrorEvent x) error ??= x.Error;
            await producer;
            return result is not null ? TypedResults.Ok(result)
                : TypedResults.Problem(error ?? "The agent stopped without an answer.", statusCode: 500, title: "The agent could not answer");
        });

        group.MapGet("/sources", async (AgentSources sources, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await sources.ListAsync(http.User.GetUserId(), ct)));

        group.MapPost("/detect-sources", async Task<Results<Ok<DetectSourcesResponse>, ProblemHttpResult>> (
            DetectSourcesRequest request, AgentSources sources, SourceDetector detector, AgentSettings settings, HttpContext http, CancellationToken ct) =>
        {
            var userId = http.User.GetUserId();
            var usable = await sources.UsableAsync(userId, ct);
            var errors = new Dictionary<string, string[]>();
            var query = request.Query?.Trim() ?? "";
            if (query.Length == 0) errors["query"] = ["Ask something: the query is empty."];
            else if (query.Length > settings.MaxQueryChars) errors["query"] = [$"The query is longer than {settings.MaxQueryChars} characters."];
            var candidates = usable;
            if (request.AvailableSources is { Count: > 0 } only)
            {
                var unknown = only.Where(s => usable.All(u => u.Id != s)).ToList();
                if (unknown.Count > 0) errors["available_sources"] = [$"Not configured or unknown: {string.Join(", ", unknown)}."];
                candidates = usable.Where(u => only.Contains(u.Id)).ToList();
            }
            if (errors.Count > 0) return Invalid(errors);
            return TypedResults.Ok(await detector.DetectAsync(userId, query, candidates, ct));
        });
        return app;
    }

    private static async Task<(AgentQuestion?, ProblemHttpResult?)> ValidateAsync(AgentQueryRequest request, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<AgentSettings>();
        var userId = http.User.GetUserId();
        var errors = new Dictionary<string, string[]>();
        var query = request.Query?.Trim() ?? "";
        if (query.Length == 0) errors["query"] = ["Ask something: the query is empty."];
        else if (query.Length > settings.MaxQueryChars) errors["query"] = [$"The query is longer than {settings.MaxQueryChars} characters."];
        if (request.Sources is { Count: > 0 } named)
        {
            var usable = await services.GetRequiredService<AgentSources>().UsableAsync(userId, ct);
            var unknown = named.Where(s => usable.All(u => u.Id != s)).ToList();
            if (unknown.Count > 0) errors["sources"] = [$"Not configured or unknown: {string.Join(", ", unknown)}. Add credentials under Data sources first."];
        }
        if (request.SessionId is { } sid && !SessionIds.IsValid(sid))
            errors["session_id"] = ["A session id is 1-100 letters, digits, '-' or '_'."];
        if (errors.Count > 0) return (null, Invalid(errors));

        var sessionId = request.SessionId ?? SessionIds.New();
        var owner = await services.GetRequiredService<ChatHistoryStore>().OwnerAsync(userId, sessionId, ct);
        if (owner == SessionOwner.SomeoneElse) return (null, ChatSessionEndpoints.SessionNotFound());
        return (new AgentQuestion(userId, sessionId, query, request.Sources is { Count: > 0 } s ? s : null), null);
    }

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new ValidationProblemDetails(errors)
        {
            Status = 400, Title = "The agent request is not valid", Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
        });

    private static Task ProduceAsync(HttpContext http, AgentQuestion question, Channel<AgentEvent> channel, bool canAskApproval, CancellationToken ct) =>
        Task.Run(async () =>
        {
            var logger = http.RequestServices.GetRequiredService<ILogger<AgentOrchestrator>>();
            try
            {
                await http.RequestServices.GetRequiredService<AgentOrchestrator>().RunAsync(question, channel.Writer, canAskApproval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                logger.LogInformation("Agent stream cancelled: the client went away");
            }
            catch (Exception e)
            {
                logger.LogError(e, "Agent query failed");
                channel.Writer.TryWrite(new AgentErrorEvent("Something went wrong on the server; it has been logged."));
            }
            finally { channel.Writer.TryComplete(); }
        }, CancellationToken.None);
}
