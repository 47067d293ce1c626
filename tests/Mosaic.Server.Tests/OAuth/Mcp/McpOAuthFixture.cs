using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Fakes;
using Mosaic.Server.Tests.Support;

namespace Mosaic.Server.Tests.OAuth.Mcp;

/// <summary>
/// The Sandbox's Acme Wiki (an MCP server behind OAuth 2.1) as the custom source "wiki" with <c>"auth": "oauth"</c>, and
/// Mosaic on a real https port (a throwaway certificate): the Sandbox's authorization server fetches Mosaic's Client ID
/// Metadata Document from it, and the SDK only sends https document URLs.
/// </summary>
public sealed class McpOAuthFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; } = new();
    public FakeAnthropic Model { get; private set; } = null!;
    public MosaicAppFactory App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    readonly X509Certificate2 _certificate = SelfSigned();

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        Model = await FakeAnthropic.StartAsync();
        Model.DefaultFor("claude-haiku-4-5", _ => FakeReply.Text("[]")); // the routing model picks nothing: all tools offered
        var port = FreePort();
        BaseAddress = new Uri($"https://127.0.0.1:{port}/");
        var dir = Directory.CreateTempSubdirectory("mosaic-mcp-oauth").FullName;
        var connectors = Path.Combine(dir, "connectors.json");
        await File.WriteAllTextAsync(
            connectors,
            $$"""
            { "sources": [ { "id": "wiki", "name": "Acme Wiki", "url": "{{Sandbox.BaseUrl}}/mcp-auth/wiki", "auth": "oauth",
              "scopes": ["wiki.read"], "read_only_tools": ["search_pages", "get_page", "whoami"] } ] }
            """
        );
        App = await MosaicAppFactory.StartNewAsync(app =>
        {
            app.Settings["MOSAIC_CONNECTORS_FILE"] = connectors;
            app.Settings["MOSAIC_EGRESS_ALLOW"] = Sandbox.EnvFor("slack")["MOSAIC_EGRESS_ALLOW"];
            app.Settings["MOSAIC_PUBLIC_URL"] = BaseAddress.AbsoluteUri.TrimEnd('/');
            app.Settings["MOSAIC_LLM_PROVIDER"] = "anthropic";
            app.Settings["ANTHROPIC_API_KEY"] = "sk-ant-test";
            app.Settings["ANTHROPIC_BASE_URL"] = Model.BaseUrl;
        });
        App.UseKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(_certificate)));
        App.StartServer();
    }

    public IMcpHub Hub => App.Services.GetRequiredService<IMcpHub>();

    /// <summary>A browser: cookies, the XSRF header, redirects left to the test, and trust in this test's certificate only.</summary>
    public HttpClient Browser(CookieContainer cookies) =>
        new(
            new BrowserClient.XsrfHeaderHandler(cookies)
            {
                InnerHandler = new HttpClientHandler
                {
                    CookieContainer = cookies,
                    AllowAutoRedirect = false,
                    ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == _certificate.Thumbprint,
                },
            }
        )
        {
            BaseAddress = BaseAddress,
        };

    public async Task<(HttpClient Http, string Id)> SignUpAsync()
    {
        var http = Browser(new CookieContainer());
        var email = $"user-{Guid.NewGuid():N}@example.com";
        (
            await http.PostAsJsonAsync(
                "/api/auth/signup",
                new
                {
                    email,
                    password = "correct horse battery staple",
                    name = "Test",
                }
            )
        ).EnsureSuccessStatusCode();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "correct horse battery staple" });
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        (await http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode(); // a fresh XSRF token, as the UI gets at start
        return (http, body.GetProperty("user").GetProperty("id").GetString()!);
    }

    /// <summary>Start → the consent page → Approve: the URL the authorization server sends the browser back to.</summary>
    public async Task<Uri> ApproveAsync(HttpClient browser, string decision = "approve")
    {
        var start = await browser.GetAsync("/api/oauth/wiki/start?return_to=/chat");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var consent = await browser.GetAsync(start.Headers.Location);
        var page = await consent.Content.ReadAsStringAsync();
        Assert.True(consent.IsSuccessStatusCode, page);
        Assert.Contains("Acme Wiki — authorize Mosaic", page);
        var fields = Regex
            .Matches(page, "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["decision"] = decision;
        var answer = await browser.PostAsync(new Uri(new Uri(Sandbox.BaseUrl), "/mcp-auth/authorize"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    /// <summary>The whole Connect; returns where Mosaic sent the browser at the end.</summary>
    public async Task<string> ConnectAsync(HttpClient browser)
    {
        var callback = await ApproveAsync(browser);
        var done = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return done.Headers.Location!.OriginalString;
    }

    public Task SandboxAsync(string control, object? body = null) =>
        Sandbox
            .Http.PostAsJsonAsync($"/_sandbox/mcp-auth/{control}", body ?? new { })
            .ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    public async Task<JsonElement> StatsAsync() => await Sandbox.Http.GetFromJsonAsync<JsonElement>("/_sandbox/mcp-auth/stats");

    static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Model.DisposeAsync();
        _certificate.Dispose();
    }
}
