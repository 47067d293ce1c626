using Duende.IdentityModel.Client;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>
/// The server's requests to the providers' token endpoints, through Duende.IdentityModel (authorization code, refresh,
/// RFC 7009 revocation) and the host's egress policy (<see cref="HostEgress"/>), like every other connection the host makes.
/// Client credentials go in the body (every provider here accepts that). No token or secret is logged here or by the library.
/// </summary>
public sealed class OAuthTokenRequests(HostEgress egress)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A client for one request or flow; the policy may have grown since start-up (the demo adds its Sandbox).</summary>
    public HttpClient CreateClient() => new(egress.Policy.CreateHandler(followRedirects: false)) { Timeout = Timeout };

    public async Task<TokenResponse> ExchangeCodeAsync(
        OAuthProvider provider,
        ProviderUrls urls,
        OAuthClientApp app,
        string code,
        Uri redirectUri,
        string? verifier,
        CancellationToken ct
    )
    {
        using var http = CreateClient();
        var response = await http.RequestAuthorizationCodeTokenAsync(
            new AuthorizationCodeTokenRequest
            {
                Address = urls.Token.AbsoluteUri,
                ClientId = app.ClientId,
                ClientSecret = app.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.PostBody,
                Code = code,
                RedirectUri = redirectUri.AbsoluteUri,
                CodeVerifier = verifier,
                Parameters = provider.TokenExtras(),
            },
            ct
        );
        return Checked(response);
    }

    public async Task<TokenResponse> RefreshAsync(
        OAuthProvider provider,
        ProviderUrls urls,
        OAuthClientApp app,
        string refreshToken,
        CancellationToken ct
    )
    {
        using var http = CreateClient();
        var response = await http.RequestRefreshTokenAsync(
            new RefreshTokenRequest
            {
                Address = urls.Token.AbsoluteUri,
                ClientId = app.ClientId,
                ClientSecret = app.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.PostBody,
                RefreshToken = refreshToken,
                Parameters = provider.TokenExtras(),
            },
            ct
        );
        if (response.IsError && provider.RefusesAuthorization(ErrorCode(response)))
            throw new OAuthRefreshRefusedException(provider.Id, ErrorCode(response));
        return Checked(response);
    }

    /// <summary>RFC 7009 revocation (Google's <c>/revoke</c>).</summary>
    public async Task RevokeAsync(Uri address, OAuthClientApp app, string token, string? hint, CancellationToken ct)
    {
        using var http = CreateClient();
        var response = await http.RevokeTokenAsync(
            new TokenRevocationRequest
            {
                Address = address.AbsoluteUri,
                ClientId = app.ClientId,
                ClientSecret = app.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.PostBody,
                Token = token,
                TokenTypeHint = hint ?? "",
            },
            ct
        );
        if (response.IsError)
            throw new OAuthRequestException($"revocation failed ({Describe(response)})", ErrorCode(response));
    }

    /// <summary>A usable token response, or why not (a provider error code, an unreachable server) without any token.</summary>
    static TokenResponse Checked(TokenResponse response)
    {
        if (response.IsError)
            throw new OAuthRequestException($"the token request failed ({Describe(response)})", ErrorCode(response), response.Exception);
        if (string.IsNullOrEmpty(response.AccessToken))
            throw new OAuthRequestException("the token endpoint answered without an access token", "no_access_token");
        return response;
    }

    /// <summary>The provider's error code (<c>invalid_grant</c>, Slack's and GitHub's own at HTTP 200) whatever the status
    /// (Atlassian refuses a refresh token with 403); null when it sent none (unreachable, an HTML error page).</summary>
    static string? ErrorCode(ProtocolResponse response)
    {
        if (response.ErrorType == ResponseErrorType.Exception || response.Json is not { ValueKind: System.Text.Json.JsonValueKind.Object })
            return null;
        return response.TryGet("error");
    }

    /// <summary>The error code (or HTTP status, or exception type) only: a description may echo what was sent.</summary>
    internal static string Describe(ProtocolResponse response) =>
        response.ErrorType == ResponseErrorType.Exception
            ? response.Exception?.GetType().Name ?? "exception"
            : ErrorCode(response) ?? $"HTTP {(int)response.HttpStatusCode}";
}
