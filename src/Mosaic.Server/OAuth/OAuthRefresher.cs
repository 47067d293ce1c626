using Mosaic.Server.Connectors;
using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>
/// Keeps OAuth connections working (docs/oauth.md#refresh): an access token that expires within <see cref="Margin"/> is
/// refreshed before a launch uses it, and once more when a tool says the provider refused it. One refresh per
/// (user, source) at a time across replicas (<see cref="OAuthRefreshLock"/>); the row is read again once the lock is held,
/// and the new tokens (a rotated refresh token with them) are written in one conditional UPDATE. A refresh the provider
/// refuses marks the connection "reconnect needed" with the sentence to show. Scoped.
/// </summary>
public sealed class OAuthRefresher(
    OAuthVault vault,
    OAuthApps apps,
    OAuthProviders providers,
    OAuthEnvironment environment,
    OAuthTokenRequests tokens,
    OAuthRefreshLock locks,
    TimeProvider time,
    ILogger<OAuthRefresher> logger
)
{
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    /// <summary>The sentence for a connection the provider no longer honours.</summary>
    public static string RefusedSentence(OAuthProvider provider) =>
        $"{provider.Name} refused the saved authorization: reconnect {provider.Name}.";

    /// <summary>
    /// The fields a launch of <paramref name="connection"/> uses: as stored, or refreshed first when the access token is
    /// about to expire (or <paramref name="force"/>: a tool was refused with the stored one).
    /// </summary>
    /// <param name="fixedSettings">The admin's fixed settings (Shopify's shop, GitHub's API URL), for the provider's URLs.</param>
    public async Task<OAuthFreshness> FreshAsync(
        OAuthConnection connection,
        IReadOnlyDictionary<string, string> fixedSettings,
        bool force,
        CancellationToken ct
    )
    {
        if (!connection.IsOAuth || providers.ForSource(connection.Datasource) is not { } provider)
            return new(connection.Fields, null, false);
        if (connection.ReconnectReason is { } reason)
            return new(null, reason, false);
        if (!force && !ExpiresSoon(connection))
            return new(connection.Fields, null, false);

        await using var held = await locks.AcquireAsync(connection.UserId, connection.Datasource, ct);
        var current = await vault.FindAsync(connection.UserId, connection.Datasource, ct);
        if (current is null || !current.IsOAuth)
            return new(current?.Fields, null, false);
        if (current.ReconnectReason is { } marked)
            return new(null, marked, false);
        // Someone refreshed (or reconnected) while this call waited for the lock: their tokens are the fresh ones.
        if (current.Version != connection.Version || (!force && !ExpiresSoon(current)))
            return new(current.Fields, null, current.Version != connection.Version);
        return await RefreshAsync(provider, current, fixedSettings, ct);
    }

    bool ExpiresSoon(OAuthConnection c) => c.ExpiresAt is { } at && at - time.GetUtcNow().UtcDateTime < Margin;

    async Task<OAuthFreshness> RefreshAsync(
        OAuthProvider provider,
        OAuthConnection current,
        IReadOnlyDictionary<string, string> fixedSettings,
        CancellationToken ct
    )
    {
        var app = await apps.FindAsync(provider, ct);
        if (app is null)
        {
            logger.LogWarning(
                "The {Provider} OAuth app is not configured: the {Datasource} connection cannot be refreshed",
                provider.Id,
                current.Datasource
            );
            return new(current.Fields, null, false);
        }
        var fields = new Dictionary<string, string>(current.Fields, StringComparer.Ordinal);
        foreach (var (name, value) in fixedSettings)
            fields[name] = value;
        var place = OAuthPlaces.For(provider, environment, fields);
        OAuthGrant grant;
        try
        {
            grant = await provider.RefreshAsync(tokens, new OAuthRefreshContext(app, provider.Urls(place), fields, place), ct);
        }
        catch (OAuthRefreshRefusedException e)
        {
            logger.LogWarning(
                "{Provider} refused to refresh the {Datasource} connection of {Owner} ({Error}): reconnect needed",
                provider.Id,
                current.Datasource,
                current.UserId ?? "the workspace",
                e.Error
            );
            await vault.MarkReconnectAsync(current, RefusedSentence(provider), ct);
            return new(null, RefusedSentence(provider), false);
        }
        catch (Exception e)
            when (e is OAuthRequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Unreachable or a server error: the stored token may still work; the next launch tries again.
            logger.LogWarning(
                "Refreshing the {Datasource} connection at {Provider} failed: {Error}",
                current.Datasource,
                provider.Id,
                e.Message
            );
            return new(current.Fields, null, false);
        }

        var merged = new Dictionary<string, string>(current.Fields, StringComparer.Ordinal);
        foreach (var (name, value) in grant.Fields)
            merged[name] = value;
        var expiresAt = grant.Lifetime is { } life ? time.GetUtcNow().UtcDateTime + life : (DateTime?)null;
        if (await vault.UpdateTokensAsync(current, merged, expiresAt, ct))
        {
            logger.LogInformation(
                "Refreshed the {Datasource} connection of {Owner}",
                current.Datasource,
                current.UserId ?? "the workspace"
            );
            return new(merged, null, true);
        }
        // Replaced while refreshing (a reconnect, a disconnect): what is stored now wins.
        var now = await vault.FindAsync(current.UserId, current.Datasource, ct);
        return new(now?.Fields, now?.ReconnectReason, true);
    }
}

/// <param name="Fields">The stored fields to launch with (bookkeeping included; the caller strips it); null when there is
/// no connection any more or it needs the person.</param>
/// <param name="Reconnect">The sentence to show when only a new connection helps.</param>
/// <param name="Changed">The tokens differ from those the caller had (refreshed here or by someone else).</param>
public sealed record OAuthFreshness(IReadOnlyDictionary<string, string>? Fields, string? Reconnect, bool Changed);
