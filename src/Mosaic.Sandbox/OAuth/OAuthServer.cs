using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.OAuth;

/// <summary>One provider's client and its token habits (prefixes, lifetimes, rotation by default).</summary>
public sealed record OAuthProviderInfo(
    string Id,
    string Name,
    string Source,
    string ClientId,
    string ClientSecret,
    string AccessPrefix,
    string RefreshPrefix,
    int AccessLifetimeSeconds,
    bool RotateRefreshTokens,
    int? RefreshLifetimeSeconds = null
);

/// <summary>
/// What a person (always Alice) approved: which client, which scopes, and <c>Extra</c>, the provider's own: Slack keeps the
/// user scopes there at the code, and the token kind ("bot" or "user") once the grants are split.
/// </summary>
public sealed record OAuthGrant(string Id, string ClientId, string Scope, string Extra);

/// <summary>A token pair as a token endpoint returns it (lifetimes in seconds; null: the token does not expire).</summary>
public sealed record OAuthTokens(string AccessToken, int? ExpiresIn, string? RefreshToken, int? RefreshExpiresIn, OAuthGrant Grant);

public enum TokenState
{
    Valid,
    Expired,
    Revoked,
    Unknown,
}

public enum CodeRedemption
{
    Ok,
    Invalid,
    WrongClient,
    WrongRedirect,
    PkceMismatch,
}

/// <summary>
/// The part of an OAuth authorization server every simulated provider shares: codes (single use, ten minutes, bound to client,
/// redirect URI and PKCE challenge), access tokens that expire on the Sandbox's clock, refresh tokens (rotated when the provider
/// rotates them: a used one is refused), revocation, counters and the test controls. Provider classes add paths and wire formats.
/// </summary>
public sealed class OAuthServer(OAuthProviderInfo info, TimeProvider time)
{
    private sealed record Code(string ClientId, string RedirectUri, string Scope, string? Challenge, string Extra, DateTimeOffset Expires);

    private sealed record Access(OAuthGrant Grant, DateTimeOffset? Expires, bool Revoked, string? Refresh);

    private sealed record RefreshEntry(OAuthGrant Grant, DateTimeOffset? Expires, bool Fixed);

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Code> _codes = [];
    private readonly Dictionary<string, Access> _access = [];
    private readonly Dictionary<string, RefreshEntry> _refresh = [];
    private readonly Dictionary<string, Func<OAuthGrant>> _fixedRefresh = [];
    private int _authorizations,
        _denials,
        _codeExchanges,
        _refreshes,
        _revocations;
    private int? _lifetime;
    private bool? _rotate;

    public OAuthProviderInfo Info => info;

    /// <summary>What follows the access-token prefix for a grant (Slack: xoxb- for the bot, xoxp- for the user).</summary>
    public Func<OAuthGrant, string> KindPrefix { get; init; } = _ => "";

    public int AccessLifetime => _lifetime ?? info.AccessLifetimeSeconds;

    public bool Rotates => _rotate ?? info.RotateRefreshTokens;

    public DateTimeOffset Now => time.GetUtcNow();

    public bool ClientMatches(string? clientId, string? secret) =>
        clientId == info.ClientId && secret is not null && FixedTimeEquals(secret, info.ClientSecret);

    /// <summary>
    /// A refresh token that exists from the start and is never consumed (Google's configured connector uses one); the grant is
    /// built at each use so it reflects the test's current settings (Google's narrowed scopes).
    /// </summary>
    public void AddFixedRefreshToken(string token, Func<OAuthGrant> grant)
    {
        lock (_gate)
        {
            _fixedRefresh[token] = grant;
            _refresh[token] = new RefreshEntry(grant(), null, Fixed: true);
        }
    }

    /// <summary>
    /// A member token of a fixed refresh token (<see cref="SandboxTokens.TryMember"/>) becomes a fixed refresh token of its
    /// own, whose grant id names the member, so the access tokens it mints remember whose they are.
    /// </summary>
    private void AddMemberLocked(string token)
    {
        foreach (var (fixedToken, grant) in _fixedRefresh.ToList())
            if (SandboxTokens.TryMember(token, fixedToken, out var member))
            {
                _fixedRefresh[token] = () =>
                {
                    var g = grant();
                    return g with { Id = SandboxTokens.Member(g.Id, member) };
                };
                _refresh[token] = new RefreshEntry(_fixedRefresh[token](), null, Fixed: true);
                return;
            }
    }

