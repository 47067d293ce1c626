using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>
/// MOSAIC_METRICS=prometheus: a scrape endpoint on its own port, loopback unless MOSAIC_METRICS_HOST says otherwise; the
/// app's own port serves no metrics. Bad settings stop start-up naming the variable.
/// </summary>
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_on_their_own_loopback_port_and_not_on_the_apps_port()
    {
        var port = SandboxFixture.FreePort();
        await using var app = await MosaicAppFactory.StartNewAsync(f => Prometheus(f, port));
        var client = app.CreateClient();
        Assert.True((await client.GetAsync("/api/health")).IsSuccessStatusCode);

        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var scrape = await scraper.GetAsync($"http://127.0.0.1:{port}/metrics");
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_route=\"/api/health/\"", text);
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync($"http://127.0.0.1:{port}/api/health")).StatusCode);

        // Not on the app's port, signed in or not.
        var admin = await app.SignUpAndLogInAsync();
        foreach (var path in new[] { "/metrics", "/api/admin/metrics" })
            Assert.DoesNotContain("http_server_request_duration", await (await admin.Http.GetAsync(path)).Content.ReadAsStringAsync());

        // Loopback only: the machine's other addresses do not answer on that port.
        var outside = NonLoopbackAddress();
        using var probe = new TcpClient();
        var refused = await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(outside, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Metrics_host_0_0_0_0_serves_every_address_as_the_operator_asked()
    {
        var port = SandboxFixture.FreePort();
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            Prometheus(f, port);
            f.Settings["MOSAIC_METRICS_HOST"] = "0.0.0.0";
        });
        app.CreateClient();
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var scrape = await scraper.GetAsync($"http://{NonLoopbackAddress()}:{port}/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
    }

    [Theory]
    [InlineData("MOSAIC_METRICS", "yes", "MOSAIC_METRICS must be one of prometheus.")]
    [InlineData("MOSAIC_METRICS_PORT", "0", "MOSAIC_METRICS_PORT must be between 1 and 65535 (got 0).")]
    [InlineData("MOSAIC_METRICS_HOST", "metrics.internal", "MOSAIC_METRICS_HOST must be an IP address to listen on, or localhost")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http:// or https:// URL")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL must be one of grpc, http/protobuf.")]
    public async Task A_bad_telemetry_setting_stops_start_up_naming_the_variable(string variable, string value, string message)
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["MOSAIC_METRICS"] = "prometheus";
            f.Settings["MOSAIC_METRICS_PORT"] = SandboxFixture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            f.Settings[variable] = value;
        });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task A_taken_metrics_port_stops_start_up_saying_which()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var app = await MosaicAppFactory.StartNewAsync(f => Prometheus(f, port));
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", error.ToString());
    }

    static void Prometheus(MosaicAppFactory f, int port)
    {
        f.Settings["MOSAIC_METRICS"] = "prometheus";
        f.Settings["MOSAIC_METRICS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An IPv4 address of this machine that is not loopback (CI and developer machines have one).</summary>
    static IPAddress NonLoopbackAddress() =>
        NetworkInterface
            .GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("This machine has no non-loopback IPv4 address to check the metrics port's binding with.");
}
