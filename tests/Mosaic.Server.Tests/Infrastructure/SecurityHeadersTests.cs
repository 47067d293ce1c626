using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Tests.Admin;

namespace Mosaic.Server.Tests.Infrastructure;

public sealed class SecurityHeadersTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        foreach (var path in new[] { "/api/health", "/api/auth/me", "/api/nope" })
        {
            var response = await app.CreateClient().GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("default-src 'self'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Cors_allows_only_configured_origins_with_credentials()
    {
        var client = app.CreateClient();
        var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/credentials");
        allowed.Headers.Add("Origin", "http://localhost:5173");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "content-type,x-xsrf-token");
        var ok = await client.SendAsync(allowed);
        Assert.Equal("http://localhost:5173", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", ok.Headers.GetValues("Access-Control-Allow-Credentials").Single());

        var evil = new HttpRequestMessage(HttpMethod.Options, "/api/credentials");
        evil.Headers.Add("Origin", "https://evil.example");
        evil.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.False((await client.SendAsync(evil)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/credentials/{datasource}/status", paths);
        Assert.Contains("/api/datasources", paths);
        Assert.Contains("/api/health/ready", paths);
    }
}

public sealed class ProductionCookieTests
{
    private static void Production(MosaicAppFactory f)
    {
        f.Settings["ENVIRONMENT"] = "production";
        f.Settings["BCRYPT_WORK_FACTOR"] = "10";
        f.Settings["JWT_SECRET_KEY"] = new string('k', 40);
        f.Settings["ENCRYPTION_KEY"] = Convert.ToBase64String(new byte[32]);
    }

    [Fact]
    public async Task Outside_development_cookies_are_secure_and_keys_are_required()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(Production);
        app.ClientOptions.BaseAddress = new Uri("https://localhost"); // as behind TLS
        var browser = app.CreateBrowser();
        var email = $"prod-{Guid.NewGuid():N}@example.com";
        var signup = await browser.SignupAsync(email, "a long enough passphrase");
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        var cookies = signup.Headers.GetValues("Set-Cookie").ToList();
        Assert.All(cookies.Where(c => c.StartsWith("access_token=") || c.StartsWith("XSRF-TOKEN=")), c =>
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase)
        );
        Assert.False(File.Exists(Path.Combine(app.Database.DataDir, "secrets", "jwt.key"))); // nothing generated
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.PostAsync("/api/auth/logout", null)).StatusCode);
    }

    [Fact]
    public async Task Outside_development_plain_HTTP_is_refused_with_what_to_fix_before_anything_changes()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(Production);
        var browser = app.CreateBrowser(); // http://localhost: no TLS proxy in front
        var email = $"plain-{Guid.NewGuid():N}@example.com";
        var signup = await browser.SignupAsync(email, "a long enough passphrase");
        Assert.Equal(HttpStatusCode.Forbidden, signup.StatusCode);
        var problem = await signup.Content.ReadAsStringAsync();
        Assert.Contains("HTTPS required", problem);
        Assert.Contains("TRUSTED_PROXIES", problem);
        Assert.Equal(0, await app.DbAsync(db => db.Users.CountAsync(u => u.Email == email))); // refused before the account
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/health/live")).StatusCode); // probes stay open
    }
}
