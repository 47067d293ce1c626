using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mosaic.Server.Tests.Fakes;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking Anthropic's Messages API (POST /v1/messages, streaming SSE and
/// plain JSON), so the official SDK runs unmodified against it. Each test scripts the answers in order and
/// reads back the requests it got.
/// </summary>
public sealed class FakeAnthropic : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly List<FakeRequest> _requests = [];

    private FakeAnthropic(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Answers for requests not covered by the script (e.g. the fast routing model); default: a plain text.</summary>
    public Func<FakeRequest, FakeReply>? Fallback { get; set; }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeReply>> _byModel = new();

    private readonly ConcurrentDictionary<string, Func<FakeRequest, FakeReply>> _defaults = new();

    /// <summary>How to answer requests to this model when nothing is queued for it (keeps them off the shared script).</summary>
    public void DefaultFor(string model, Func<FakeRequest, FakeReply> reply) => _defaults[model] = reply;

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var r in replies)
            _script.Enqueue(r);
    }

    /// <summary>Replies only for requests to this model (e.g. the fast routing model), taken before the shared script.</summary>
    public void EnqueueFor(string model, params FakeReply[] replies)
    {
        var queue = _byModel.GetOrAdd(model, _ => new ConcurrentQueue<FakeReply>());
        foreach (var r in replies)
            queue.Enqueue(r);
    }

    public static async Task<FakeAnthropic> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAnthropic(app);
        app.MapPost("/v1/messages", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var doc = await JsonDocument.ParseAsync(ctx.Request.Body);
        var headers = ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new FakeRequest(doc.RootElement.Clone(), headers);
        lock (_requests)
            _requests.Add(request);
        var reply =
            _byModel.TryGetValue(request.Model, out var own) && own.TryDequeue(out var mine) ? mine
            : _defaults.TryGetValue(request.Model, out var byDefault) ? byDefault(request)
            : _script.TryDequeue(out var next) ? next
            : Fallback?.Invoke(request) ?? FakeReply.Text("(unscripted)");

        if (reply.Status != 200)
        {
            ctx.Response.StatusCode = reply.Status;
            await ctx.Response.WriteAsJsonAsync(new { type = "error", error = new { type = "api_error", message = "scripted failure" } });
            return;
        }
        if (!request.Stream)
        {
            await ctx.Response.WriteAsJsonAsync(FakeAnthropicWire.Message(reply, request.Model));
            return;
        }
        ctx.Response.ContentType = "text/event-stream";
        try
        {
            foreach (var (name, data) in FakeAnthropicWire.StreamEvents(reply, request.Model))
            {
                await ctx.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n", ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }
            if (reply.Hang)
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            request.Aborted = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
