using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Sandbox.OAuth;

/// <summary>
/// Drives one of the Sandbox's authorization servers as a browser and a client would: the consent page (its form posted back
/// as the browser would post it), the redirect read without following it, token requests, and the /_sandbox/oauth controls.
/// </summary>
public sealed partial class OAuthFlow(SandboxFixture sandbox, string provider, string source) : IDisposable
{
    public HttpClient Http { get; } =
        new(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(sandbox.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>A registered redirect URI: Mosaic's callback for the source, on a loopback host.</summary>
    public string RedirectUri { get; } = $"http://127.0.0.1:5999/api/oauth/{source}/callback";

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Convert
            .ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        return (verifier, hash);
    }

    public static string Query(params (string Key, string Value)[] pairs) =>
        string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>Opens the consent page, checks it, clicks <paramref name="button"/>; returns the redirect's query parameters.</summary>
    public async Task<Dictionary<string, string>> ConsentAsync(string authorizeUrl, string button = "Approve")
    {
        using var page = await Http.GetAsync(authorizeUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"consent page {page.StatusCode}: {html}");
        Assert.Contains("authorize Mosaic</title>", html);
        Assert.Contains("Alice Chen", html);
        Assert.Contains(">Approve</button>", html);
        Assert.Contains(">Deny</button>", html);

        var form = Hidden()
            .Matches(html)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["decision"] = button == "Approve" ? "approve" : "deny";
        var action = WebUtility.HtmlDecode(Action().Match(html).Groups[1].Value);
        using var posted = await Http.PostAsync(action, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        Assert.StartsWith(RedirectUri + "?", location);
        return ParseQuery(location[(location.IndexOf('?') + 1)..]);
    }

    public static Dictionary<string, string> ParseQuery(string query) =>
        query
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostFormAsync(string path, params (string Key, string Value)[] form)
    {
        using var response = await Http.PostAsync(path, new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostJsonAsync(string path, JsonObject body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>GET with a bearer token (or another header), for the simulated APIs.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string token, string header = "Authorization")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? $"Bearer {token}" : token);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> ControlAsync(string action, object? body = null)
    {
        using var response = body is null
            ? await Http.PostAsync($"/_sandbox/oauth/{provider}/{action}", null)
            : await Http.PostAsJsonAsync($"/_sandbox/oauth/{provider}/{action}", body);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<JsonObject> StatsAsync() =>
        JsonNode.Parse(await Http.GetStringAsync($"/_sandbox/oauth/{provider}/stats"))!.AsObject();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex Hidden();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\">")]
    private static partial Regex Action();
}
