using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.Common.Http;

namespace Mosaic.Connectors.Tests.Common;

/// <summary>The kit's HttpClient against a real loopback HTTP server that answers 429 a set number of times.</summary>
public sealed class ResilienceTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _url;
    private int _requests;
    private int _throttle;
    private string _retryAfter = "1";

    public sealed class Api(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    public ResilienceTests()
    {
        var port = Random.Shared.Next(20_000, 40_000);
        _url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            if (Interlocked.Decrement(ref _throttle) >= 0)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers["Retry-After"] = _retryAfter;
                await ctx.Response.OutputStream.WriteAsync("""{"message":"slow down"}"""u8.ToArray());
            }
            else
            {
                await ctx.Response.OutputStream.WriteAsync("""{"ok":true}"""u8.ToArray());
            }
            ctx.Response.Close();
        }
    }

    private Api CreateClient()
    {
        var host = ConnectorHost.Build(
            [],
            new ConnectorInfo("sample", "Sample"),
            c => c.AddUpstreamHttpClient<Api>(http => http.BaseAddress = new Uri(_url)),
            new EnvConfig(name => name == "MOSAIC_EGRESS_ALLOW" ? new Uri(_url).Authority : null)
        ); // the listener is on loopback
        return host.Services.GetRequiredService<Api>();
    }

    [Fact]
    public async Task A_read_is_retried_after_a_429_honouring_retry_after()
    {
        _throttle = 2;
        var api = CreateClient();
        var started = DateTime.UtcNow;
        using var response = await api.Http.GetAsync("things");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _requests);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.8), "two Retry-After: 1 waits");
    }

    [Fact]
    public async Task A_write_is_never_retried()
    {
        _throttle = 1;
        var api = CreateClient();
        using var response = await api.Http.PostAsync("things", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _requests);
        var error = await UpstreamResponses.ToExceptionAsync(response, "Sample", CancellationToken.None);
        Assert.Equal("Sample says: slow down (HTTP 429). Sample is rate-limiting requests: wait 1 s and try again.", error.Message);
    }

    [Fact]
    public async Task A_long_retry_after_comes_straight_back_instead_of_blocking_the_tool()
    {
        _throttle = 1;
        _retryAfter = "120";
        var api = CreateClient();
        using var response = await api.Http.GetAsync("things");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _requests);
    }

    public void Dispose() => _listener.Close();
}
