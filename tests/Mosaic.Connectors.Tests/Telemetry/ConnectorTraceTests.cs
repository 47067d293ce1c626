using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Telemetry;

/// <summary>
/// A connector joins the trace its caller sent in <c>_meta.traceparent</c>: its upstream HTTP call carries that trace on
/// (the Sandbox records the header), and with OTEL_EXPORTER_OTLP_ENDPOINT set it exports its spans there.
/// </summary>
public sealed class ConnectorTraceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    static readonly ActivitySource Caller = new("Mosaic.Tests.Caller");

    [Fact]
    public async Task A_tool_call_joins_the_callers_trace_and_its_spans_are_exported_over_otlp()
    {
        using var collector = OtlpReceiver.Start();
        var env = sandbox.EnvFor(
            "slack",
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Url),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "100")
        );
        // The MCP SDK puts the current trace in _meta.traceparent while something listens to its ActivitySource.
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Experimental.ModelContextProtocol" or "Mosaic.Tests.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var slack = await ConnectorProcess.StartAsync("Slack", env);

        ActivityTraceId traceId;
        using (var turn = Caller.StartActivity("a chat turn"))
        {
            traceId = turn!.TraceId;
            var result = await slack.CallAsync("list_channels");
            Assert.False(result.IsError, result.Text);
        }

        var upstream = await sandbox.TracedRequestsAsync(traceId.ToHexString());
        Assert.Contains(upstream, r => r!["path"]!.GetValue<string>().EndsWith("/conversations.list", StringComparison.Ordinal));
        // OTLP/protobuf holds the trace id as its 16 raw bytes, the resource's service name as text.
        var id = Convert.FromHexString(traceId.ToHexString());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!collector.Traces.Any(b => b.AsSpan().IndexOf(id) >= 0) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var exported = collector.Traces.FirstOrDefault(b => b.AsSpan().IndexOf(id) >= 0);
        Assert.True(exported is not null, $"no exported span holds trace {traceId}; connector stderr:\n{slack.Stderr}");
        Assert.True(exported.AsSpan().IndexOf("mosaic-slack"u8) >= 0, "the spans are not reported as the mosaic-slack service");
    }

    /// <summary>A stand-in collector: accepts OTLP/HTTP posts and keeps the bodies sent to /v1/traces.</summary>
    sealed class OtlpReceiver : IDisposable
    {
        readonly HttpListener _http = new();
        public ConcurrentQueue<byte[]> Traces { get; } = new();
        public string Url { get; }

        OtlpReceiver(int port)
        {
            Url = $"http://127.0.0.1:{port}";
            _http.Prefixes.Add(Url + "/");
            _http.Start();
            _ = ServeAsync();
        }

        public static OtlpReceiver Start()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new OtlpReceiver(port);
        }

        async Task ServeAsync()
        {
            while (_http.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _http.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                    Traces.Enqueue(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _http.Close();
    }
}
