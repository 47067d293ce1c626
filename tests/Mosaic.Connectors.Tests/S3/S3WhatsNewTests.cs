using System.Diagnostics;
using System.Net.Sockets;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Infrastructure.WhatsNewAssert;

namespace Mosaic.Connectors.Tests.S3;

/// <summary>
/// S3's whats_new over the demo's files in an s3rver of its own: it reads the first ten buckets and keeps the 30
/// newest objects, so a shared store that other tests fill at the same time could crowd these out.
/// </summary>
public sealed class S3WhatsNewTests : IAsyncLifetime
{
    private readonly string _storage = Directory.CreateTempSubdirectory("mosaic-s3rver-").FullName;
    private Process? _s3rver;
    private string _url = "";
    private DateTimeOffset _seeded;

    public async Task InitializeAsync()
    {
        var tools = TestServices.Require("MOSAIC_TEST_TOOLS");
        var port = FreePort();
        string[] args = ["-d", _storage, "-p", port.ToString(), "-a", "127.0.0.1", "--silent"];
        var start = new ProcessStartInfo(Path.Combine(tools, "s3rver"), args) { UseShellExecute = false };
        // s3rver builds ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in its legacy provider.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        _s3rver = Process.Start(start)!;
        _url = $"http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_s3rver.HasExited)
            {
                await Task.Delay(200);
            }
        }
        _seeded = DateTimeOffset.UtcNow.AddSeconds(-2);
        await SandboxFixture.SeedS3Async(_url, "");
    }

    public async Task DisposeAsync()
    {
        if (_s3rver is { HasExited: false })
        {
            _s3rver.Kill(entireProcessTree: true);
            await _s3rver.WaitForExitAsync();
        }
        Directory.Delete(_storage, recursive: true);
    }

    private Task<ConnectorProcess> ConnectorAsync() =>
        ConnectorProcess.StartAsync(
            "S3",
            new Dictionary<string, string>(S3Env.ForS3rver())
            {
                ["AWS_ENDPOINT_URL"] = _url,
                ["MOSAIC_EGRESS_ALLOW"] = TestServices.EgressEntry(_url),
            }
        );

    [Fact]
    public async Task Lists_objects_changed_in_the_window_newest_first_with_s3_links()
    {
        await using var s3 = await ConnectorAsync();
        var (items, _) = await CallAsync(s3, _seeded);

        var postmortem = Single(items, "new_object", "acme-engineering/postmortems/2025-checkout-double-charge.md");
        Assert.Equal("s3://acme-engineering/postmortems/2025-checkout-double-charge.md", postmortem.Text("url"));
        Assert.Equal("s3-acme-engineering/postmortems/2025-checkout-double-charge.md", postmortem.Text("id"));
        Assert.Matches(@"^\d+ bytes$", postmortem.Text("summary"));
        Assert.InRange(items.Count, 1, 30);
        Assert.All(items, i =>
            Assert.True(!i.Actionable() && i.Text("priority") == "low" && i.At() >= _seeded.AddSeconds(-1), i.ToString())
        );
        Assert.Equal(items.Select(i => i.At()).OrderDescending(), items.Select(i => i.At()));
    }

    [Fact]
    public async Task Nothing_is_new_after_the_last_upload()
    {
        await using var s3 = await ConnectorAsync();
        var later = DateTimeOffset.UtcNow.AddMinutes(1);
        var (items, truncated) = await CallAsync(s3, later, now: later.AddMinutes(1));
        Assert.Empty(items);
        Assert.False(truncated);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
