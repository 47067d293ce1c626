using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Mosaic.Server.Chat;
using Mosaic.Server.Tests.Agent;
using Mosaic.Server.Tests.Chat.Support;
using Xunit.Abstractions;

namespace Mosaic.Server.Tests.Chat;

[CollectionDefinition(nameof(HeldStreamMemoryTests), DisableParallelization = true)]
public sealed class HeldStreamMemoryCollection;

/// <summary>
/// A held stream (a chat or agent turn waiting for the approval of a write) that the client leaves gives back everything
/// it held: after 1,000 of them the approval broker and the in-progress turns are empty, no request's HttpContext or DI
/// scope is reachable, and the heap is where it was. The figures while held and after are in the test's output.
/// Alone in its collection: a heap measured while other tests run would measure them.
/// </summary>
[Collection(nameof(HeldStreamMemoryTests))]
public sealed class HeldStreamMemoryTests(ITestOutputHelper output)
{
    private const int Streams = 1000;
    private const int AtOnce = 50;

    /// <summary>Filled by the server under test (one at a time: the collection runs alone, its tests one after the other).</summary>
    private static readonly ConcurrentQueue<(WeakReference Context, WeakReference Scope)> Requests = new();

    /// <summary>
    /// Keeps a weak reference to every stream request's HttpContext and DI scope (what a captured context or a singleton
    /// holding a scoped service would keep alive), and logs warnings only: log lines would grow with every stream.
    /// </summary>
    private static T Watched<T>(T app)
        where T : MosaicAppFactory
    {
        app.ServiceOverrides.Add(s =>
        {
            s.Configure<LoggerFilterOptions>(o =>
            {
                o.Rules.Clear();
                o.MinLevel = LogLevel.Warning;
            });
            s.AddTransient<IStartupFilter, WatchStreams>();
        });
        return app;
    }

    [Fact]
    public async Task A_thousand_held_and_closed_streams_leave_nothing_behind()
    {
        await using var app = Watched(new ChatAppFactory(null));
        await app.InitializeAsync();
        var user = await app.SignInAsync();
        var broker = app.Services.GetRequiredService<ApprovalBroker>();
        var active = app.Services.GetRequiredService<ActiveTurns>();
        var ask = new { message = $"write file {Path.Combine(app.FilesDir, "held.txt")} content=\"never\"", datasource = "files" };

        var streams = new HeldStreams(user, ask, "/api/chat/message/stream", broker, active);
        await streams.HoldAndCloseAsync(2 * AtOnce); // warm-up: JIT, pools, the connector process, caches
        Requests.Clear();
        var before = Heap();
        var clock = Stopwatch.StartNew();
        var holding = await streams.HoldAndCloseAsync(Streams, whileHeld: () => Assert.Equal(Streams, broker.PendingCount));
        // A new frame to measure from: the one that resumed from the await may still report the finished task (and
        // through it the client's 1,000 streams) as live, since the JIT does not track locals in methods with handlers.
        await Task.Yield();
        var after = Heap();

        var (openCost, kept) = ((holding - before) / (double)Streams, (after - before) / (double)Streams);
        output.WriteLine(
            $"{Streams} streams, {AtOnce} opened at a time, in {clock.Elapsed.TotalSeconds:0.0} s (load {Load()}): heap "
                + $"{before / 1024} KB, {holding / 1024} KB with all held ({openCost:0} B each, client side included), "
                + $"{after / 1024} KB after closing ({kept:0} B each)"
        );
        Assert.Equal(0, broker.PendingCount);
        Assert.Empty(active.Ids);
        Assert.Equal(Streams, Requests.Count);
        Assert.Equal((0, 0), (Requests.Count(r => r.Context.IsAlive), Requests.Count(r => r.Scope.IsAlive)));
        Assert.True(kept < 2048, $"the heap grew {kept:0} bytes per held-and-closed stream");
    }

    [Fact]
    public async Task Agent_streams_held_at_a_source_approval_and_closed_leave_nothing_behind()
    {
        const int agentStreams = 100;
        await using var app = Watched(new AgentAppFactory(null));
        await app.InitializeAsync();
        var user = await app.SignInAsync();
        var broker = app.Services.GetRequiredService<ApprovalBroker>();
        var ask = new { query = "crash code=3", sources = new[] { "slow2" } }; // a write: it waits for approval
        var streams = new HeldStreams(user, ask, "/api/agent/query/stream", broker, app.Services.GetRequiredService<ActiveTurns>());
        await streams.HoldAndCloseAsync(AtOnce);
        Requests.Clear();
        var before = Heap();
        var holding = await streams.HoldAndCloseAsync(agentStreams, whileHeld: () => Assert.Equal(agentStreams, broker.PendingCount));
        await Task.Yield(); // a new frame, as above
        var after = Heap();

        var (openCost, kept) = ((holding - before) / (double)agentStreams, (after - before) / (double)agentStreams);
        output.WriteLine($"{agentStreams} agent streams (load {Load()}): {openCost:0} B each while held, {kept:0} B each after closing");
        Assert.Equal(0, broker.PendingCount);
        Assert.Equal((0, 0), (Requests.Count(r => r.Context.IsAlive), Requests.Count(r => r.Scope.IsAlive)));
        Assert.True(kept < 2048, $"the heap grew {kept:0} bytes per held-and-closed agent stream");
    }

    /// <summary>Opens streams <see cref="AtOnce"/> at a time until all are held, then the client leaves each of them.</summary>
    private sealed class HeldStreams(TestUser user, object ask, string path, ApprovalBroker broker, ActiveTurns active)
    {
        /// <returns>The heap while all were held.</returns>
        public async Task<long> HoldAndCloseAsync(int count, Action? whileHeld = null)
        {
            var held = new List<SseStream>();
            for (var i = 0; i < count; i += AtOnce)
                held.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(AtOnce, count - i)).Select(_ => HoldAsync())));
            var holding = Heap();
            whileHeld?.Invoke();
            foreach (var sse in held)
                await sse.DisposeAsync();
            await SettledAsync(broker, active);
            return holding;
        }

        private async Task<SseStream> HoldAsync()
        {
            var sse = await SseStream.OpenAsync(user.Http, ask, path);
            await sse.UntilAsync("approval_required");
            return sse;
        }
    }

    /// <summary>Cancellation reaches the turns asynchronously: wait until each has stored its "stopped" answer.</summary>
    private static async Task SettledAsync(ApprovalBroker broker, ActiveTurns active)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((broker.PendingCount > 0 || active.Ids.Count > 0) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed class WatchStreams : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (http, call) =>
                    {
                        if (http.Request.Path.Value?.EndsWith("/stream", StringComparison.Ordinal) == true)
                            Requests.Enqueue((new WeakReference(http), new WeakReference(http.RequestServices)));
                        return call(http);
                    }
                );
                next(app);
            };
    }
}
