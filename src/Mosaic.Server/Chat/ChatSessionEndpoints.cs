using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Auth;

namespace Mosaic.Server.Chat;

/// <summary>/api/chat/sessions: the caller's conversations; anyone else's are "not found", never "forbidden".</summary>
public static class ChatSessionEndpoints
{
    public static RouteGroupBuilder MapChatSessionEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet(
            "/sessions",
            async Task<Results<Ok<IReadOnlyList<ChatSessionSummary>>, ProblemHttpResult>> (
                ChatHistoryStore store,
                HttpContext http,
                CancellationToken ct,
                int? limit
            ) =>
            {
                if (limit is < 1 or > 200)
                    return TypedResults.Problem(
                        "limit must be between 1 and 200.",
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "Invalid limit"
                    );
                return TypedResults.Ok(await store.ListAsync(http.User.GetUserId(), limit ?? 50, ct));
            }
        );

        group.MapGet(
            "/sessions/{sessionId}",
            async Task<Results<Ok<ChatSessionResponse>, ProblemHttpResult>> (
                string sessionId,
                ChatHistoryStore store,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (!SessionIds.IsValid(sessionId))
                    return SessionNotFound();
                var messages = await store.MessagesAsync(http.User.GetUserId(), sessionId, ct);
                if (messages is null)
                    return SessionNotFound();
                var first = messages.FirstOrDefault(m => m.Role == "user")?.Content ?? "(untitled)";
                var title = TextClip.Ellipsize(first, 80);
                return TypedResults.Ok(new ChatSessionResponse(sessionId, messages[^1].Datasource, title, messages));
            }
        );

        group.MapDelete(
            "/sessions/{sessionId}",
            async Task<Results<NoContent, ProblemHttpResult>> (
                string sessionId,
                ChatHistoryStore store,
                HttpContext http,
                CancellationToken ct
            ) =>
                SessionIds.IsValid(sessionId) && await store.DeleteAsync(http.User.GetUserId(), sessionId, ct)
                    ? TypedResults.NoContent()
                    : SessionNotFound()
        );
        return group;
    }

    public static ProblemHttpResult SessionNotFound() =>
        TypedResults.Problem("No chat session with this id.", statusCode: StatusCodes.Status404NotFound, title: "Session not found");
}
