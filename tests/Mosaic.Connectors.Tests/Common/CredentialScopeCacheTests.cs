using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Connectors.Common.Credentials;

namespace Mosaic.Connectors.Tests.Common;

/// <summary>The credential scope cache under a fake clock: idle expiry, least-recently-used eviction, in-flight calls.</summary>
public sealed class CredentialScopeCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<Tracked> _built = [];

    private CredentialScopeCache Cache(int capacity = 4) => new(capacity, TimeSpan.FromMinutes(10), _clock);

    [Fact]
    public void An_idle_scope_is_disposed_when_it_expires_and_the_next_call_builds_a_new_one()
    {
        using var cache = Cache();
        cache.Acquire("a", Build).Dispose();
        cache.Acquire("a", Build).Dispose();
        Assert.Single(_built);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(_built[0].Disposed);
        _clock.Advance(TimeSpan.FromMinutes(2)); // the sweeper runs on the fake clock: no call needed
        Assert.True(_built[0].Disposed);
        Assert.Equal(0, cache.Count);

        using var lease = cache.Acquire("a", Build);
        Assert.Equal(2, _built.Count);
        Assert.False(_built[1].Disposed);
    }

    [Fact]
    public void Beyond_capacity_the_least_recently_used_scope_goes()
    {
        using var cache = Cache(capacity: 2);
        cache.Acquire("a", Build).Dispose();
        cache.Acquire("b", Build).Dispose();
        cache.Acquire("a", Build).Dispose(); // a is now the most recent
        cache.Acquire("c", Build).Dispose();

        Assert.Equal([false, true, false], _built.Select(t => t.Disposed));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void An_evicted_scope_is_disposed_only_after_its_calls_in_flight_end()
    {
        using var cache = Cache(capacity: 1);
        var inFlight = cache.Acquire("a", Build);
        cache.Acquire("b", Build).Dispose(); // evicts a while its call runs

        Assert.False(_built[0].Disposed);
        Assert.NotNull(inFlight.Scope.Services!.GetRequiredService<Tracked>());
        inFlight.Dispose();
        Assert.True(_built[0].Disposed);
        inFlight.Dispose(); // a second dispose changes nothing
    }

    [Fact]
    public void A_failed_scope_carries_its_error_and_disposing_the_cache_disposes_every_scope()
    {
        var cache = Cache();
        using (var failed = cache.Acquire("bad", () => CredentialScope.Failed("Slack: configuration error: missing X")))
            Assert.Equal("Slack: configuration error: missing X", failed.Scope.Error);
        cache.Acquire("a", Build).Dispose();

        cache.Dispose();
        Assert.True(_built[0].Disposed);
    }

    [Fact]
    public void The_fingerprint_depends_on_every_pair_and_not_on_their_order()
    {
        var a = CallCredentials.Fingerprint(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" });
        Assert.Equal(a, CallCredentials.Fingerprint(new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" }));
        Assert.NotEqual(a, CallCredentials.Fingerprint(new Dictionary<string, string> { ["A"] = "1", ["B"] = "3" }));
        Assert.NotEqual(a, CallCredentials.Fingerprint(new Dictionary<string, string> { ["A"] = "1=B", ["B"] = "2" }));
    }

    private CredentialScope Build()
    {
        var tracked = new Tracked();
        _built.Add(tracked);
        // Built by a factory and resolved, so the provider owns it and disposes it with the scope.
        var services = new ServiceCollection().AddSingleton(_ => tracked).BuildServiceProvider();
        services.GetRequiredService<Tracked>();
        return new CredentialScope(services);
    }

    private sealed class Tracked : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
