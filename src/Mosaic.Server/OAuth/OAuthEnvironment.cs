using System.Collections.Concurrent;
using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>
/// What the operator configured for OAuth: <c>MOSAIC_PUBLIC_URL</c> (the address people reach Mosaic at, for redirect URLs),
/// each provider's <c>{PROVIDER}_OAUTH_CLIENT_ID</c> / <c>_CLIENT_SECRET</c> (the fallback when an admin saved no app) and
/// <c>{PROVIDER}_OAUTH_BASE_URL</c> (a provider somewhere else: a proxy, the Sandbox). --demo sets its Sandbox's here at
/// start-up (<see cref="Use"/>), in memory only.
/// </summary>
public sealed class OAuthEnvironment(IConfiguration config, ILogger<OAuthEnvironment> logger)
{
    readonly ConcurrentDictionary<string, (Uri BaseUrl, OAuthClientApp App)> _overrides = new();

    /// <summary>MOSAIC_PUBLIC_URL without a trailing slash, or null to use each request's own scheme and host.</summary>
    public string? PublicUrl => Absolute("MOSAIC_PUBLIC_URL")?.AbsoluteUri.TrimEnd('/');

    public Uri? BaseUrl(OAuthProvider provider) =>
        _overrides.TryGetValue(provider.Id, out var o) ? o.BaseUrl : Absolute($"{provider.EnvPrefix}_OAUTH_BASE_URL");

    /// <summary>The app from the environment; null unless both the id and the secret are set.</summary>
    public OAuthClientApp? App(OAuthProvider provider)
    {
        if (_overrides.TryGetValue(provider.Id, out var o))
            return o.App;
        var id = config[$"{provider.EnvPrefix}_OAUTH_CLIENT_ID"];
        var secret = config[$"{provider.EnvPrefix}_OAUTH_CLIENT_SECRET"];
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret) ? null : new OAuthClientApp(id.Trim(), secret.Trim());
    }

    /// <summary>Points a provider at <paramref name="baseUrl"/> with its app, as if the environment said so (--demo).</summary>
    public void Use(OAuthProvider provider, Uri baseUrl, OAuthClientApp app) => _overrides[provider.Id] = (baseUrl, app);

    Uri? Absolute(string name)
    {
        if (config[name] is not { Length: > 0 } value)
            return null;
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return url;
        logger.LogWarning("{Setting} is not an absolute http(s) URL; it is ignored", name);
        return null;
    }
}
