using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Chat;

/// <summary>/api/chat (spec §10.2): ask a source, streamed or whole; answer approval requests.</summary>
public static class ChatEndpoints
{
    public static WebApplication MapChatEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/chat").WithTags("Chat").RequireAuthorization();

        group.MapPost("/message/stream", async (ChatMessageRequest request, HttpContext http, CancellationToken ct) =>
        {
            var (question, problem) = await ValidateAsync(request, http, ct);
            if (problem is not null) return problem;
            var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true });
            var producer = ProduceAsync(http, question!, channel, canAskApproval: true, ct);
            // Written here rather than returned, so the request (and its scoped services) outlives the producer,
            // also when the client leaves and writing throws.
            try { await TypedResults.ServerSentEvents(channel.Reader.ReadAllAsync(ct)).ExecuteAsync(http); }
            finally { await producer; }
            return Results.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        group.MapPost("/message", async Task<Results<Ok<ChatMessageResponse>, ProblemHttpResult>> (
            ChatMessageRequest request, HttpContext http, CancellationToken ct) =>
        {
            var (question, problem) = await ValidateAsync(request, http, ct);
            if (problem is not null) return problem;
            var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true });
            var producer = ProduceAsync(http, question!, channel, canAskApproval: false, ct);
            try { return await ChatAnswer.CollectAsync(channel.Reader, question!, http.Response, ct); }
            finally { await producer; }
        });

        group.MapPost("/approvals/{approvalId}", async Task<Results<Ok<ApprovalResponse>, ProblemHttpResult>> (
            string approvalId, ApprovalRequest request, ApprovalBroker broker, HttpContext http) =>
            await broker.DecideAsync(approvalId, http.User.GetUserId(), request.Approved) == ApprovalDecision.Accepted
                ? TypedResults.Ok(new ApprovalResponse(approvalId, request.Approved ? "approved" : "refused"))
                : TypedResults.Problem("No pending approval with this id: it was answered already, it expired, or it is not yours.",
                    statusCode: StatusCodes.Status404NotFound, title: "Approval not found"));

        group.MapGet("/providers", (Llm.LlmProvider llm) => TypedResults.Ok(new ProviderResponse(
            llm.Name, llm.Model, llm.FastModel, llm.IsOffline,
            llm.IsOffline ? "Offline mode (no language model: keyword routing and formatted tool results)" : $"{llm.Name}: {llm.Model}")));

        group.MapChatSessionEndpoints();
        return app;
    }

    private static async Task<(ChatQuestion?, ProblemHttpResult?)> ValidateAsync(ChatMessageRequest request, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<ChatSettings>();
        var errors = new Dictionary<string, string[]>();
        var message = request.Message?.Trim() ?? "";
        if (message.Length == 0) errors["message"] = ["Ask something: the message is empty."];
        else if (message.Length > settings.MaxMessageChars) errors["message"] = [$"The message is longer than {settings.MaxMessageChars} characters."];
        var source = services.GetRequiredService<ConnectorRegistry>().Find(request.Datasource ?? "");
        if (source is null) errors["datasource"] = [$"Unknown datasource '{request.Datasource}'."];
        else if (!source.Enabled) errors["datasource"] = [$"{source.Name} is disabled on this server."];
        if (request.SessionId is { } sid && !SessionIds.IsValid(sid))
            errors["session_id"] = ["A session id is 1-100 letters, digits, '-' or '_'."];
        if (errors.Count > 0)
            return (null, TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(errors)
            {
                Status = 400, Title = "The chat request is not valid", Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
            }));

        var userId = http.User.GetUserId();
        var sessionId = request.SessionId ?? SessionIds.New();
        var owner = await services.GetRequiredService<ChatHistoryStore>().OwnerAsync(userId, sessionId, ct);
        if (owner == SessionOwner.SomeoneElse) return (null, ChatSessionEndpoints.SessionNotFound());
        return (new ChatQuestion(userId, sessionId, source!, message), null);
    }

    private static Task ProduceAsync(HttpContext http, ChatQuestion question, Channel<ChatEvent> channel, bool canAskApproval, CancellationToken ct) =>
        Task.Run(async () =>
        {
            var logger = http.RequestServices.GetRequiredService<ILogger<ChatService>>();
            try
            {
                var turn = new ChatTurn(question.UserId, question.Source.Id, null, canAskApproval, channel.Writer);
                await http.RequestServices.GetRequiredService<ChatService>().RunAsync(question, turn, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                logger.LogInformation("Chat stream for {Datasource} cancelled: the client went away", question.Source.Id);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Chat failed for {Datasource}", question.Source.Id);
                channel.Writer.TryWrite(new ErrorEvent("Something went wrong on the server; it has been logged."));
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
}
