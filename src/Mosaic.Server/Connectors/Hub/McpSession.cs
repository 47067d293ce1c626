using ModelContextProtocol.Client;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>One live MCP connection for one (user, datasource): a child process or a remote session.</summary>
internal sealed class McpSession(SessionKey key, McpClient client, int? processId, string fingerprint, DateTimeOffset now)
    : IAsyncDisposable
{
    /// <summary>Where this session's tool list is cached: its own key, or the shared list of its pool.</summary>
    public SessionKey ToolsKey { get; init; } = key;

    long _lastUsedTicks = now.UtcTicks;

    // Calls in flight; -1 once claimed for closing, after which no call may begin.
    int _inFlight;
    int _disposed;

    public SessionKey Key { get; } = key;
    public McpClient Client { get; } = client;
    public int? ProcessId { get; } = processId;
    public string Fingerprint { get; } = fingerprint;

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);
    public int InFlight => Math.Max(0, Volatile.Read(ref _inFlight));

    /// <summary>Completes when the process exits or the connection drops.</summary>
    public bool IsDead => Client.Completion.IsCompleted || Volatile.Read(ref _disposed) == 1;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    /// <summary>Counts a call in; null when the session was claimed for closing (the caller needs another one).</summary>
    public IDisposable? TryBeginCall(DateTimeOffset now)
    {
        while (true)
        {
            var n = Volatile.Read(ref _inFlight);
            if (n < 0)
                return null;
            if (Interlocked.CompareExchange(ref _inFlight, n + 1, n) != n)
                continue;
            Touch(now);
            return new CallScope(this);
        }
    }

    /// <summary>
    /// Claims the session for closing only if no call is in flight; from then on no call can begin, so closing
    /// it never cancels anyone's work. Undo with <see cref="Unclaim"/>.
    /// </summary>
    public bool TryClaimIdle() => Interlocked.CompareExchange(ref _inFlight, -1, 0) == 0;

    public void Unclaim() => Interlocked.CompareExchange(ref _inFlight, 0, -1);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            await Client.DisposeAsync();
        }
        catch (Exception)
        { /* closing a broken connection may throw; it is gone either way */
        }
    }

    sealed class CallScope(McpSession session) : IDisposable
    {
        int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                Interlocked.Decrement(ref session._inFlight);
        }
    }
}

internal readonly record struct SessionKey(string UserId, string Datasource)
{
    // User ids are GUIDs or e-mail-like ids and never start with '~': a pool's keys cannot be anyone's.
    const string PoolMark = "~pool";

    /// <summary>Process <paramref name="index"/> of a source's shared pool, for one launch (a changed launch: new keys).</summary>
    public static SessionKey Pool(string datasource, string launchFingerprint, int index) =>
        new($"{PoolMark}{index}~{launchFingerprint[..16]}", datasource);

    /// <summary>Where a shared launch's tool list is cached: one list for every user of the source.</summary>
    public static SessionKey SharedTools(string datasource, string launchFingerprint) =>
        new($"{PoolMark}~{launchFingerprint[..16]}", datasource);

    /// <summary>The breaker of one set of credentials on a shared connector: one user's bad token stays theirs.</summary>
    public static SessionKey Credential(string datasource, string credentialFingerprint) =>
        new($"{CredentialMark}{credentialFingerprint[..16]}", datasource);

    const string CredentialMark = "~credential~";

    public bool IsCredential => UserId.StartsWith(CredentialMark, StringComparison.Ordinal);

    public bool IsPool => UserId.StartsWith(PoolMark, StringComparison.Ordinal);

    public override string ToString() => IsPool ? $"{Datasource} (shared {UserId[1..]})" : $"{Datasource} (user {UserId})";
}
