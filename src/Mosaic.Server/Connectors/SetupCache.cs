using System.Collections.Concurrent;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Connectors;

/// <summary>
/// Each user's resolved <see cref="SourceSetup"/> per source (decrypted fields, the admin's policy) and the launch built
/// from it, kept in memory so a warm turn reads neither the vault nor the source settings, decrypts nothing and hashes
/// nothing. An entry counts only while nothing changed since it was read:
/// <list type="bullet">
/// <item>every credential-change notice (a save, a delete, the shared connection, the admin's settings or tool policy)
/// moves a version here, on this replica at once and on the others when the notice arrives over Redis;</item>
/// <item>with replicas, the workspace's change counter (<see cref="CredentialChangeNotifier.GenerationAsync"/>), which a
/// change moves before it is acknowledged, is read once per turn: a save acknowledged on one replica counts on the next
/// turn of any other, even before its notice gets there.</item>
/// </list>
/// Singleton; the vault is scoped, so a miss reads through a scope of its own.
/// </summary>
public sealed class SetupCache
{
    /// <summary>
    /// The longest an entry is reused. Only a safety net: a change normally counts at once, but Redis may have lost both
    /// the notice and the counter (it was down when the change was saved).
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    // The counter read for the current turn, so its several lookups (chat, the hub's listing and call) ask Redis once.
    static readonly AsyncLocal<TurnView?> Turn = new();

    readonly ConcurrentDictionary<(string User, string Source), Entry> _entries = new();

    // Moved by notices: per (user, source), and per source under Workspace (a workspace-wide change). One long per key.
    const string Workspace = ""; // no user's id is empty
    readonly ConcurrentDictionary<(string User, string Source), long> _versions = new();
    readonly IServiceScopeFactory _scopes;
    readonly CredentialChangeNotifier _notifier;
    readonly TimeProvider _time;

    public SetupCache(IServiceScopeFactory scopes, CredentialChangeNotifier notifier, TimeProvider time)
    {
        (_scopes, _notifier, _time) = (scopes, notifier, time);
        notifier.Changed += Forget;
    }

    /// <summary>
    /// Makes the calling flow one turn: the workspace's change counter is read at most once in it. A turn works with one
    /// view of the credentials; a change saved while it runs counts from the next turn.
    /// </summary>
    public static IDisposable BeginTurn()
    {
        var outer = Turn.Value;
        Turn.Value = new TurnView();
        return new EndTurn(outer);
    }

    /// <summary>The user's setup of the source: from memory when nothing changed, else read (and kept).</summary>
    /// <exception cref="CredentialDecryptionException">The saved row's key is not configured or the row was tampered with.</exception>
    public async ValueTask<ResolvedSetup> GetAsync(string userId, SourceDefinition source, CancellationToken ct)
    {
        var key = (userId, source.Id);
        var generation = await GenerationAsync();
        var stamp = new Stamp(generation ?? -1, Version((Workspace, source.Id)), Version(key));
        var now = _time.GetUtcNow().UtcDateTime;
        if (generation is not null && _entries.TryGetValue(key, out var kept) && kept.Stamp == stamp && kept.Until > now)
            return kept.Resolved;

        SourceSetup setup;
        await using (var scope = _scopes.CreateAsyncScope())
            setup = await scope.ServiceProvider.GetRequiredService<UsableSources>().SetupAsync(userId, source, ct);
        var resolved = new ResolvedSetup(setup);
        // Kept only if no notice arrived while it was read: what was read may predate the change.
        var until = setup.FreshUntil is { } fresh && fresh < now + MaxAge ? fresh : now + MaxAge;
        if (generation is not null && until > now && stamp == new Stamp(stamp.Generation, Version((Workspace, source.Id)), Version(key)))
            _entries[key] = new Entry(resolved, stamp, until);
        return resolved;
    }

    /// <summary>Drops what is kept for the user's source (null user: every user's), e.g. after an OAuth token was renewed.</summary>
    public void Forget(string? userId, string datasource) => _versions.AddOrUpdate((userId ?? Workspace, datasource), 1, (_, v) => v + 1);

    /// <summary>How many setups are kept (for tests and the bench).</summary>
    public int Count => _entries.Count;

    void Forget(CredentialChange change)
    {
        Forget(change.UserId, change.Datasource);
        // Entries the change made stale are unusable already (their stamp differs); removing them frees the secrets.
        foreach (var key in _entries.Keys.Where(k => k.Source == change.Datasource && (change.UserId ?? k.User) == k.User))
            _entries.TryRemove(key, out _);
    }

    long Version((string, string) key) => _versions.TryGetValue(key, out var v) ? v : 0;

    async ValueTask<long?> GenerationAsync()
    {
        if (Turn.Value is { Generation: { } seen })
            return seen;
        var generation = await _notifier.GenerationAsync(); // null: Redis cannot say; read from the database, keep nothing
        if (Turn.Value is { } turn && generation is not null)
            turn.Generation = generation;
        return generation;
    }

    readonly record struct Stamp(long Generation, long SourceVersion, long UserVersion);

    sealed record Entry(ResolvedSetup Resolved, Stamp Stamp, DateTime Until);

    sealed class TurnView
    {
        public long? Generation;
    }

    sealed class EndTurn(TurnView? outer) : IDisposable
    {
        public void Dispose() => Turn.Value = outer;
    }
}

/// <summary>A kept setup and, built from it once, the hub's launch of it.</summary>
public sealed class ResolvedSetup(SourceSetup setup)
{
    public SourceSetup Setup { get; } = setup;

    /// <summary>Set by the hub's launch resolver on first use; immutable once built.</summary>
    internal McpLaunchSpec? Launch { get; set; }
}
