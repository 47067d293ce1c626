using ModelContextProtocol.Client;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>One live MCP connection for one (user, datasource): a child process or a remote session.</summary>
internal sealed class McpSession(SessionKey key, McpClient client, int? processId, string fingerprint,
    DateTimeOffset now) : IAsyncDisposable
{
    long _lastUsedTicks = now.UtcTicks;
    int _inFlight;
    int _disposed;

    public SessionKey Key { get; } = key;
    public McpClient Client { get; } = client;
    public int? ProcessId { get; } = processId;
    public string Fingerprint { get; } = fingerprint;

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Completes when the process exits or the connection drops.</summary>
    public bool IsDead => Client.Completion.IsCompleted || Volatile.Read(ref _disposed) == 1;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    public IDisposable BeginCall(DateTimeOffset now)
    {
        Touch(now);
        Interlocked.Increment(ref _inFlight);
        return new CallScope(this);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try { await Client.DisposeAsync(); }
        catch (Exception) { /* closing a broken connection may throw; it is gone either way */ }
    }

    sealed class CallScope(McpSession session) : IDisposable
    {
        int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref session._inFlight);
        }
    }
}

internal readonly record struct SessionKey(string UserId, string Datasource)
{
    public override string ToString() => $"{Datasource} (user {UserId})";
}
