using System.Threading.Channels;

namespace Mosaic.Server.Infrastructure;

/// <summary>Where a producer's events go: a server-sent event stream, or nowhere when the caller reads its result.</summary>
public interface IEventSink<in TEvent>
{
    ValueTask EmitAsync(TEvent e, CancellationToken ct);
}

public static class EventSink
{
    /// <summary>For the non-streaming endpoints, which answer from the producer's result instead.</summary>
    public static IEventSink<TEvent> None<TEvent>() => NoSink<TEvent>.Instance;

    private sealed class NoSink<TEvent> : IEventSink<TEvent>
    {
        public static readonly NoSink<TEvent> Instance = new();

        public ValueTask EmitAsync(TEvent e, CancellationToken ct) => ValueTask.CompletedTask;
    }
}

/// <summary>
/// The one way an endpoint streams server-sent events: a producer writes to a sink, the response sends what it wrote.
/// A client that leaves cancels the producer (an Information line, not an error); an unexpected exception is logged
/// and the stream ends with the caller's error event; the stream ends when the producer does.
/// </summary>
public static class EventStream
{
    /// <summary>What a person reads when a producer failed unexpectedly: the details stay in the log.</summary>
    public const string UnexpectedError = "Something went wrong on the server; it has been logged.";

    /// <param name="name">Names the stream in the log, e.g. "Chat with slack".</param>
    /// <param name="failed">The last event when the producer throws: the stream's own error event.</param>
    public static async Task<IResult> WriteAsync<TEvent>(
        HttpContext http,
        ILogger logger,
        string name,
        TEvent failed,
        Func<IEventSink<TEvent>, CancellationToken, Task> produce,
        CancellationToken ct
    )
    {
        var channel = Channel.CreateUnbounded<TEvent>(new UnboundedChannelOptions { SingleReader = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    if (!await GuardAsync(logger, name, () => produce(new ChannelSink<TEvent>(channel.Writer), ct), ct))
                        channel.Writer.TryWrite(failed);
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None
        );
        // Written here rather than returned, so the request (and its scoped services) outlives the producer,
        // also when the client leaves and writing throws.
        try
        {
            await TypedResults.ServerSentEvents(channel.Reader.ReadAllAsync(ct)).ExecuteAsync(http);
        }
        finally
        {
            await producer;
        }
        return Results.Empty;
    }

    /// <summary>
    /// The non-streaming twin: the same producer with nobody listening, its result read directly. An unexpected
    /// exception is logged and becomes <paramref name="failed"/>; a client that left still cancels it.
    /// </summary>
    public static async Task<TResult> ResultAsync<TResult>(
        ILogger logger,
        string name,
        Func<CancellationToken, Task<TResult>> produce,
        TResult failed,
        CancellationToken ct
    )
    {
        var result = failed;
        await GuardAsync(logger, name, async () => result = await produce(ct), ct);
        ct.ThrowIfCancellationRequested();
        return result;
    }

    /// <returns>False when the producer failed unexpectedly (it has been logged).</returns>
    private static async Task<bool> GuardAsync(ILogger logger, string name, Func<Task> run, CancellationToken ct)
    {
        try
        {
            await run();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogInformation("{Stream} cancelled: the client went away", name);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Stream} failed", name);
            return false;
        }
        return true;
    }

    private sealed class ChannelSink<TEvent>(ChannelWriter<TEvent> writer) : IEventSink<TEvent>
    {
        public ValueTask EmitAsync(TEvent e, CancellationToken ct) => writer.WriteAsync(e, ct);
    }
}
