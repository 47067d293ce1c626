using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mosaic.Bench.Turn;

/// <summary>
/// The server's spans by trace: Mosaic's own (chat.*, execute_tool, agent.source) and ASP.NET Core's request activity,
/// which marks when the server began the request. EF Core emits no Activities without OpenTelemetry's instrumentation,
/// so its database commands are counted from its DiagnosticListener ("CommandExecuted"), by the trace that ran them.
/// </summary>
sealed class SpanRecorder : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    readonly ActivityListener _listener;
    readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<Activity>> _spans = new();
    readonly ConcurrentDictionary<ActivityTraceId, DbCounts> _commands = new();
    readonly List<IDisposable> _subscriptions = [];

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Mosaic" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _spans.GetOrAdd(a.TraceId, _ => new()).Enqueue(a),
        };
        ActivitySource.AddActivityListener(_listener);
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>The trace's spans once the request's own span has ended (it ends last), or what there is after 2 s.</summary>
    public async Task<IReadOnlyList<Activity>> TraceAsync(ActivityTraceId trace)
    {
        for (var i = 0; i < 400; i++)
        {
            if (_spans.TryGetValue(trace, out var q) && q.Any(a => a.Kind == ActivityKind.Server))
                break;
            await Task.Delay(5);
        }
        _spans.TryRemove(trace, out var spans);
        return spans?.ToList() ?? [];
    }

    public DbCounts Commands(ActivityTraceId trace) => _commands.TryRemove(trace, out var c) ? c : new DbCounts();

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore")
            lock (_subscriptions)
                _subscriptions.Add(listener.Subscribe(this, name => name == CommandExecuted));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Value is not CommandExecutedEventData data || Activity.Current is not { } current)
            return;
        var counts = _commands.GetOrAdd(current.TraceId, _ => new DbCounts());
        if (IsRead(data.Command))
            Interlocked.Increment(ref counts.Reads);
        else
            Interlocked.Increment(ref counts.Writes);
    }

    static bool IsRead(DbCommand command) =>
        command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        || command.CommandText.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _listener.Dispose();
        lock (_subscriptions)
            _subscriptions.ForEach(s => s.Dispose());
        // Spans of traces nobody read would otherwise count as the server's memory in the held-streams figure.
        _spans.Clear();
        _commands.Clear();
    }
}

sealed class DbCounts
{
    public int Reads;
    public int Writes;
}

static class Spans
{
    public static Activity? Named(this IEnumerable<Activity> spans, string name) =>
        spans.Where(a => a.OperationName == name).OrderBy(a => a.StartTimeUtc).FirstOrDefault();

    public static DateTime End(this Activity a) => a.StartTimeUtc + a.Duration;

    public static double Ms(DateTime from, DateTime to) => (to - from).TotalMilliseconds;

    /// <summary>True when <paramref name="span"/> is <paramref name="ancestor"/> or below it.</summary>
    public static bool Under(this Activity span, Activity ancestor, IReadOnlyDictionary<ActivitySpanId, Activity> bySpan)
    {
        for (var a = span; a is not null; a = bySpan.GetValueOrDefault(a.ParentSpanId))
            if (a.SpanId == ancestor.SpanId)
                return true;
        return false;
    }
}
