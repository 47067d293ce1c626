using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mosaic.Sandbox.McpAuth;

/// <summary>What the test controls switch (POST /_sandbox/mcp-auth/settings); every field optional in the request.</summary>
public sealed record McpAuthSettings
{
    /// <summary>Client ID Metadata Documents accepted (<c>client_id_metadata_document_supported</c>).</summary>
    public bool Cimd { get; init; } = true;

    /// <summary>Dynamic Client Registration at /mcp-auth/register (RFC 7591).</summary>
    public bool Dcr { get; init; } = true;

    /// <summary>tools/list (and initialize) open, tools/call protected: the server asks for authorization at call time.</summary>
    public bool CallTimeAuth { get; init; }

    /// <summary>The authorization response carries another server's <c>iss</c> (a mix-up the client must refuse).</summary>
    public bool WrongIss { get; init; }

    public int AccessTokenLifetimeSeconds { get; init; } = 3600;
}

public sealed record McpAuthClient(string ClientId, string? Secret, string Name, IReadOnlyList<string> RedirectUris, bool Registered);

public sealed record McpAuthCode(
    string ClientId,
    string RedirectUri,
    string Challenge,
    string Resource,
    string Scope,
    DateTimeOffset Expires
);

public sealed record McpAuthGrant(string ClientId, string Resource, string Scope, DateTimeOffset Expires);

/// <summary>
/// The Acme Wiki authorization server's memory: registered clients, codes (single use, 10 minutes), access tokens
/// (opaque, bound to the resource they were asked for) and rotating refresh tokens. Reset with the Sandbox.
/// </summary>
public sealed class McpAuthState
{
    public McpAuthSettings Settings { get; set; } = new();
    public ConcurrentDictionary<string, McpAuthClient> Clients { get; } = new();
    public ConcurrentDictionary<string, McpAuthCode> Codes { get; } = new();
    public ConcurrentDictionary<string, McpAuthGrant> AccessTokens { get; } = new();
    public ConcurrentDictionary<string, McpAuthGrant> RefreshTokens { get; } = new();
    public bool RefreshRevoked { get; set; }

    int _authorizations,
        _denials,
        _codeExchanges,
        _refreshes,
        _registrations,
        _metadataFetches;

    public void Count(string what)
    {
        switch (what)
        {
            case "authorization":
                Interlocked.Increment(ref _authorizations);
                break;
            case "denial":
                Interlocked.Increment(ref _denials);
                break;
            case "code":
                Interlocked.Increment(ref _codeExchanges);
                break;
            case "refresh":
                Interlocked.Increment(ref _refreshes);
                break;
            case "registration":
                Interlocked.Increment(ref _registrations);
                break;
            case "metadata":
                Interlocked.Increment(ref _metadataFetches);
                break;
        }
    }

    public object Stats(DateTimeOffset now) =>
        new
        {
            authorizations = _authorizations,
            denials = _denials,
            codeExchanges = _codeExchanges,
            refreshes = _refreshes,
            registrations = _registrations,
            clientMetadataFetches = _metadataFetches,
            liveAccessTokens = AccessTokens.Count(t => t.Value.Expires > now),
        };

    public void Reset()
    {
        Settings = new();
        Clients.Clear();
        Codes.Clear();
        AccessTokens.Clear();
        RefreshTokens.Clear();
        RefreshRevoked = false;
        _authorizations = _denials = _codeExchanges = _refreshes = _registrations = _metadataFetches = 0;
    }

    public static string NewToken(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
