using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Auth;
using Mosaic.Server.Connectors;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Chat;

/// <summary>/api/chat (docs/architecture.md#single-source-chat): ask a source, streamed or whole; answer approval requests.</summary>
public static class ChatEndpoints
{
    public static WebApplication MapChatEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/chat").WithTags("Chat").RequireAuthorization();

        group
            .MapPost(
                "/message/stream",
                async (ChatMessageRequest request, HttpContext http, ChatService chat, ILogger<ChatService> logger, CancellationToken ct) =>
                {
                    var (question, problem) = await QuestionAsync(request, http, ct);
                    if (question is null)
                        return problem!;
                    return await EventStream.WriteAsync<ChatEvent>(
                        http,
                        logger,
                        $"Chat turn for {question.Source.Id}",
                        ErrorEvent.Unexpected(),
                        (events, token) => chat.RunAsync(question, Turn(question, canAskApproval: true, events), token),
                        ct
                    );
                }
            )
            .Produces<ChatEvent>(StatusCodes.Status200OK, "text/event-stream");

        group.MapPost(
            "/message",
            async Task<Results<Ok<ChatMessageResponse>, ProblemHttpResult>> (
                ChatMessageRequest request,
                HttpContext http,
                ChatService chat,
                ILogger<ChatService> logger,
                CancellationToken ct
            ) =>
            {
                var (question, problem) = await QuestionAsync(request, http, ct);
                if (question is null)
                    return problem!;
                var turn = Turn(question, canAskApproval: false, EventSink.None<ChatEvent>());
                var result = await EventStream.ResultAsync(
                    logger,
                    $"Chat turn for {question.Source.Id}",
                    token => chat.RunAsync(question, turn, token),
                    ChatTurnResult.Failed(),
                    ct
                );
                return ChatAnswer.From(result, question, http.Response);
            }
        );

        group.MapPost(
            "/approvals/{approvalId}",
            async Task<Results<Ok<ApprovalResponse>, ProblemHttpResult>> (
                string approvalId,
                ApprovalRequest request,
                ApprovalBroker broker,
                HttpContext http
            ) =>
                await broker.DecideAsync(approvalId, http.User.GetUserId(), request.Approved) == ApprovalDecision.Accepted
                    ? TypedResults.Ok(new ApprovalResponse(approvalId, request.Approved ? "approved" : "refused"))
                    : TypedResults.Problem(
                        "No pending approval with this id: it was answered already, it expired, or it is not yours.",
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Approval not found"
                    )
        );

        group.MapGet("/providers", (Llm.LlmProvider llm) =>
            TypedResults.Ok(new ProviderResponse(llm.Name, llm.Model, llm.FastModel, llm.IsOffline, llm.Label))
        );

        group.MapChatSessionEndpoints();
        return app;
    }

    /// <summary>The validated question, or the 400/404 to answer with.</summary>
    private static async Task<(ChatQuestion?, ProblemHttpResult?)> QuestionAsync(
        ChatMessageRequest request,
        HttpContext http,
        CancellationToken ct
    )
    {
        var services = http.RequestServices;
        var registry = services.GetRequiredService<SourceRegistry>();
        if (request.Validate(services.GetRequiredService<ChatSettings>(), registry) is { } invalid)
            return (null, TypedResults.Problem(invalid));

        using var span = Telemetry.MosaicTelemetry.Start(Telemetry.MosaicTelemetry.Spans.Session, request.Datasource);
        var userId = http.User.GetUserId();
        var sessionId = request.SessionId ?? SessionIds.New();
        // The owner check also reads what the turn needs from the session (one query), so the turn reads nothing more.
        var history = services.GetRequiredService<ChatHistoryStore>();
        var session = await history.OpenAsync(userId, sessionId, services.GetRequiredService<ChatSettings>().HistoryMessages, ct);
        if (session.Owner == SessionOwner.SomeoneElse)
            return (null, ChatSessionEndpoints.SessionNotFound());
        var source = registry.Find(request.Datasource)!;
        return (new ChatQuestion(userId, sessionId, source, request.Message.Trim()) { Session = session }, null);
    }

    private static ChatTurn Turn(ChatQuestion question, bool canAskApproval, IEventSink<ChatEvent> events) =>
        new(question.UserId, question.Source.Id, null, canAskApproval, events);
}