    public void CountDenial() => Interlocked.Increment(ref _denials);

    /// <summary>An authorization code for an approved request.</summary>
    public string IssueCode(string redirectUri, string scope, string? codeChallenge, string extra = "")
    {
        var code = Random(32);
        lock (_gate)
        {
            _codes[code] = new Code(info.ClientId, redirectUri, scope, codeChallenge, extra, Now + CodeLifetime);
            _authorizations++;
        }
        return code;
    }

    /// <summary>
    /// Redeems a code once. <paramref name="redirectUri"/> null means the request did not send one (Shopify never does); a code
    /// asked for with a PKCE challenge needs the matching S256 verifier. Only a successful redemption uses the code up.
    /// </summary>
    public CodeRedemption RedeemCode(string? code, string? clientId, string? redirectUri, string? verifier, out OAuthGrant? grant)
    {
        grant = null;
        lock (_gate)
        {
            if (code is null || !_codes.TryGetValue(code, out var c) || c.Expires <= Now)
                return CodeRedemption.Invalid;
            if (clientId != c.ClientId)
                return CodeRedemption.WrongClient;
            if (redirectUri is not null && redirectUri != c.RedirectUri)
                return CodeRedemption.WrongRedirect;
            if (c.Challenge is not null && (verifier is null || S256(verifier) != c.Challenge))
                return CodeRedemption.PkceMismatch;
            _codes.Remove(code);
            _codeExchanges++;
            grant = new OAuthGrant(NewId(), c.ClientId, c.Scope, c.Extra);
            return CodeRedemption.Ok;
        }
    }

    /// <summary>A new access token for <paramref name="grant"/>, with a refresh token when <paramref name="withRefresh"/>.</summary>
    public OAuthTokens Issue(OAuthGrant grant, bool withRefresh, bool expiring = true)
    {
        lock (_gate)
            return IssueLocked(grant, withRefresh, expiring);
    }

    private OAuthTokens IssueLocked(OAuthGrant grant, bool withRefresh, bool expiring)
    {
        var lifetime = expiring ? AccessLifetime : (int?)null;
        var access = info.AccessPrefix + KindPrefix(grant) + Random(24);
        string? refresh = null;
        int? refreshLifetime = null;
        if (withRefresh)
        {
            refresh = info.RefreshPrefix + Random(32);
            refreshLifetime = info.RefreshLifetimeSeconds;
            _refresh[refresh] = new RefreshEntry(grant, refreshLifetime is { } r ? Now.AddSeconds(r) : null, Fixed: false);
        }
        _access[access] = new Access(grant, lifetime is { } l ? Now.AddSeconds(l) : null, false, refresh);
        return new OAuthTokens(access, lifetime, refresh, refreshLifetime, grant);
    }

    /// <summary>
    /// A new access token for a live refresh token of this client, or null when it is unknown, used up, revoked or expired.
    /// When the provider rotates, the answer carries a new refresh token and the one sent is refused from now on (and, with
    /// <paramref name="retireOldAccess"/>, as GitHub does, the access tokens issued with it stop working too).
    /// </summary>
    public OAuthTokens? Refresh(string? refreshToken, string? clientId, bool retireOldAccess = false)
    {
        lock (_gate)
        {
            if (refreshToken is not null && !_refresh.ContainsKey(refreshToken))
                AddMemberLocked(refreshToken);
            if (refreshToken is null || clientId != info.ClientId || !_refresh.TryGetValue(refreshToken, out var r))
                return null;
            if (r.Expires is { } e && e <= Now)
                return null;
            _refreshes++;
            var grant = r.Fixed ? _fixedRefresh[refreshToken]() : r.Grant;
            if (!Rotates || r.Fixed)
            {
                var tokens = IssueLocked(grant, withRefresh: false, expiring: true);
                _access[tokens.AccessToken] = _access[tokens.AccessToken] with { Refresh = refreshToken };
                return tokens;
            }
            _refresh.Remove(refreshToken);
            if (retireOldAccess)
                foreach (var (token, a) in _access.Where(a => a.Value.Refresh == refreshToken).ToList())
                    _access[token] = a with { Revoked = true };
            return IssueLocked(grant, withRefresh: true, expiring: true);
        }
    }

