using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Mosaic.Server.Chat;
using Mosaic.Server.Tests.Chat.Support;
using Xunit.Abstractions;

namespace Mosaic.Server.Tests.Chat;

[CollectionDefinition(nameof(HeldStreamMemoryTests), DisableParallelization = true)]
public sealed class HeldStreamMemoryCollection;

/// <summary>
/// A held stream (a chat turn waiting for the approval of a write) that the client leaves gives back everything it
/// held: after 1,000 of them the approval broker and the in-progress turns are empty and the heap is where it was.
/// Alone in its collection: a heap measured while other tests run would measure them.
/// </summary>
[Collection(nameof(HeldStreamMemoryTests))]
public sealed class HeldStreamMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Streams = 1000;
    private const int AtOnce = 50;
    private readonly ChatAppFactory _app = Watched(new ChatAppFactory(null));
    private static readonly ConcurrentQueue<(WeakReference Context, WeakReference Scope)> Requests = new();

    /// <summary>
    /// Keeps a weak reference to every stream request's HttpContext and DI scope (what a captured context or a singleton
    /// holding a scoped service would keep alive), and logs warnings only: log lines would grow with every stream.
    /// </summary>
    private static ChatAppFactory Watched(ChatAppFactory app)
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

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_thousand_held_and_closed_streams_leave_nothing_behind()
    {
        var user = await _app.SignInAsync();
        var broker = _app.Services.GetRequiredService<ApprovalBroker>();
        var active = _app.Services.GetRequiredService<ActiveTurns>();
        var ask = new { message = $"write file {Path.Combine(_app.FilesDir, "held.txt")} content=\"never\"", datasource = "files" };

        var streams = new HeldStreams(user, ask, broker, active);
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

    /// <summary>Opens streams <see cref="AtOnce"/> at a time until all are held, then the client leaves each of them.</summary>
    private sealed class HeldStreams(TestUser user, object ask, ApprovalBroker broker, ActiveTurns active)
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
            var sse = await SseStream.OpenAsync(user.Http, ask);
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
                        if (http.Request.Path.StartsWithSegments("/api/chat/message/stream"))
                            Requests.Enqueue((new WeakReference(http), new WeakReference(http.RequestServices)));
                        return call(http);
                    }
                );
                next(app);
            };
    }
}
