using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Http;
using Mosaic.Connectors.GoogleWorkspace.Auth;

namespace Mosaic.Connectors.GoogleWorkspace;

/// <summary>
/// The thin client every Google tool uses: GET a JSON resource with a live access token. A 401 means the
/// token died early (revoked, clock skew): it is dropped, refreshed once, and the request sent again.
/// 429/5xx are retried by the kit's resilience handler (these are GETs, safe to repeat). A given GOOGLE_ACCESS_TOKEN is not
/// refreshed here: its 401 reaches the host, which refreshes the connection and calls again.
/// </summary>
public sealed class GoogleClient(HttpClient http, GoogleTokenCache tokens, GoogleOAuthClient oauth, GoogleSettings settings)
{
    public async Task<JsonObject> GetAsync(string service, string url, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(oauth.RefreshAsync, cancellationToken);
        using var first = await SendAsync(url, token, cancellationToken);
        if (first.StatusCode != HttpStatusCode.Unauthorized || settings.AccessToken is not null)
            return await ReadAsync(first, service, cancellationToken);

        tokens.Invalidate(token);
        token = await tokens.GetAsync(oauth.RefreshAsync, cancellationToken);
        using var second = await SendAsync(url, token, cancellationToken);
        return await ReadAsync(second, service, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string service, CancellationToken cancellationToken)
    {
        await response.EnsureUpstreamSuccessAsync(service, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
            ?? throw new UpstreamException(service, (int)response.StatusCode, null, "the response was not a JSON object");
    }
}
