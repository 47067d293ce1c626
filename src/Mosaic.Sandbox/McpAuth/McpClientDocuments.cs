using System.Net;
using System.Text.Json;

namespace Mosaic.Sandbox.McpAuth;

/// <summary>
/// Resolves an OAuth client: one registered here (RFC 7591), or a Client ID Metadata Document — the client_id is an
/// https URL (or, for loopback test runs, an http one) that is fetched and must describe itself under that same URL.
/// </summary>
public sealed class McpClientDocuments(McpAuthState state)
{
    // Loopback only: a test's Mosaic serves its document over https with a throwaway certificate.
    static readonly HttpClient Http = new(
        new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (request, _, _, errors) => errors == 0 || request.RequestUri?.IsLoopback == true,
        }
    )
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The client, or why it is not one (shown on the authorization server's own error page).</summary>
    public async Task<(McpAuthClient? Client, string? Problem)> ResolveAsync(string? clientId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientId))
            return (null, "client_id is missing.");
        if (state.Clients.TryGetValue(clientId, out var registered))
            return (registered, null);
        if (!Uri.TryCreate(clientId, UriKind.Absolute, out var url) || !IsDocumentUrl(url))
            return (null, "Unknown client_id.");
        if (!state.Settings.Cimd)
            return (null, "This server does not accept Client ID Metadata Documents.");
        state.Count("metadata");
        try
        {
            using var response = await Http.GetAsync(url, ct);
            if (response.StatusCode != HttpStatusCode.OK)
                return (null, $"The client metadata document answered {(int)response.StatusCode}.");
            var body = await response.Content.ReadAsStringAsync(ct);
            if (body.Length > 5000)
                return (null, "The client metadata document is too large.");
            return Parse(clientId, JsonDocument.Parse(body).RootElement);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            return (null, $"The client metadata document could not be read ({e.GetType().Name}).");
        }
    }

    static (McpAuthClient?, string?) Parse(string clientId, JsonElement doc)
    {
        if (doc.ValueKind != JsonValueKind.Object)
            return (null, "The client metadata document is not a JSON object.");
        if (!doc.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() != clientId)
            return (null, "The client metadata document's client_id is not its own URL.");
        if (doc.TryGetProperty("token_endpoint_auth_method", out var method) && method.GetString() is not ("none" or null))
            return (null, "A client metadata document client must be public (token_endpoint_auth_method none).");
        if (
            !doc.TryGetProperty("redirect_uris", out var uris)
            || uris.ValueKind != JsonValueKind.Array
            || uris.GetArrayLength() == 0
            || uris.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String)
        )
            return (null, "The client metadata document has no redirect_uris.");
        var name = doc.TryGetProperty("client_name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : clientId;
        return (new McpAuthClient(clientId, null, name, [.. uris.EnumerateArray().Select(u => u.GetString()!)], false), null);
    }

    static bool IsDocumentUrl(Uri url) =>
        url.AbsolutePath.Length > 1 && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
