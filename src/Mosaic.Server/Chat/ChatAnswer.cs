using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mosaic.Server.Chat;

/// <summary>Folds a turn's events into the non-streaming answer {response, session_id, sources}.</summary>
public static class ChatAnswer
{
    public static async Task<Results<Ok<ChatMessageResponse>, ProblemHttpResult>> CollectAsync(
        ChannelReader<ChatEvent> events, ChatQuestion question, HttpResponse response, CancellationToken ct)
    {
        var text = new StringBuilder();
        ChatMetadata? metadata = null;
        ErrorEvent? error = null;
        await foreach (var e in events.ReadAllAsync(ct))
        {
            switch (e)
            {
                case ChunkEvent c: text.Append(c.Content); break;
                case DoneEvent d: metadata = d.Metadata; break;
                case ErrorEvent x: error ??= x; break;
            }
        }
        if (error is not null && metadata is null)
        {
            if (error.RetryAfter is { } seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(error.Error, statusCode: error.Code switch
            {
                ErrorCodes.NotConfigured => StatusCodes.Status400BadRequest,
                ErrorCodes.SourceUnavailable or ErrorCodes.SourceBusy => StatusCodes.Status503ServiceUnavailable,
                ErrorCodes.ModelFailed => StatusCodes.Status502BadGateway,
                _ => StatusCodes.Status500InternalServerError,
            }, title: $"{question.Source.Name} could not answer");
        }
        var sources = metadata?.ToolsUsed.Select(u => new ChatSource(question.Source.Id, u.Tool, u.Arguments, u.Success)).ToList() ?? [];
        return TypedResults.Ok(new ChatMessageResponse(text.ToString(), question.SessionId, sources, metadata));
    }
}
