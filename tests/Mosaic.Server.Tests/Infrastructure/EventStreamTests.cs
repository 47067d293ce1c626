using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>The one SSE helper every streaming endpoint uses, served by Kestrel on loopback.</summary>
public sealed class EventStreamTests : IDisposable
{
    public sealed record Note(string Name);

    /// <summary>A request-scoped service, to see whether it is still alive while the producer runs.</summary>
    public sealed class Probe : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private delegate Task Producer(Probe probe, IEventSink<Note> events, CancellationToken ct);

    private readonly CapturedLogs _logs = new();
    private readonly HttpClient _client = new();

    [Fact]
    public async Task Events_arrive_in_order_and_the_stream_ends_with_the_producer()
    {
        await using var app = await StartAsync(
            async (_, events, ct) =>
            {
                foreach (var name in new[] { "one", "two", "three" })
                    await events.EmitAsync(new Note(name), ct);
            }
        );
        using var response = await _client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["one", "two", "three"], await ReadToEndAsync(response));
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_producer_that_throws_is_logged_and_the_stream_ends_with_its_error_event()
    {
        await using var app = await StartAsync(
            async (_, events, ct) =>
            {
                await events.EmitAsync(new Note("one"), ct);
                throw new InvalidOperationException("the secret reason");
            }
        );
        using var response = await _client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);

        var names = await ReadToEndAsync(response);
        Assert.Equal(["one", "failed"], names);
        Assert.Contains(_logs.Lines, l =>
            l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Test stream failed") && l.Contains("the secret reason")
        );
    }

    [Fact]
    public async Task A_client_that_leaves_cancels_the_producer_quietly_and_its_scoped_services_outlive_it()
    {
        var scopeAliveAtEnd = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Probe? seen = null;
        await using var app = await StartAsync(
            async (probe, events, ct) =>
            {
                seen = probe;
                await events.EmitAsync(new Note("one"), ct);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    // Work after the client left (saving the turn) still has its scoped services.
                    await Task.Delay(300, CancellationToken.None);
                    scopeAliveAtEnd.TrySetResult(!probe.Disposed);
                }
            }
        );
        var response = await _client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        Assert.Equal("one", await NextAsync(reader));
        response.Dispose();

        Assert.True(await scopeAliveAtEnd.Task.WaitAsync(TimeSpan.FromSeconds(20)), "the request scope ended before the producer");
        Assert.True(
            await TestTools.EventuallyAsync(() =>
                _logs.Lines.Any(l =>
                    l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("Test stream cancelled: the client went away")
                )
            )
        );
        Assert.True(await TestTools.EventuallyAsync(() => seen!.Disposed), "the request scope was never disposed");
        Assert.DoesNotContain(_logs.Lines, l =>
            l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task The_result_form_returns_what_the_producer_returned()
    {
        var logger = _logs.CreateLogger("test");
        Assert.Equal(42, await EventStream.ResultAsync(logger, "Test run", _ => Task.FromResult(42), -1, CancellationToken.None));
        Assert.Empty(_logs.Lines);
    }

    [Fact]
    public async Task The_result_form_logs_an_unexpected_failure_and_returns_the_failed_value()
    {
        var logger = _logs.CreateLogger("test");
        var result = await EventStream.ResultAsync<int>(
            logger,
            "Test run",
            _ => throw new InvalidOperationException("boom"),
            -1,
            CancellationToken.None
        );
        Assert.Equal(-1, result);
        Assert.Contains(_logs.Lines, l =>
            l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Test run failed") && l.Contains("boom")
        );
    }

    [Fact]
    public async Task The_result_form_rethrows_when_the_client_left_and_treats_any_other_cancellation_as_a_failure()
    {
        var logger = _logs.CreateLogger("test");
        using var left = new CancellationTokenSource();
        await left.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EventStream.ResultAsync(
                logger,
                "Test run",
                async ct =>
                {
                    await Task.Delay(Timeout.Infinite, ct);
                    return 1;
                },
                -1,
                left.Token
            )
        );
        Assert.Contains(_logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("Test run cancelled"));

        // A timeout of the producer's own is not the client leaving: it is a failure like any other.
        var timedOut = await EventStream.ResultAsync<int>(
            logger,
            "Test run",
            _ => throw new TaskCanceledException("inner timeout"),
            -1,
            CancellationToken.None
        );
        Assert.Equal(-1, timedOut);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("inner timeout"));
    }

    public void Dispose() => _client.Dispose();

    private async Task<WebApplication> StartAsync(Producer produce)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(_logs).SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.None);
        builder.Services.AddScoped<Probe>();
        var app = builder.Build();
        app.MapGet("/stream", (HttpContext http, Probe probe, ILogger<EventStreamTests> logger, CancellationToken ct) =>
            EventStream.WriteAsync(http, logger, "Test stream", new Note("failed"), (events, token) => produce(probe, events, token), ct)
        );
        await app.StartAsync();
        _client.BaseAddress = new Uri(app.Urls.First());
        return app;
    }

    private static async Task<List<string>> ReadToEndAsync(HttpResponseMessage response)
    {
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var names = new List<string>();
        while (await NextAsync(reader) is { } name)
            names.Add(name);
        return names;
    }

    /// <summary>The next event's name, or null at the end of the stream.</summary>
    private static async Task<string?> NextAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data:", StringComparison.Ordinal))
                return JsonDocument.Parse(line[5..]).RootElement.GetProperty("name").GetString();
        return null;
    }
}
