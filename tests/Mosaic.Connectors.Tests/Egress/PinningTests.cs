using System.Net;
using System.Net.Sockets;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Connectors.Tests.Egress;

/// <summary>
/// DNS rebinding: a name whose first answer is allowed and whose later answers point inside. The policy's
/// handler connects to the address it checked, so the second answer is never used. Both "hosts" are
/// loopback listeners (127.0.0.2 stands for the allowed one, 127.0.0.1 for the internal one).
/// </summary>
public sealed class PinningTests
{
    [Fact]
    public async Task The_connection_goes_to_the_checked_address_even_when_dns_answers_differently_later()
    {
        var port = FreePortOnBoth();
        using var allowed = new TcpListener(IPAddress.Parse("127.0.0.2"), port);
        using var internalService = new TcpListener(IPAddress.Loopback, port);
        allowed.Start();
        internalService.Start();
        var lookups = 0;
        // First lookup: the allowed address. Every later one (a client that resolves again to connect): the internal one.
        Assert.True(EgressPolicy.TryParse("127.0.0.2", out var policy, out _));
        policy = policy.WithResolver(
            (_, _) => Task.FromResult(new[] { Interlocked.Increment(ref lookups) == 1 ? IPAddress.Parse("127.0.0.2") : IPAddress.Loopback })
        );
        using var http = new HttpClient(policy.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };

        var request = http.GetStringAsync($"http://rebind.test:{port}/");
        using (var accepted = await allowed.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            var stream = accepted.GetStream();
            _ = await stream.ReadAsync(new byte[4096]);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray());
        }

        Assert.Equal("ok", await request);
        Assert.Equal(1, lookups);
        Assert.False(internalService.Pending(), "the internal address received a connection");

        // A new connection resolves again, gets the internal answer, and is refused before connecting.
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://rebind.test:{port}/again"));
        Assert.Equal("loopback", EgressRefusedException.Find(e)!.Kind);
        Assert.False(internalService.Pending(), "the internal address received a connection");
    }

    static int FreePortOnBoth()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                using var second = new TcpListener(IPAddress.Parse("127.0.0.2"), port);
                second.Start();
                second.Stop();
                return port;
            }
            catch (SocketException) when (attempt < 20) { }
        }
    }
}
