using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Agent;

/// <summary>
/// Wraps the server's hub and logs, in order, when each tool call starts and ends. A test may hold one tool's calls
/// until the log shows something else happened, to prove which calls do (and do not) wait for which.
/// </summary>
public sealed class OrderedHub(IMcpHub inner) : IMcpHub
{
    /// <param name="Moment">"start" or "end".</param>
    public sealed record Entry(string Moment, string Datasource, string Tool);

    private readonly Lock _lock = new();
    private readonly List<Entry> _log = [];
    private Hold? _hold;

    public IReadOnlyList<Entry> Log
    {
        get
        {
            lock (_lock)
                return [.. _log];
        }
    }

    /// <summary>
    /// From now on, calls of <paramref name="tool"/> on <paramref name="datasource"/> wait until <paramref name="release"/>
    /// holds for the log (entries after this call), or at most <paramref name="atMost"/> so that a broken build fails
    /// instead of hanging.
    /// </summary>
    public Hold HoldUntil(string datasource, string tool, Func<IReadOnlyList<Entry>, bool> release, TimeSpan atMost)
    {
        lock (_lock)
            return _hold = new Hold(this, datasource, tool, _log.Count, release, atMost);
    }

    public Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct) =>
        inner.ListToolsAsync(userId, datasource, ct);

    public Task<IReadOnlyList<McpToolInfo>> ListDeclaredToolsAsync(string userId, string datasource, CancellationToken ct) =>
        inner.ListDeclaredToolsAsync(userId, datasource, ct);

    public async Task<McpToolResult> CallToolAsync(
        string userId,
        string datasource,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    )
    {
        var hold = Add(new Entry("start", datasource, tool));
        try
        {
            if (hold is not null && hold.Applies(datasource, tool))
                await hold.WaitAsync(ct);
            return await inner.CallToolAsync(userId, datasource, tool, arguments, ct);
        }
        finally
        {
            Add(new Entry("end", datasource, tool));
        }
    }

    public McpHubStatus GetStatus() => inner.GetStatus();

    public BreakerState GetBreakerState(string userId, string datasource) => inner.GetBreakerState(userId, datasource);

    private Hold? Add(Entry entry)
    {
        lock (_lock)
        {
            _log.Add(entry);
            _hold?.Check(_log);
            return _hold;
        }
    }

    private void Release(Hold hold)
    {
        lock (_lock)
            if (_hold == hold)
                _hold = null;
    }

    public sealed class Hold(
        OrderedHub hub,
        string datasource,
        string tool,
        int from,
        Func<IReadOnlyList<Entry>, bool> release,
        TimeSpan atMost
    ) : IDisposable
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>How many calls waited here.</summary>
        public int Held => _held;

        private int _held;

        /// <summary>True when a call waited the whole <c>atMost</c>: what it waited for never happened.</summary>
        public bool TimedOut { get; private set; }

        internal bool Applies(string source, string name) => source == datasource && name == tool;

        internal void Check(List<Entry> log)
        {
            if (!_released.Task.IsCompleted && release(log[from..]))
                _released.TrySetResult();
        }

        internal async Task WaitAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _released.Task.WaitAsync(atMost, ct);
            }
            catch (TimeoutException)
            {
                TimedOut = true;
            }
        }

        public void Dispose()
        {
            _released.TrySetResult();
            hub.Release(this);
        }
    }
}
