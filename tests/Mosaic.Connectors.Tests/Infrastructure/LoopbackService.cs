using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>
/// Stands in for an internal service: listens on 127.0.0.1 and [::1] (same port), counts every connection
/// it accepts, and answers each with a fixed HTTP response whose body holds <see cref="Secret"/>, so a
/// test can assert that nothing reached it and that its body never came back to the caller.
/// </summary>
public sealed class LoopbackService : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners;
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _redirectTo;
    private int _connections;

    private LoopbackService(List<TcpListener> listeners, string? redirectTo)
    {
        _listeners = listeners;
        _redirectTo = redirectTo;
        foreach (var listener in listeners)
            _ = AcceptAsync(listener);
    }

    public int Port => ((IPEndPoint)_listeners[0].LocalEndpoint).Port;

    /// <summary>http://127.0.0.1:port</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Connections accepted so far, on either address.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Text in every response body; it must never show up in a tool's answer.</summary>
    public string Secret { get; } = $"INTERNAL-SECRET-{Guid.NewGuid():N}";

    /// <summary>Starts one; with <paramref name="redirectTo"/> every request is answered 302 to that URL.</summary>
    public static LoopbackService Start(string? redirectTo = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var v4 = new TcpListener(IPAddress.Loopback, 0);
            v4.Start();
            var v6 = new TcpListener(IPAddress.IPv6Loopback, ((IPEndPoint)v4.LocalEndpoint).Port);
            try
            {
                v6.Start();
                return new LoopbackService([v4, v6], redirectTo);
            }
            catch (SocketException) when (attempt < 20)
            {
                v4.Stop(); // that port is taken on ::1: pick another
            }
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var read = 0;
                // Read the request head (bodies are not needed), then answer and close.
                while (read < buffer.Length && !Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n"))
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(read), _stop.Token);
                    if (n == 0)
                        return;
                    read += n;
                }
                var body = $$"""{"ok":false,"error":"{{Secret}}","message":"{{Secret}}"}""";
                var head = _redirectTo is null
                    ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    : $"HTTP/1.1 302 Found\r\nLocation: {_redirectTo}\r\nContent-Type: application/json\r\n";
                var response = $"{head}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.UTF8.GetBytes(response), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        foreach (var listener in _listeners)
            listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
