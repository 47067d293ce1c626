using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Mosaic.Server.Tests.Support;

/// <summary>
/// An HttpClient that behaves like the web UI: keeps cookies, and (unless told not to) copies the
/// XSRF-TOKEN cookie into the X-XSRF-TOKEN header on every request.
/// </summary>
public sealed class BrowserClient
{
    public BrowserClient(MosaicAppFactory factory, bool sendXsrfHeader = true)
    {
        Cookies = new CookieContainer();
        var handlers = new List<DelegatingHandler> { new CookieContainerHandler(Cookies) };
        if (sendXsrfHeader)
            handlers.Add(new XsrfHeaderHandler(Cookies));
        Http = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, [.. handlers]);
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    public string? Cookie(string name) => Cookies.GetCookies(Http.BaseAddress!)[name]?.Value;

    public Task<HttpResponseMessage> SignupAsync(string email, string password, string? name = null) =>
        Http.PostAsJsonAsync(
            "/api/auth/signup",
            new
            {
                email,
                password,
                name,
            }
        );

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Http.PostAsJsonAsync("/api/auth/login", new { email, password });

    /// <summary>Copies the XSRF-TOKEN cookie into the X-XSRF-TOKEN header, as the web UI does.</summary>
    internal sealed class XsrfHeaderHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Remove("X-XSRF-TOKEN");
            if (cookies.GetCookies(request.RequestUri!)["XSRF-TOKEN"]?.Value is { } token)
                request.Headers.Add("X-XSRF-TOKEN", token);
            return base.SendAsync(request, ct);
        }
    }
}

/// <summary>A signed-up, signed-in user and the client that carries their session.</summary>
public sealed record TestUser(BrowserClient Browser, string Id, string Email, string Password)
{
    public HttpClient Http => Browser.Http;
}
