using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Mosaic.Bench.Turn;

/// <summary>
/// Figure 4: managed memory per held SSE stream. Each stream is a chat turn waiting for a person's approval (Offline
/// mode routes the demo's questions to read tools, so the admin's "always ask" policy is put on Jira's list_projects), opened
/// over a bare socket (so the client's own share is a socket and a 4 KB buffer, not an HttpClient response); closing the
/// socket is the client going away. Memory is GC.GetTotalMemory after full, compacting collections: before, while all
/// are held, and after they are closed and the server has let go.
/// </summary>
sealed class HeldStreams(BenchServer server, BenchClient client)
{
    public const string Source = "jira";
    public const string Question = "Which projects are there?";
    public const string Tool = "list_projects";

    public sealed record Result(int Streams, long BeforeBytes, long HeldBytes, long AfterBytes, long AfterAgainBytes, Load Load)
    {
        public double HeldPerStreamKb => (HeldBytes - BeforeBytes) / 1024.0 / Streams;
        public double LeftPerStreamKb => (AfterBytes - BeforeBytes) / 1024.0 / Streams;

        /// <summary>What a second round of as many streams adds: ~0 when the first round's remainder is pooled memory
        /// the second reuses (Kestrel's buffers), not memory each stream leaks.</summary>
        public double SecondRoundPerStreamKb => (AfterAgainBytes - AfterBytes) / 1024.0 / Streams;
    }

    public async Task<Result> RunAsync(int streams)
    {
        await client.SendJsonAsync(HttpMethod.Patch, $"/api/admin/sources/{Source}", new { always_ask_tools = new[] { Tool } });
        await CloseAsync(await OpenAsync(50)); // warm-up: first-use allocations (JIT, pools) are not per-stream costs
        var loadBefore = Load.Now();
        var before = Settled();
        var held = await OpenAsync(streams);
        var during = Settled();
        await CloseAsync(held);
        var after = await ClosedAsync();
        await CloseAsync(await OpenAsync(streams));
        var afterAgain = await ClosedAsync();
        return new Result(streams, before, during, after, afterAgain, new Load(loadBefore, Load.Now()));
    }

    /// <summary>The heap once the server has noticed the closed connections (asynchronously): settled until it stops
    /// shrinking.</summary>
    static async Task<long> ClosedAsync()
    {
        var after = Settled();
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(1000);
            var again = Settled();
            if (again >= after - 64 * 1024)
                break;
            after = again;
        }
        return after;
    }

    async Task<List<Socket>> OpenAsync(int count)
    {
        var sockets = new Socket[count];
        var next = -1;
        var workers = Enumerable
            .Range(0, 16)
            .Select(async _ =>
            {
                while (Interlocked.Increment(ref next) is var i && i < count)
                    sockets[i] = await OpenOneAsync();
            });
        await Task.WhenAll(workers);
        return [.. sockets];
    }

    async Task<Socket> OpenOneAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.BaseUrl.Host, server.BaseUrl.Port);
        var body = JsonSerializer.Serialize(new { message = Question, datasource = Source });
        var request =
            $"POST /api/chat/message/stream HTTP/1.1\r\nHost: {server.BaseUrl.Authority}\r\nCookie: {client.CookieHeader}\r\n"
            + $"X-XSRF-TOKEN: {client.Xsrf}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n"
            + $"Accept: text/event-stream\r\n\r\n{body}";
        await socket.SendAsync(Encoding.UTF8.GetBytes(request));
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!seen.ToString().Contains("approval_required", StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer, timeout.Token);
            seen.Append(Encoding.UTF8.GetString(buffer, 0, n));
            if (n == 0 || seen.ToString() is var text && (text.Contains("\"done\"") || text.Contains("\"error\"")))
                throw new InvalidOperationException($"the turn did not wait for an approval: {seen}");
        }
        return socket;
    }

    static async Task CloseAsync(List<Socket> sockets)
    {
        foreach (var s in sockets)
            s.Dispose();
        await Task.Delay(2000);
    }

    static long Settled()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
