using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Mosaic.Server.Telemetry;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The one path by which a changed launch (new or deleted credentials, another command or URL) reaches the hub.
/// Every request resolves its launch here and compares its fingerprint with the one last seen for the key; a
/// credential-change notice (from this replica's vault, or another replica's over Redis) acts at once, without
/// waiting for a request. However it was seen, a change does one thing, <see cref="ChangedAsync"/>: the old
/// session closes, and its breaker and everything cached under the old credentials are forgotten.
/// </summary>
internal sealed class LaunchChanges(
    IConnectorLaunchResolver resolver,
    SessionTable sessions,
    GuardedCaller caller,
    McpHubCache cache,
    ILogger<McpHub> log
)
{
    // A notice does not say what the new launch is; whatever the next request finds counts as new.
    const string AfterNotice = "";

    // Hashes only: the table never holds a second plain copy of the secrets it compares. Memory only.
    readonly ConcurrentDictionary<SessionKey, string> _seen = new();

    /// <summary>The key's launch now, after acting on any change since the last request.</summary>
    public async Task<McpLaunchSpec> ResolveAsync(SessionKey key, CancellationToken ct)
    {
        McpLaunchSpec spec;
        using var span = MosaicTelemetry.Start(MosaicTelemetry.Spans.Resolve, key.Datasource);
        try
        {
            spec = await resolver.ResolveAsync(key.UserId, key.Datasource, ct);
        }
        catch (McpHubException e) when (e.Failure is McpHubFailure.NotConfigured or McpHubFailure.UnknownSource)
        {
            if (_seen.TryRemove(key, out _))
                await ChangedAsync(key, ct); // credentials deleted, or the admin switched the source off
            throw;
        }
        var fingerprint = spec.UserFingerprint();
        if (_seen.TryGetValue(key, out var previous) && previous != fingerprint)
        {
            if (previous != AfterNotice)
                log.LogInformation(
                    "Credentials for {Datasource} changed for user {UserId}; replacing the session",
                    key.Datasource,
                    key.UserId
                );
            // Again after a notice: a request that resolved the old launch just before it may have started a session
            // or cached a result with it since.
            await ChangedAsync(key, ct);
        }
        _seen[key] = fingerprint;
        return spec;
    }

    /// <summary>Every (user, source) this user has asked on this replica since start-up.</summary>
    public IEnumerable<SessionKey> KeysOf(string userId) => _seen.Keys.Where(k => k.UserId == userId);

    /// <summary>The user's credentials for this source were saved or deleted (here or on another replica).</summary>
    public async Task NoticeAsync(SessionKey key, CancellationToken ct = default)
    {
        _seen[key] = AfterNotice;
        await ChangedAsync(key, ct);
    }

    /// <summary>
    /// Every user's session of this source: its shared credentials or the admin's settings for it changed (here or on
    /// another replica). Sessions of users who have not asked since start-up are among the live ones.
    /// </summary>
    public async Task NoticeSourceAsync(string datasource, CancellationToken ct = default)
    {
        var keys = _seen.Keys.Concat(sessions.Live.Select(s => s.Key)).Where(k => k.Datasource == datasource).Distinct().ToList();
        foreach (var key in keys)
            await NoticeAsync(key, ct);
    }

    async Task ChangedAsync(SessionKey key, CancellationToken ct)
    {
        caller.ForgetBreaker(key);
        // Detach the session and drop the cache before the (slow) process shutdown, so no request
        // made after this point sees the old credentials' session or results.
        var old = sessions.Detach(key);
        await cache.ForgetAsync(key, ct);
        if (old is not null)
            await old.DisposeAsync();
    }
}
