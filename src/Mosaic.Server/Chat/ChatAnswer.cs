using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mosaic.Server.Chat;

/// <summary>The non-streaming answer {response, session_id, sources} from a turn's result, or the problem it ended with.</summary>
public static class ChatAnswer
{
    public static Results<Ok<ChatMessageResponse>, ProblemHttpResult> From(
        ChatTurnResult result,
        ChatQuestion question,
        HttpResponse response
    )
    {
        if (result.Error is { } error)
        {
            if (error.RetryAfter is { } seconds)
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                error.Error,
                statusCode: error.Code switch
                {
                    ErrorCodes.NotConfigured => StatusCodes.Status400BadRequest,
                    ErrorCodes.SourceUnavailable or ErrorCodes.SourceBusy or Infrastructure.DatabaseFailure.Code =>
                        StatusCodes.Status503ServiceUnavailable,
                    ErrorCodes.ModelFailed => StatusCodes.Status502BadGateway,
                    _ => StatusCodes.Status500InternalServerError,
                },
                title: $"{question.Source.Name} could not answer"
            );
        }
        var sources = result.ToolsUsed.Select(u => new ChatSource(question.Source.Id, u.Tool, u.Arguments, u.Success)).ToList();
        return TypedResults.Ok(new ChatMessageResponse(result.Text, question.SessionId, sources, result.Metadata));
    }
}