    /// <summary>Whether <paramref name="token"/> is a live access token, and for which grant.</summary>
    public TokenState Check(string? token, out OAuthGrant? grant)
    {
        grant = null;
        lock (_gate)
        {
            if (token is null || !_access.TryGetValue(token, out var a))
                return TokenState.Unknown;
            grant = a.Grant;
            if (a.Revoked)
                return TokenState.Revoked;
            return a.Expires is { } e && e <= Now ? TokenState.Expired : TokenState.Valid;
        }
    }

    /// <summary>
    /// Revokes an access or refresh token. A refresh token takes its access tokens with it; <paramref name="wholeGrant"/> ends the
    /// whole authorization (every token of the grant), as Shopify's uninstall and Google's revoke do. False: no such token.
    /// </summary>
    public bool Revoke(string? token, bool wholeGrant)
    {
        lock (_gate)
        {
            OAuthGrant? grant = null;
            if (token is not null && _access.TryGetValue(token, out var a))
            {
                _access[token] = a with { Revoked = true };
                grant = a.Grant;
                if (a.Refresh is { } paired && _refresh.TryGetValue(paired, out var pr) && !pr.Fixed)
                    _refresh.Remove(paired);
            }
            else if (token is not null && _refresh.TryGetValue(token, out var r))
            {
                _refresh.Remove(token);
                grant = r.Grant;
                foreach (var (t, x) in _access.Where(x => x.Value.Refresh == token).ToList())
                    _access[t] = x with { Revoked = true };
            }
            if (grant is null)
                return false;
            if (wholeGrant)
            {
                foreach (var (t, x) in _access.Where(x => x.Value.Grant.Id == grant.Id).ToList())
                    _access[t] = x with { Revoked = true };
                foreach (var t in _refresh.Where(x => x.Value.Grant.Id == grant.Id && !x.Value.Fixed).Select(x => x.Key).ToList())
                    _refresh.Remove(t);
            }
            _revocations++;
            return true;
        }
    }

    public void Configure(int? accessTokenLifetimeSeconds, bool? rotateRefreshTokens)
    {
        if (accessTokenLifetimeSeconds is > 0)
            _lifetime = accessTokenLifetimeSeconds;
        if (rotateRefreshTokens is not null)
            _rotate = rotateRefreshTokens;
    }

    /// <summary>Every live access token is expired now (the next API call gets the provider's 401).</summary>
    public void ExpireAccess()
    {
        lock (_gate)
            foreach (var (token, a) in _access.ToList())
                if (a.Expires is null || a.Expires > Now)
                    _access[token] = a with { Expires = Now };
    }

    /// <summary>Every refresh token that exists now is refused from now on (a new authorization issues working ones).</summary>
    public void RevokeRefresh()
    {
        lock (_gate)
            _refresh.Clear();
    }

    public JsonObject Stats()
    {
        lock (_gate)
            return new JsonObject
            {
                ["authorizations"] = _authorizations,
                ["denials"] = _denials,
                ["codeExchanges"] = _codeExchanges,
                ["refreshes"] = _refreshes,
                ["revocations"] = _revocations,
                ["liveAccessTokens"] = _access.Values.Count(a => !a.Revoked && (a.Expires is null || a.Expires > Now)),
                ["accessTokenLifetimeSeconds"] = AccessLifetime,
                ["rotateRefreshTokens"] = Rotates,
            };
    }

    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
            _access.Clear();
            _refresh.Clear();
            foreach (var (token, grant) in _fixedRefresh)
                _refresh[token] = new RefreshEntry(grant(), null, Fixed: true);
            _authorizations = _denials = _codeExchanges = _refreshes = _revocations = 0;
            _lifetime = null;
            _rotate = null;
        }
    }

    /// <summary>The PKCE S256 transform: BASE64URL(SHA256(ASCII(verifier))).</summary>
    public static string S256(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static string NewId() => Random(8);

    private static string Random(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
