using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.GoogleWorkspace.Auth;

/// <summary>Exchanges the long-lived refresh token for a short-lived access token at Google's token endpoint (or hands out
/// the GOOGLE_ACCESS_TOKEN the host keeps fresh).</summary>
public sealed class GoogleOAuthClient(HttpClient http, GoogleSettings settings)
{
    /// <summary>How long a given access token is kept: the host replaces the whole process with a new one.</summary>
    static readonly TimeSpan GivenTokenLifetime = TimeSpan.FromDays(1);

    public async Task<(string Token, TimeSpan Lifetime)> RefreshAsync(CancellationToken cancellationToken)
    {
        if (settings.AccessToken is { } given)
            return (given, GivenTokenLifetime);
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = settings.ClientId!,
                ["client_secret"] = settings.ClientSecret!,
                ["refresh_token"] = settings.RefreshToken!,
            }
        );
        using var response = await http.PostAsync(settings.Endpoints.Token, form, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body = null;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException) { }

        if (!response.IsSuccessStatusCode)
        {
            var error = body?["error"] is JsonValue e && e.TryGetValue<string>(out var code) ? code : null;
            var description = body?["error_description"]?.GetValue<string>() ?? response.ReasonPhrase ?? "";
            // The token endpoint's errors say what to fix; status null keeps the generic HTTP hint from muddling it.
            throw new UpstreamException(
                "Google sign-in",
                null,
                error ?? $"HTTP {(int)response.StatusCode}",
                error switch
                {
                    "invalid_grant" =>
                        $"{description} The refresh token in GOOGLE_REFRESH_TOKEN no longer works (revoked, its password changed, or "
                            + $"issued by an app in Testing status, whose tokens expire after 7 days): create a new one as described "
                            + $"in docs/google-workspace.md and update the data source.",
                    "invalid_client" or "unauthorized_client" =>
                        $"{description} Check GOOGLE_OAUTH_CLIENT_ID and GOOGLE_OAUTH_CLIENT_SECRET: they must be the OAuth client "
                            + $"the refresh token was issued to.",
                    _ => $"{description} Google's token endpoint refused to refresh the access token.",
                }
            );
        }
        var token = body?["access_token"]?.GetValue<string>();
        if (string.IsNullOrEmpty(token))
            throw new UpstreamException(
                "Google sign-in",
                (int)response.StatusCode,
                null,
                "the token endpoint answered without an access_token"
            );
        var seconds = body?["expires_in"] is JsonValue v && v.TryGetValue<int>(out var s) ? s : 3600;
        return (token, TimeSpan.FromSeconds(Math.Max(1, seconds)));
    }
}
