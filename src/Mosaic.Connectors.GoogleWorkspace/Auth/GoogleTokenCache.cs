namespace Mosaic.Connectors.GoogleWorkspace.Auth;

/// <summary>
/// The one access token this process uses, shared by every tool call. It is refreshed shortly before it
/// expires, and after a 401 (revoked early, clock skew). A lock makes parallel calls that find it stale
/// wait for one refresh instead of each asking Google for a new token.
/// </summary>
public sealed class GoogleTokenCache(TimeProvider time)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Entry? _entry;

    /// <summary>Token and refresh time swapped as one reference, so a reader never sees half of an update.</summary>
    private sealed record Entry(string Token, DateTimeOffset RefreshAt);

    public GoogleTokenCache()
        : this(TimeProvider.System) { }

    /// <summary>A live access token, refreshing through <paramref name="refresh"/> when none is cached or it is about to expire.</summary>
    public async Task<string> GetAsync(
        Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> refresh,
        CancellationToken cancellationToken
    )
    {
        if (Current() is { } live)
            return live;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            // Another call may have refreshed while this one waited for the lock.
            if (Current() is { } fresh)
                return fresh;
            var (token, lifetime) = await refresh(cancellationToken);
            // Refresh a little early: a minute for Google's usual hour, proportionally less for short lifetimes.
            var margin = TimeSpan.FromSeconds(Math.Min(60, lifetime.TotalSeconds / 4));
            Volatile.Write(ref _entry, new Entry(token, time.GetUtcNow() + lifetime - margin));
            return token;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> after a 401, unless a newer token already replaced it.</summary>
    public void Invalidate(string rejected)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry?.Token == rejected)
            Interlocked.CompareExchange(ref _entry, null, entry);
    }

    private string? Current() => Volatile.Read(ref _entry) is { } e && time.GetUtcNow() < e.RefreshAt ? e.Token : null;
}
