using System.Net;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>With a UI build in wwwroot: files are served, client routes get index.html, /api stays the API.</summary>
public sealed class WebUiTests : IAsyncLifetime
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("mosaic-webroot-").FullName;
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "index.html"), "<!doctype html><title>Mosaic UI</title>");
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "assets", "app.js"), "console.log('mosaic')");
        _app = await MosaicAppFactory.StartNewAsync(f => f.Settings["MOSAIC_WEB_ROOT"] = _webRoot);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    [Fact]
    public async Task Serves_the_ui_and_falls_back_to_index_for_client_routes()
    {
        var client = _app.CreateClient();
        Assert.Contains("Mosaic UI", await client.GetStringAsync("/"));
        Assert.Contains("Mosaic UI", await client.GetStringAsync("/chat/some-session"));
        Assert.Contains("console.log", await client.GetStringAsync("/assets/app.js"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/missing.js")).StatusCode);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/nope"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.DeleteAsync("/api/auth/me"), HttpStatusCode.MethodNotAllowed);
        Assert.Equal("healthy", (await ProblemAssert.JsonAsync(await client.GetAsync("/api/health"))).GetProperty("status").GetString());
    }
}
